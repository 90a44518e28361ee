package io.github.sparkstarter.samples.socket_course;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.window;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

import io.github.sparkstarter.samples.socket_course.settings.StreamSettings;
import io.github.sparkstarter.samples.socket_course.support.Preflight;
import io.github.sparkstarter.samples.socket_course.support.SessionDefaults;
import io.github.sparkstarter.samples.socket_course.support.StreamEnd;

/**
 * Lesson 3, windows in time: words counted per 10-second window of the time each line arrived.
 *
 * <p>Concepts: event time, here the "timestamp" the socket source adds to each line (concept 1);
 * a processing-time trigger, a batch every 5 seconds, and the "update" output mode, which prints
 * only the counts that changed (concept 2); windows of time as groups (concept 3); a watermark,
 * which lets Spark forget windows older than 20 seconds behind the newest line, so the state stays
 * small however long the stream runs (concept 4).
 *
 * <p>Run it like lesson 1, with a line server in another terminal: {@code mvn -q compile exec:java@windows}
 * (arguments as lesson 1's: {@code -Dexec.args="[host] [port]"}).
 */
public final class WindowedCountApp {

    public static final String WINDOW = "10 seconds";
    public static final String WATERMARK = "20 seconds";

    public static void main(String[] args) throws Exception {
        Preflight.checkOrExit();
        StreamSettings settings = StreamSettings.fromCommandLineOrExit(args);
        SparkSession spark = SparkSession.builder()
                .appName(settings.appName())
                .config(SessionDefaults.forThisMachine())
                .getOrCreate();
        // Concept 1: each line with the time it arrived, in a second column, "timestamp".
        Dataset<Row> lines = spark.readStream()
                .format("socket")
                .option("host", settings.host())
                .option("port", settings.port())
                .option("includeTimestamp", true)
                .load();

        Dataset<Row> counts = countPerWindow(lines);

        // Concept 2: a batch every 5 seconds, printing the counts that changed in it.
        StreamingQuery query = counts.writeStream()
                .format("console")
                .outputMode("update")
                .trigger(Trigger.ProcessingTime("5 seconds"))
                .option("truncate", false)
                .option("numRows", Integer.MAX_VALUE)
                .start();
        StreamEnd.awaitAnyQueryThenExit(query, settings);
    }

    /** Counts each word per window; the "window" column holds the start and end of the window. */
    public static Dataset<Row> countPerWindow(Dataset<Row> lines) {
        Dataset<Row> words = lines
                .select(explode(split(col("value"), "\\s+")).as("word"), col("timestamp"))
                .filter(col("word").notEqual(""));
        // Concept 3: the window of 10 seconds each line's time falls in, a group like any column.
        Column tenSeconds = window(col("timestamp"), WINDOW);
        return words
                // Concept 4: windows that end more than 20 seconds before the newest line are final.
                // The watermark must come before the groupBy it lets Spark forget state for.
                .withWatermark("timestamp", WATERMARK)
                .groupBy(tenSeconds, col("word"))
                .count();
    }
}
