package io.github.sparkstarter.samples.socket_course;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.window;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Lesson 3, windows in time: words counted per 10-second window of the time each line arrived.
 * A batch starts every 5 seconds (a processing-time trigger) and prints the counts that changed
 * ("update" mode). The watermark lets Spark forget windows older than 20 seconds behind the newest
 * line: their counts are final, and the state stays small however long the stream runs.
 *
 * <p>Run it: {@code mvn -q compile exec:java -Dexec.mainClass=io.github.sparkstarter.samples.socket_course.WindowedCountApp}.
 */
public final class WindowedCountApp {

    public static final String WINDOW = "10 seconds";
    public static final String WATERMARK = "20 seconds";

    public static final Lesson LESSON = new Lesson(WindowedCountApp::countPerWindow, "update",
            Trigger.ProcessingTime("5 seconds"), true);

    public static void main(String[] args) {
        System.exit(SocketStreamApp.run(args, LESSON));
    }

    /** Counts each word per window; the "window" column holds the start and end of the window. */
    public static Dataset<Row> countPerWindow(Dataset<Row> lines) {
        return lines
                .select(explode(split(col("value"), "\\s+")).as("word"), col("timestamp"))
                .filter(col("word").notEqual(""))
                .withWatermark("timestamp", WATERMARK)
                .groupBy(window(col("timestamp"), WINDOW), col("word"))
                .count();
    }
}
