package org.example.iot.sensors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.split;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

import org.example.iot.sensors.settings.StreamSettings;
import org.example.iot.sensors.support.Preflight;
import org.example.iot.sensors.support.SessionDefaults;
import org.example.iot.sensors.support.StreamEnd;

/**
 * Lesson 2, the word count: how often each word has been typed since the app started.
 *
 * <p>Concepts: the "complete" output mode, which prints the whole result table after every batch
 * (concept 1); a transformation of the stream, from lines to words (concept 2); an aggregation,
 * whose counts Spark keeps as state from batch to batch (concept 3).
 *
 * <p>Run it like lesson 1, with a line server in another terminal: {@code mvn -q compile exec:java@word-count}
 * (arguments as lesson 1's: {@code -Dexec.args="[host] [port]"}).
 */
public final class WordCountApp {

    public static void main(String[] args) throws Exception {
        Preflight.checkOrExit();
        StreamSettings settings = StreamSettings.fromCommandLineOrExit(args);
        SparkSession spark = SparkSession.builder()
                .appName(settings.appName())
                .config(SessionDefaults.forThisMachine())
                .getOrCreate();
        Dataset<Row> lines = spark.readStream()
                .format("socket")
                .option("host", settings.host())
                .option("port", settings.port())
                .load();

        Dataset<Row> counts = countWords(lines);

        // Concept 1: the counts (computed below) change with every batch: print the whole table each
        // time. "append" is refused for this query: a count is never final, so never appended once.
        StreamingQuery query = counts.writeStream()
                .format("console")
                .outputMode("complete")
                .option("truncate", false)
                .option("numRows", Integer.MAX_VALUE)
                .start();
        StreamEnd.awaitAnyQueryThenExit(query, settings);
    }

    /** Splits every line on white space and keeps a running count per word, most frequent first. */
    public static Dataset<Row> countWords(Dataset<Row> lines) {
        // Concept 2: one row per word, from the "value" column of each line.
        Dataset<Row> words = lines
                .select(explode(split(col("value"), "\\s+")).as("word"))
                .filter(col("word").notEqual(""));
        // Concept 3: Spark keeps the count of every word seen so far, across batches.
        return words
                .groupBy("word")
                .count()
                // Sorting a stream is allowed only here, after an aggregation printed in "complete"
                // mode: only then does each batch hold the whole result table to sort. Spark refuses
                // orderBy on the lines themselves, which never end.
                .orderBy(col("count").desc(), col("word"));
    }
}
