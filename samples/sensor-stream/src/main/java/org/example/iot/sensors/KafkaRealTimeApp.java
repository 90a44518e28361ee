package org.example.iot.sensors;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.concurrent.TimeoutException;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.ForeachWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

import org.example.iot.sensors.settings.KafkaSettings;
import org.example.iot.sensors.support.Preflight;
import org.example.iot.sensors.support.ProcessId;
import org.example.iot.sensors.support.SessionDefaults;
import org.example.iot.sensors.support.StreamEnd;

/**
 * Lesson 5, real-time mode (Spark 4.1 and later): the same Kafka records as {@link KafkaLinesApp},
 * each printed as soon as it arrives, with how long after it was produced, in milliseconds, where a
 * micro-batch waits for its batch to end.
 *
 * <p>Concepts: a real-time trigger, {@code Trigger.RealTime("10 seconds")}: a batch is a long-running
 * set of tasks that read and process each record as it arrives, and the duration is how long one
 * batch runs before its offsets are written to the checkpoint and the next one starts: a checkpoint
 * interval, not a latency; Spark refuses less than 5 seconds
 * ({@code spark.sql.streaming.realTimeMode.minBatchDuration}) (concept 1); a stateless query: in
 * Spark 4.2, real-time mode runs only operators that keep no state (select, filter, map, union, a
 * join with a small static table), output mode update, and a sink that writes row by row: Kafka,
 * foreach, console; no aggregation, no window, no file sink (concept 2); a foreach sink, whose
 * writer gets each row on the executor as it is produced (concept 3).
 *
 * <p>Each task holds one of the topic's partitions for the whole batch, so the app needs a core for
 * each partition, and refuses to start without (on 2 cores, topic {@code lines} and its 3
 * partitions are too many: send to a topic of 1 partition, {@code --topic lines-1 --partitions 1}).
 *
 * <p>Run it: the broker and {@code kafka-send} as for {@link KafkaLinesApp}, then
 * {@code mvn -q compile exec:java@kafka-realtime}; its settings are KafkaLinesApp's
 * ({@code --output} aside: it prints rather than saves), and it keeps its checkpoint beside
 * theirs, one for each topic ({@link KafkaSettings#realTimeCheckpoint()}).
 */
public final class KafkaRealTimeApp {

    public static void main(String[] args) throws Exception {
        Preflight.checkOrExit();
        KafkaSettings settings = KafkaSettings.fromCommandLineOrExit(args);
        settings.checkBrokerAndTopicOrExit();
        ProcessId.print();
        SparkSession spark = SparkSession.builder()
                .appName("Lesson 5: Kafka in real-time mode")
                .config(SessionDefaults.forThisMachine())
                .getOrCreate();
        // Each partition's task holds a core for the whole batch: a topic of more partitions than
        // cores is refused in one line, where Spark would leave the extra ones unread in silence.
        settings.checkCoresForRealTimeOrExit(spark.sparkContext().defaultParallelism());
        // A checkpoint of its own for each topic, one run at a time, as KafkaLinesApp's.
        settings.lockRealTimeCheckpointOrExit();

        Dataset<Row> records = spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", settings.bootstrapServers())
                .option("subscribe", settings.topic())
                // From the first record at the first start, as KafkaLinesApp: with Kafka's default,
                // latest, a line sent before the first batch had asked for the latest offsets would
                // never show. Then from the checkpoint.
                .option("startingOffsets", "earliest")
                .load();

        StreamingQuery query = start(KafkaLinesApp.lines(records), new PrintEachRecord(),
                settings.realTimeCheckpoint(), "10 seconds");
        System.out.println("Printing the records of topic '" + settings.topic() + "' at " + settings.bootstrapServers()
                + " as they arrive. Send some: mvn -q compile exec:java@kafka-send. Ctrl-C stops.");
        StreamEnd.awaitAnyQueryThenExit(query);
    }

    /** Starts the query in real-time mode: each row to the writer as it arrives. */
    public static StreamingQuery start(Dataset<Row> lines, ForeachWriter<Row> writer, Path checkpoint, String checkpointInterval)
            throws TimeoutException {
        return lines.writeStream()
                // Concept 3: the writer gets each row, in the task that read it.
                .foreach(writer)
                // Concept 2: real-time mode writes rows as they come: update, not append.
                .outputMode("update")
                // Concept 1: offsets go to the checkpoint every checkpointInterval; rows go out at once.
                .trigger(Trigger.RealTime(checkpointInterval))
                .option("checkpointLocation", checkpoint.toString())
                .start();
    }

    /** Prints each record with its delay since it was produced (the broker's timestamp). */
    static final class PrintEachRecord extends ForeachWriter<Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean open(long partitionId, long epochId) {
            return true;
        }

        @Override
        public void process(Row row) {
            long delay = System.currentTimeMillis() - row.<Timestamp>getAs("timestamp").getTime();
            System.out.println("partition " + row.getAs("partition") + " offset " + row.getAs("offset") + ", "
                    + delay + " ms after it was produced: " + row.getAs("value"));
        }

        @Override
        public void close(Throwable error) {
        }
    }
}
