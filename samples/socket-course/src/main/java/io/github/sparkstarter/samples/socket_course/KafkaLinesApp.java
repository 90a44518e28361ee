package io.github.sparkstarter.samples.socket_course;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

import io.github.sparkstarter.samples.socket_course.settings.KafkaSettings;
import io.github.sparkstarter.samples.socket_course.support.KafkaBrokerCheck;
import io.github.sparkstarter.samples.socket_course.support.Preflight;
import io.github.sparkstarter.samples.socket_course.support.ProcessId;
import io.github.sparkstarter.samples.socket_course.support.SessionDefaults;
import io.github.sparkstarter.samples.socket_course.support.StreamEnd;

/**
 * Lesson 5, Kafka: lines from a topic of a real Kafka broker, saved exactly once, as lesson 4 saves
 * files: the app can be killed at any moment and started again without losing or doubling a record.
 *
 * <p>Concepts: Kafka's source, {@code format("kafka")}, which reads a topic the way lesson 4 read a
 * directory, but from a broker that keeps every record until its retention ends (concept 1); a Kafka
 * record: a key and a value (bytes, cast to text here), and where it sits, its topic, partition and
 * offset, with the time it was produced (concept 2); the offsets kept in the checkpoint: each batch
 * is the offsets from..to of each partition, written down before the batch runs, so after a crash
 * Spark reads the same records again, and the file sink's log makes a batch count once (concept 3);
 * partitions: a topic is split in partitions (3 for {@code lines}), read in parallel; order holds
 * within a partition, where offsets grow in the order records were written, never across them
 * (concept 4), see {@code --show}.
 *
 * <p>Run it: {@code mvn -q compile exec:java@kafka-broker} in one terminal (the project's broker
 * on localhost:9092); {@code mvn -q compile exec:java@kafka-send -Dexec.args="--file data/sensors.csv --rate 10 --key-field 2"}
 * in another (creates the topic, 3 partitions, and sends the file, the lines of each sensor to one
 * partition); then {@code mvn -q compile exec:java@kafka-lines}. Kill it, start it again, then look:
 * {@code mvn -q compile exec:java@kafka-lines -Dexec.args=--show}. Other settings:
 * {@value KafkaSettings#USAGE}.
 *
 * <p>Spark 4.1 and later also read Kafka in real-time mode, a record at a time: see the Spark 4
 * line's KafkaRealTimeApp (generate the project with -DsparkVersion=4.2.0 or later).
 */
public final class KafkaLinesApp {

    public static void main(String[] args) throws Exception {
        Preflight.checkOrExit();
        KafkaSettings settings = KafkaSettings.fromCommandLineOrExit(args);
        if (settings.show()) {
            showSavedRecordsOrExit(settings.output());
            return;
        }
        // Before Spark starts: a missing broker or topic, or a checkpoint of another query, is one
        // line, not a hang. The checkpoint is locked last, so a refused run leaves no files behind.
        settings.checkBrokerAndTopicOrExit();
        settings.lockCheckpointOrExit();
        ProcessId.print();
        SparkSession spark = SparkSession.builder()
                .appName("Lesson 5: Kafka")
                .config(SessionDefaults.forThisMachine())
                .getOrCreate();

        // Concept 1: the topic as a stream; at the first start, from its first record on.
        Dataset<Row> records = readTopic(spark, settings);

        StreamingQuery query = save(lines(records), settings.output(), settings.checkpoint());
        System.out.println("Saving the records of topic '" + settings.topic() + "' at " + settings.bootstrapServers()
                + " to " + settings.output() + ". Ctrl-C stops; start again to go on where it stopped.");
        // A broker gone mid-stream ends the app with one line that says how to go on; any other
        // failure shows its stack trace.
        StreamEnd.awaitAnyQueryThenExit(query, settings::brokerGone);
    }

    /** The topic of settings as a stream of Kafka records, from its first record on, each call to the broker bounded. */
    public static Dataset<Row> readTopic(SparkSession spark, KafkaSettings settings) {
        String brokerWait = String.valueOf(KafkaBrokerCheck.BROKER_WAIT.toMillis());
        return spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", settings.bootstrapServers())
                .option("subscribe", settings.topic())
                .option("startingOffsets", "earliest")
                // A broker that goes away mid-stream: Kafka's clients wait 60 s for each call by
                // default, and Spark asks for the offsets 3 times before the query fails, so the
                // app would hang for minutes. Bounded here: each call to the broker, from the
                // driver's offset requests and from the tasks' consumers, gives up after BROKER_WAIT.
                .option("kafka.default.api.timeout.ms", brokerWait)
                .option("kafka.request.timeout.ms", brokerWait)
                // A task that reads records waits this long for them (by default spark.network.timeout, 120 s).
                .option("kafkaConsumer.pollTimeoutMs", brokerWait)
                // How often the driver asks for the latest offsets before the query fails (Spark's default, 3).
                .option("fetchOffset.numRetries", "3")
                .load();
    }

    /** A Kafka record as a row of text and numbers: key, value, topic, partition, offset, timestamp. */
    public static Dataset<Row> lines(Dataset<Row> records) {
        // Concept 2: key and value are bytes to Kafka; the other columns say where the record sits.
        return records.selectExpr("CAST(key AS STRING) AS key", "CAST(value AS STRING) AS value",
                "topic", "partition", "offset", "timestamp");
    }

    /** Starts saving the rows to JSON-lines files in output, with the query's offsets in checkpoint. */
    public static StreamingQuery save(Dataset<Row> lines, Path output, Path checkpoint) throws TimeoutException {
        return lines.writeStream()
                .format("json")
                .option("path", output.toString())
                // Concept 3: the offsets of each batch, kept here; the same checkpoint goes on where it stopped.
                .option("checkpointLocation", checkpoint.toString())
                .start();
    }

    /** The saved records, as {@link #save} wrote them. */
    public static Dataset<Row> read(SparkSession spark, Path output) {
        // The schema is given, not guessed from the files: an empty output is then an empty table.
        return spark.read()
                .schema("key STRING, value STRING, topic STRING, partition INT, offset LONG, timestamp TIMESTAMP")
                .json(output.toString());
    }

    /** Prints the saved records as a table; ends the app (status 2) when nothing was saved yet. */
    private static void showSavedRecordsOrExit(Path output) {
        if (!Files.isDirectory(output)) {
            System.err.println("error: nothing saved in '" + output + "' yet: run mvn -q compile exec:java@kafka-lines first");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder()
                .appName("Lesson 5: show the saved records")
                .config(SessionDefaults.forThisMachine())
                .getOrCreate();
        Dataset<Row> saved = read(spark, output);
        System.out.println(saved.count() + " records saved in " + output + ", by partition and offset:");
        // Concept 4: sorted by partition, then offset, each partition's lines are in the order they were sent.
        saved.orderBy("partition", "offset").show(Integer.MAX_VALUE, false);
        spark.stop();
    }
}
