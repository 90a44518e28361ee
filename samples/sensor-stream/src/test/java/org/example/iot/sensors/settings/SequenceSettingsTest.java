package org.example.iot.sensors.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.example.iot.sensors.support.CheckpointOwner;

/**
 * Lesson 7's paths: its defaults apart from the other lessons', and its checkpoint refused to
 * another query, or when it is gone while the alerts it saved remain, before Spark starts.
 */
class SequenceSettingsTest {

    @Test
    void byDefaultItReadsLesson6sTopicAndSavesInPathsOfItsOwn() {
        SequenceSettings settings = SequenceSettings.fromArgs();

        assertEquals("payments", settings.topic());
        assertEquals(Path.of("saved", "sequences", "alerts"), settings.output("alerts"));
        assertEquals(Path.of("saved", "sequences-checkpoint", "rejected"), settings.checkpoint("rejected"));
    }

    @Test
    void theCheckpointOfAnotherTopicIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        settings(dir, "payments").lockCheckpoint();
        Files.writeString(dir.resolve("checkpoint").resolve("metadata"), "{\"id\":\"lesson 7\"}");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, settings(dir, "other")::lockCheckpoint);
        assertTrue(error.getMessage().contains("belongs to another query (lesson=7 topic=payments")
                && error.getMessage().contains("--checkpoint DIR") && !error.getMessage().contains("\n"), error.getMessage());
    }

    @Test
    void savedAlertsWhoseCheckpointIsGoneAreNotSilentlySkipped(@TempDir Path dir) throws Exception {
        SequenceSettings settings = settings(dir, "payments");
        Files.createDirectories(settings.output("alerts").resolve(CheckpointOwner.SINK_LOG));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, settings::lockCheckpoint);
        assertTrue(error.getMessage().contains("holds records saved with a checkpoint that is gone"), error.getMessage());
    }

    private static SequenceSettings settings(Path dir, String topic) {
        return new SequenceSettings("127.0.0.1:9092", topic, dir.resolve("sequences"), dir.resolve("checkpoint"));
    }
}
