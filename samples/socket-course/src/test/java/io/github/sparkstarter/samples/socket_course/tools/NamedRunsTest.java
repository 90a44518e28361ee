package io.github.sparkstarter.samples.socket_course.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class NamedRunsTest {

    @Test
    void namesTheRunsOfThePomInItsOrder() throws Exception {
        List<String> names = NamedRuns.namesIn(Path.of("pom.xml"));

        assertEquals(List.of("echo", "word-count", "windows"), names.subList(0, 3));
        assertTrue(names.containsAll(List.of("save-lines", "show-saved", "kafka-broker", "kafka-send", "kafka-lines", "alerts", "show-alerts",
                "sequences", "show-sequences")),
                names::toString);
    }
}
