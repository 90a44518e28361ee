package org.example.iot.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.ForeachWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.example.iot.sensors.testkit.KafkaTestBroker;
import org.example.iot.sensors.testkit.RowCollector;
import org.example.iot.sensors.testkit.SparkTestSession;
import org.example.iot.sensors.tools.KafkaBroker;
import org.example.iot.sensors.tools.KafkaSend;

/**
 * Real-time mode does what a micro-batch cannot: a record produced while the query's first batch
 * runs reaches the sink before that batch ends. A micro-batch reads only the offsets fixed when its
 * batch starts, so such a record would wait for a later batch, here 10 minutes later.
 */
@ExtendWith({SparkTestSession.class, KafkaTestBroker.class})
class KafkaRealTimeAppTest {

    /** What the writer got; the tests run Spark in this JVM (local mode), so the executor's writer adds here. */
    static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();

    @Test
    void aRecordProducedWhileTheFirstBatchRunsArrivesWithinIt(SparkSession spark, KafkaBroker broker, @TempDir Path dir) throws Exception {
        String topic = "realtime-" + System.nanoTime();
        // One partition: a real-time batch holds a task slot for each partition, and the tests' Spark has 2.
        assertEquals(null, KafkaSend.createTopicIfMissing(broker.bootstrapServers(), topic, 1));
        Dataset<Row> records = spark.readStream().format("kafka")
                .option("kafka.bootstrap.servers", broker.bootstrapServers())
                .option("subscribe", topic)
                .option("startingOffsets", "earliest")
                .load();
        RECEIVED.clear();
        // A checkpoint interval far longer than the test: the first batch runs until the query stops.
        StreamingQuery query = KafkaRealTimeApp.start(KafkaLinesApp.lines(records), new Collect(), dir.resolve("checkpoint"), "10 minutes");
        try (KafkaProducer<String, String> producer = KafkaSend.producer(broker.bootstrapServers())) {
            // Received, this one shows the first batch running, its offsets fixed: a micro-batch
            // would read a record produced from now on only in a later batch.
            producer.send(new ProducerRecord<>(topic, "first")).get();
            assertEquals("first", RECEIVED.poll(RowCollector.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "the first record");
            producer.send(new ProducerRecord<>(topic, "sent while the first batch runs")).get();

            String received = RECEIVED.poll(RowCollector.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

            assertEquals("sent while the first batch runs", received, "the second record reached the sink");
            assertEquals(List.of(), List.of(query.recentProgress()), "no batch had ended: both arrived within the first");
            assertTrue(query.isActive(), () -> String.valueOf(query.exception()));
        } finally {
            query.stop();
        }
    }

    private static final class Collect extends ForeachWriter<Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean open(long partitionId, long epochId) {
            return true;
        }

        @Override
        public void process(Row row) {
            RECEIVED.add(row.getAs("value"));
        }

        @Override
        public void close(Throwable error) {
        }
    }
}
