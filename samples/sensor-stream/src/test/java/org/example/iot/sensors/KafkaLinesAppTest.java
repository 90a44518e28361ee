package org.example.iot.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.example.iot.sensors.settings.KafkaSettings;
import org.example.iot.sensors.testkit.KafkaTestBroker;
import org.example.iot.sensors.testkit.SparkTestSession;
import org.example.iot.sensors.tools.KafkaBroker;
import org.example.iot.sensors.tools.KafkaSend;

/** Lesson 5's query: on rows shaped as Kafka's source gives them, and on a topic of a real broker. */
@ExtendWith({SparkTestSession.class, KafkaTestBroker.class})
class KafkaLinesAppTest {

    /** The columns of Spark's Kafka source, as its documentation lists them. */
    static final StructType KAFKA_SOURCE = new StructType()
            .add("key", DataTypes.BinaryType)
            .add("value", DataTypes.BinaryType)
            .add("topic", DataTypes.StringType)
            .add("partition", DataTypes.IntegerType)
            .add("offset", DataTypes.LongType)
            .add("timestamp", DataTypes.TimestampType)
            .add("timestampType", DataTypes.IntegerType);

    @Test
    void aRecordBecomesARowOfTextAndItsPlace(SparkSession spark) {
        Timestamp time = Timestamp.valueOf("2026-01-15 09:00:02");
        Dataset<Row> records = spark.createDataFrame(List.of(
                RowFactory.create(bytes("sensor-1"), bytes("grüße, 20.5"), "lines", 2, 7L, time, 0),
                RowFactory.create(null, bytes("no key"), "lines", 0, 0L, time, 0)), KAFKA_SOURCE);

        List<Row> rows = KafkaLinesApp.lines(records).collectAsList();

        assertEquals(List.of("key", "value", "topic", "partition", "offset", "timestamp"),
                List.of(KafkaLinesApp.lines(records).columns()));
        assertEquals(RowFactory.create("sensor-1", "grüße, 20.5", "lines", 2, 7L, time), rows.get(0));
        assertEquals(RowFactory.create(null, "no key", "lines", 0, 0L, time), rows.get(1));
    }

    @Test
    void everyRecordOfTheTopicIsSavedInItsPartitionsOrder(SparkSession spark, KafkaBroker broker, @TempDir Path dir) throws Exception {
        String topic = "static-" + System.nanoTime();
        assertEquals(null, KafkaSend.createTopicIfMissing(broker.bootstrapServers(), topic, 3));
        List<String> sent = send(broker, topic, "sensor-", 4, 50);

        KafkaSettings settings = new KafkaSettings(broker.bootstrapServers(), topic, dir.resolve("saved"), dir.resolve("checkpoint"), false);

        // The lesson's own reader, with its options, and its own writer.
        Dataset<Row> records = KafkaLinesApp.readTopic(spark, settings);
        StreamingQuery query = KafkaLinesApp.save(KafkaLinesApp.lines(records), settings.output(), settings.checkpoint());
        try {
            query.processAllAvailable();
        } finally {
            query.stop();
        }

        List<Row> saved = KafkaLinesApp.read(spark, settings.output()).collectAsList();
        assertEquals(sent.stream().sorted().toList(), saved.stream().map(row -> row.getString(1)).sorted().toList());
        assertInKeyOrder(saved);
    }

    /**
     * Each key's lines are in one partition, and by offset in the order they were sent: the
     * number at the end of each line grows with the offset.
     */
    static void assertInKeyOrder(List<Row> saved) {
        Map<String, List<Row>> byKey = saved.stream().collect(Collectors.groupingBy(row -> row.getString(0), TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Row>> key : byKey.entrySet()) {
            List<Row> rows = new ArrayList<>(key.getValue());
            assertEquals(1, rows.stream().map(row -> row.getInt(3)).distinct().count(), key.getKey() + ": one partition");
            rows.sort(Comparator.comparingLong(row -> row.getLong(4)));
            List<Integer> numbers = rows.stream().map(row -> number(row.getString(1))).toList();
            assertEquals(numbers.stream().sorted().toList(), numbers, key.getKey() + ": in the order sent");
        }
    }

    /** Sends count lines for each of keys keys, "KEY,line N", keyed by KEY, and returns them. */
    static List<String> send(KafkaBroker broker, String topic, String keyPrefix, int keys, int count) throws Exception {
        List<String> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = KafkaSend.producer(broker.bootstrapServers())) {
            for (int n = 1; n <= count; n++) {
                for (int k = 1; k <= keys; k++) {
                    String line = keyPrefix + k + ",line " + n;
                    producer.send(new ProducerRecord<>(topic, keyPrefix + k, line)).get();
                    sent.add(line);
                }
            }
        }
        return sent;
    }

    private static int number(String line) {
        return Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
