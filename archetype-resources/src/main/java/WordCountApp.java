package ${package};

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.split;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

import ${package}.support.SessionDefaults;
import ${package}.support.StreamEnd;
import ${package}.support.StreamSettings;

/**
 * Lesson 2, the word count: how often each word has been typed since the app started.
 *
 * <p>Concepts: a transformation of the stream, from lines to words (concept 1); an aggregation,
 * whose counts Spark keeps as state from batch to batch (concept 2); the "complete" output mode,
 * which prints the whole table after every batch (concept 3).
 *
 * <p>Run it like lesson 1, with a line server in another terminal:
 * {@code mvn -q compile exec:java -Dexec.mainClass=${package}.WordCountApp}.
 */
public final class WordCountApp {

    public static void main(String[] args) throws Exception {
        StreamSettings settings = StreamSettings.fromCommandLine(args);
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

        // Concept 3: an aggregation's result changes with every batch: print all of it each time.
        StreamingQuery query = counts.writeStream()
                .format("console")
                .outputMode("complete")
                .option("truncate", false)
                .option("numRows", Integer.MAX_VALUE)
                .start();
        StreamEnd.awaitTermination(query, settings);
    }

    /** Splits every line on white space and keeps a running count per word, most frequent first. */
    public static Dataset<Row> countWords(Dataset<Row> lines) {
        // Concept 1: one row per word, from the "value" column of each line.
        Dataset<Row> words = lines
                .select(explode(split(col("value"), "\\s+")).as("word"))
                .filter(col("word").notEqual(""));
        // Concept 2: Spark keeps the count of every word seen so far, across batches.
        return words
                .groupBy("word")
                .count()
                .orderBy(col("count").desc(), col("word"));
    }
}
