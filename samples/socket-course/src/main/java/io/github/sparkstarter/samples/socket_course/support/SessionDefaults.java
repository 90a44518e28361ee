package io.github.sparkstarter.samples.socket_course.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.spark.SparkConf;

/**
 * The settings the lessons give their SparkSession, each only where it is not given already as a
 * spark.* system property (as spark-submit and {@code -Dspark.ui.enabled=true} give them); the
 * progress line's listener is added to those given.
 */
public final class SessionDefaults {

    private SessionDefaults() {
    }

    /**
     * Local mode with all cores unless a master is given; loopback; as many shuffle partitions as
     * cores; no web UI; and a progress line after each batch. Only settings: the checks that end
     * the app where Spark could not run are {@link Preflight#checkOrExit()}, which each lesson calls first.
     */
    public static Map<String, Object> forThisMachine() {
        return new LinkedHashMap<>(addedTo(new SparkConf()));
    }

    /** The same with Spark's web UI on (unless {@code -Dspark.ui.enabled=false}), for this machine only. */
    public static Map<String, Object> withWebUi() {
        return new LinkedHashMap<>(addedTo(new SparkConf(), true));
    }

    static Map<String, String> addedTo(SparkConf given) {
        return addedTo(given, false);
    }

    static Map<String, String> addedTo(SparkConf given, boolean webUi) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (!given.contains("spark.master")) {
            settings.put("spark.master", "local[*]");
            // On one machine, talk over loopback: works offline, whatever the host name resolves to.
            settings.put("spark.driver.host", "127.0.0.1");
            settings.put("spark.driver.bindAddress", "127.0.0.1");
            // Aggregations shuffle into this many partitions; Spark's 200 are made for clusters.
            settings.put("spark.sql.shuffle.partitions", String.valueOf(Runtime.getRuntime().availableProcessors()));
        }
        // "caught up" (ProgressReport) 3 s after the last batch, not Spark's 10: a learner waits for it.
        settings.put("spark.sql.streaming.noDataProgressEventInterval", "3s");
        // The web UI would listen on every network interface: off unless asked for
        // (-Dspark.ui.enabled=true), and then it answers this machine only and says where it is.
        if (!webUi) {
            settings.put("spark.ui.enabled", "false");
        }
        settings.keySet().removeIf(given::contains);
        if (given.getBoolean("spark.ui.enabled", webUi)) {
            settings.put("spark.ui.filters", given.contains("spark.ui.filters")
                    ? given.get("spark.ui.filters") + "," + WebUiForThisMachine.class.getName() : WebUiForThisMachine.class.getName());
        }
        // After the listeners given, if any: they keep theirs, and get the progress line too.
        String listeners = "spark.sql.streaming.streamingQueryListeners";
        String report = ProgressReport.class.getName();
        settings.put(listeners, given.contains(listeners) ? given.get(listeners) + "," + report : report);
        if (settings.containsKey("spark.ui.filters")) {
            settings.put(listeners, settings.get(listeners) + "," + WebUiForThisMachine.class.getName());
        }
        return settings;
    }
}
