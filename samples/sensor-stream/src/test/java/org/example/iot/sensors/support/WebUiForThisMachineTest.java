package org.example.iot.sensors.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which remote addresses the web UI serves: loopback ones only (FraudAlertsAppIT asks over the network). */
class WebUiForThisMachineTest {

    @Test
    void loopbackAddressesAreServed() {
        for (String address : new String[] {"127.0.0.1", "127.0.1.1", "::1", "[::1]", "[0:0:0:0:0:0:0:1]"}) {
            assertTrue(WebUiForThisMachine.isLoopback(address), address);
        }
    }

    @Test
    void otherAddressesAreNot() {
        for (String address : new String[] {"192.0.2.2", "10.0.0.1", "0.0.0.0", "fe80::1", "[fe80::1]", "::ffff:192.0.2.2", "", "[]", "not-an-address"}) {
            assertFalse(WebUiForThisMachine.isLoopback(address), address);
        }
        assertFalse(WebUiForThisMachine.isLoopback(null));
    }
}
