package org.example.iot.sensors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.split;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Lesson 2, the word count: how often each word has been typed since the app started. Each batch
 * prints the whole table again ("complete" mode), most frequent words first.
 *
 * <p>Run it like the echo: {@code mvn -q compile exec:java -Dexec.mainClass=org.example.iot.sensors.WordCountApp}.
 */
public final class WordCountApp {

    public static final Lesson LESSON = new Lesson(WordCountApp::countWords, "complete", Trigger.ProcessingTime(0), false);

    public static void main(String[] args) {
        System.exit(SocketStreamApp.run(args, LESSON));
    }

    /** Splits every line on white space and keeps a running count per word. */
    public static Dataset<Row> countWords(Dataset<Row> lines) {
        return lines
                .select(explode(split(col("value"), "\\s+")).as("word"))
                .filter(col("word").notEqual(""))
                .groupBy("word")
                .count()
                .orderBy(col("count").desc(), col("word"));
    }
}
