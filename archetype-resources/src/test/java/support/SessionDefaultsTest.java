package ${package}.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The settings the lessons give their session; a spark.* setting given from outside always wins. */
class SessionDefaultsTest {

    @Test
    void onOneMachineItUsesAllCoresLoopbackNoWebUiAndPrintsProgress() {
        Map<String, String> settings = SessionDefaults.addedTo(new SparkConf(false));

        assertEquals("local[*]", settings.get("spark.master"));
        assertEquals("127.0.0.1", settings.get("spark.driver.bindAddress"));
        assertEquals("false", settings.get("spark.ui.enabled"));
        assertEquals(String.valueOf(Runtime.getRuntime().availableProcessors()), settings.get("spark.sql.shuffle.partitions"));
        assertEquals(ProgressReport.class.getName(), settings.get("spark.sql.streaming.streamingQueryListeners"));
    }

    @Test
    void aGivenMasterKeepsTheClusterInCharge() {
        SparkConf given = new SparkConf(false).set("spark.master", "spark://127.0.0.1:7077");

        Map<String, String> settings = SessionDefaults.addedTo(given);

        assertFalse(settings.containsKey("spark.master"));
        assertFalse(settings.containsKey("spark.driver.host"));
        assertFalse(settings.containsKey("spark.sql.shuffle.partitions"));
    }

    @Test
    void theWebUiCanBeTurnedOn() {
        SparkConf given = new SparkConf(false).set("spark.ui.enabled", "true");

        assertFalse(SessionDefaults.addedTo(given).containsKey("spark.ui.enabled"));
    }

    @Test
    void listenersGivenKeepTheirPlaceBeforeTheProgressLine() {
        SparkConf given = new SparkConf(false).set("spark.sql.streaming.streamingQueryListeners", "com.example.Audit");

        assertEquals("com.example.Audit," + ProgressReport.class.getName(),
                SessionDefaults.addedTo(given).get("spark.sql.streaming.streamingQueryListeners"));
    }
}
