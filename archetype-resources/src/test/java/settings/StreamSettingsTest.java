package ${package}.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamSettingsTest {

    @Test
    void withoutArgumentsTheGeneratedDefaultsApply() {
        StreamSettings settings = StreamSettings.fromArgs();

        assertEquals("${appName}", settings.appName());
        assertEquals("${host}", settings.host());
        assertEquals(${port}, settings.port());
    }

    @Test
    void argumentsOverrideHostThenPort() {
        assertEquals("example.org", StreamSettings.fromArgs("example.org").host());
        assertEquals(StreamSettings.DEFAULT_PORT, StreamSettings.fromArgs("example.org").port());

        StreamSettings both = StreamSettings.fromArgs("127.0.0.1", "12345");
        assertEquals("127.0.0.1", both.host());
        assertEquals(12345, both.port());
        assertEquals("[::1]:7777", StreamSettings.fromArgs("::1", "7777").address());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "70000", "-1", "", "99.5"})
    void aBadPortIsRefusedWithTheValueAndTheAllowedRange(String port) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> StreamSettings.fromArgs("localhost", port));

        assertTrue(error.getMessage().contains("port '" + port + "'"), error::getMessage);
        assertTrue(error.getMessage().contains("1 to 65535"), error::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "local host"})
    void aBadHostIsRefused(String host) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> StreamSettings.fromArgs(host));

        assertTrue(error.getMessage().contains("host '" + host + "'"), error::getMessage);
    }

    @Test
    void aLoneNumberIsThePortAsForTheLineServerScripts() {
        StreamSettings settings = StreamSettings.fromArgs("9998");

        assertEquals(StreamSettings.DEFAULT_HOST, settings.host());
        assertEquals(9998, settings.port());
    }

    @Test
    void hostColonPortIsOneArgument() {
        assertEquals("localhost:9998", StreamSettings.fromArgs("localhost:9998").address());
        assertEquals("[::1]:9998", StreamSettings.fromArgs("[::1]:9998").address());
        assertEquals("[::1]:" + StreamSettings.DEFAULT_PORT, StreamSettings.fromArgs("::1").address());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> StreamSettings.fromArgs("localhost:99999"));
        assertTrue(error.getMessage().contains("port '99999'"), error::getMessage);
    }

    @Test
    void moreThanTwoArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> StreamSettings.fromArgs("a", "1", "extra"));
    }
}
