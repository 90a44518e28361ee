package io.github.sparkstarter.samples.socket_course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;

/** The settings the app chooses: session defaults (given spark.* settings win), trigger, source partitions, Java check. */
class SessionDefaultsTest {

    @Test
    void onOneMachineItUsesAllCoresLoopbackAndNoWebUi() {
        Map<String, String> settings = SocketStreamApp.defaultSettings(new SparkConf(false));

        assertEquals("local[*]", settings.get("spark.master"));
        assertEquals("127.0.0.1", settings.get("spark.driver.bindAddress"));
        assertEquals("false", settings.get("spark.ui.enabled"));
        assertEquals(String.valueOf(Runtime.getRuntime().availableProcessors()), settings.get("spark.sql.shuffle.partitions"));
    }

    @Test
    void aGivenMasterKeepsTheClusterInCharge() {
        SparkConf given = new SparkConf(false).set("spark.master", "spark://127.0.0.1:7077");

        Map<String, String> settings = SocketStreamApp.defaultSettings(given);

        assertFalse(settings.containsKey("spark.master"));
        assertFalse(settings.containsKey("spark.driver.host"));
        assertFalse(settings.containsKey("spark.sql.shuffle.partitions"));
    }

    @Test
    void javaReleasesThatSpark35CannotRunOnAreRefusedUpFront() {
        assertNull(SocketStreamApp.unsupportedJava(17));
        assertNull(SocketStreamApp.unsupportedJava(21));
        assertTrue(SocketStreamApp.unsupportedJava(25).contains("Java 25"));
        assertTrue(SocketStreamApp.unsupportedJava(11).contains("Java 17 or newer"));
    }

    @Test
    void theTriggerIsTheLessonsUnlessStreamTriggerGivesAnother() {
        Trigger lessons = Trigger.ProcessingTime("5 seconds");

        assertEquals(lessons, SocketStreamApp.chosenTrigger(null, lessons));
        assertEquals(Trigger.ProcessingTime(100), SocketStreamApp.chosenTrigger("100 milliseconds", lessons));
        assertEquals(Trigger.Continuous("100 milliseconds"), SocketStreamApp.chosenTrigger("continuous", lessons));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SocketStreamApp.chosenTrigger("fast", lessons));
        assertTrue(error.getMessage().contains("stream.trigger 'fast'"), error::getMessage);
    }

    @Test
    void theSocketIsReadIntoOnePartitionUnlessStreamSourcePartitionsGivesMore() {
        assertEquals(1, SocketStreamApp.chosenSourcePartitions(null));
        assertEquals(4, SocketStreamApp.chosenSourcePartitions(" 4 "));
        for (String bad : new String[] {"0", "-2", "two", "1.5"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> SocketStreamApp.chosenSourcePartitions(bad));
            assertTrue(error.getMessage().contains("stream.sourcePartitions '" + bad + "'"), error::getMessage);
        }
    }

    @Test
    void theWebUiCanBeTurnedOn() {
        SparkConf given = new SparkConf(false).set("spark.ui.enabled", "true");

        assertFalse(SocketStreamApp.defaultSettings(given).containsKey("spark.ui.enabled"));
    }
}
