package ${package}.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which remote addresses the web UI serves: loopback ones only (FraudAlertsAppIT asks over the network). */
class LoopbackOnlyFilterTest {

    @Test
    void loopbackAddressesAreServed() {
        for (String address : new String[] {"127.0.0.1", "127.0.1.1", "::1", "[::1]", "[0:0:0:0:0:0:0:1]"}) {
            assertTrue(LoopbackOnlyFilter.isLoopback(address), address);
        }
    }

    @Test
    void otherAddressesAreNot() {
        for (String address : new String[] {"192.0.2.2", "10.0.0.1", "0.0.0.0", "fe80::1", "[fe80::1]", "::ffff:192.0.2.2", "", "[]", "not-an-address"}) {
            assertFalse(LoopbackOnlyFilter.isLoopback(address), address);
        }
        assertFalse(LoopbackOnlyFilter.isLoopback(null));
    }
}
