package org.example.iot.sensors.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The one way lessons take options: values, then --name value. */
class CommandLineTest {

    @Test
    void valuesAndOptionsAreTakenApart() {
        CommandLine line = CommandLine.parse(new String[] {"localhost", "--trigger", "2 seconds", "9999"}, 2, "trigger");

        assertEquals(List.of("localhost", "9999"), line.positional());
        assertEquals("2 seconds", line.option("trigger", "none"));
        assertEquals("none", CommandLine.parse(new String[0], 0, "trigger").option("trigger", "none"));
    }

    @Test
    void eachMistakeIsNamed() {
        assertNamed("unknown option '--speed'", "--speed", "1");
        assertNamed("option '--trigger' needs a value", "--trigger");
        assertNamed("option '--trigger' is given twice", "--trigger", "1 second", "--trigger", "2 seconds");
        assertNamed("expected at most 2 values besides options, but got 3: a b c", "a", "b", "c");
    }

    private static void assertNamed(String message, String... args) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(args, 2, "trigger"));
        assertTrue(error.getMessage().startsWith(message), error::getMessage);
    }
}
