package org.example.iot.sensors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

import org.example.iot.sensors.settings.StreamSettings;
import org.example.iot.sensors.settings.Tuning;
import org.example.iot.sensors.support.Preflight;
import org.example.iot.sensors.support.SessionDefaults;
import org.example.iot.sensors.support.StreamEnd;

/**
 * Beyond the lessons: the echo of lesson 1 with the two settings that trade line order or
 * batching for speed, to experiment with latency and throughput.
 *
 * <p>Concepts: source partitions, the tasks that read the socket: more read a large burst faster,
 * but print a batch partition by partition, out of arrival order (concept 1); triggers, which
 * decide when a batch starts: as soon as data is there (the default), at most every interval, or
 * continuous processing, with epochs instead of batches (concept 2).
 *
 * <p>Run it with {@code --partitions 4} or {@code --trigger continuous} (or {@code "2 seconds"}),
 * after the host and port if any: {@code mvn -q compile exec:java@tuned-echo -Dexec.args="--trigger continuous"}.
 * See docs/settings.md for what the benchmark measured.
 */
public final class TunedEchoApp {

    public static void main(String[] args) throws Exception {
        Preflight.checkOrExit();
        Tuning tuning = Tuning.fromCommandLineOrExit(args);
        StreamSettings settings = tuning.source();
        SparkSession spark = SparkSession.builder()
                .appName(settings.appName())
                .config(SessionDefaults.forThisMachine())
                .getOrCreate();

        // Concept 1: lines are dealt round-robin over this many partitions (1 by default).
        Dataset<Row> lines = spark.readStream()
                .format("socket")
                .option("host", settings.host())
                .option("port", settings.port())
                .option("numPartitions", tuning.sourcePartitions())
                .load();

        // Concept 2: the trigger chosen with --trigger.
        StreamingQuery query = lines.writeStream()
                .format("console")
                .outputMode("append")
                .trigger(tuning.trigger())
                .option("truncate", false)
                .option("numRows", Integer.MAX_VALUE)
                .start();
        StreamEnd.awaitAnyQueryThenExit(query, settings);
    }
}
