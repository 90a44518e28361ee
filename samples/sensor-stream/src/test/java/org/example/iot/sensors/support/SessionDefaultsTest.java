package org.example.iot.sensors.support;

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
        assertEquals("3s", settings.get("spark.sql.streaming.noDataProgressEventInterval"));
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
    void theWebUiTurnedOnAnswersThisMachineOnlyAndSaysWhere() {
        SparkConf given = new SparkConf(false).set("spark.ui.enabled", "true");

        Map<String, String> settings = SessionDefaults.addedTo(given);

        assertEquals(WebUiForThisMachine.class.getName(), settings.get("spark.ui.filters"));
        assertEquals(ProgressReport.class.getName() + "," + WebUiForThisMachine.class.getName(),
                settings.get("spark.sql.streaming.streamingQueryListeners"));
    }

    @Test
    void lesson6HasTheWebUiForThisMachineOnlyUnlessItIsTurnedOff() {
        Map<String, String> on = SessionDefaults.addedTo(new SparkConf(false), true);
        Map<String, String> off = SessionDefaults.addedTo(new SparkConf(false).set("spark.ui.enabled", "false"), true);

        assertFalse(on.containsKey("spark.ui.enabled"), "Spark's default: on");
        assertEquals(WebUiForThisMachine.class.getName(), on.get("spark.ui.filters"));
        assertFalse(off.containsKey("spark.ui.filters"));
        assertFalse(SessionDefaults.addedTo(new SparkConf(false)).containsKey("spark.ui.filters"), "the other lessons: off");
    }

    @Test
    void filtersGivenKeepTheirPlaceBeforeTheThisMachineOnlyFilter() {
        SparkConf given = new SparkConf(false).set("spark.ui.enabled", "true").set("spark.ui.filters", "com.example.Auth");

        assertEquals("com.example.Auth," + WebUiForThisMachine.class.getName(), SessionDefaults.addedTo(given).get("spark.ui.filters"));
    }

    @Test
    void listenersGivenKeepTheirPlaceBeforeTheProgressLine() {
        SparkConf given = new SparkConf(false).set("spark.sql.streaming.streamingQueryListeners", "com.example.Audit");

        assertEquals("com.example.Audit," + ProgressReport.class.getName(),
                SessionDefaults.addedTo(given).get("spark.sql.streaming.streamingQueryListeners"));
    }
}
