package org.example.iot.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.example.iot.sensors.testkit.AppProcess;
import org.example.iot.sensors.testkit.KafkaTestBroker;
import org.example.iot.sensors.testkit.RowCollector;
import org.example.iot.sensors.testkit.SparkTestSession;
import org.example.iot.sensors.testkit.TestLineServer;
import org.example.iot.sensors.tools.KafkaBroker;
import org.example.iot.sensors.tools.KafkaSend;

/**
 * Lesson 5 in a JVM of its own against the test broker: killed hard in the middle of the stream
 * and started again, it saves every record exactly once; without a broker, or when the broker goes
 * away mid-stream, it says so in one line.
 */
@ExtendWith({SparkTestSession.class, KafkaTestBroker.class})
class KafkaLinesAppIT {

    @Test
    void killedAndStartedAgainItSavesEveryRecordExactlyOnce(SparkSession spark, KafkaBroker broker, @TempDir Path dir) throws Exception {
        String topic = "restart-" + System.nanoTime();
        assertEquals(null, KafkaSend.createTopicIfMissing(broker.bootstrapServers(), topic, 3));
        Path saved = dir.resolve("saved");
        String[] args = {"--bootstrap-servers", broker.bootstrapServers(), "--topic", topic,
                "--output", saved.toString(), "--checkpoint", dir.resolve("checkpoint").toString()};
        List<String> sent = new ArrayList<>();

        try (AppProcess app = AppProcess.start(KafkaLinesApp.class, args)) {
            app.awaitOutput("Saving the records");
            sent.addAll(KafkaLinesAppTest.send(broker, topic, "before-", 3, 100));
            // Once some records are saved, and likely while more are being read: as a crash would.
            awaitSaved(spark, saved, count -> count > 0);
            app.kill();
        }
        sent.addAll(KafkaLinesAppTest.send(broker, topic, "while-down-", 3, 50));
        try (AppProcess app = AppProcess.start(KafkaLinesApp.class, args)) {
            app.awaitOutput("Saving the records");
            sent.addAll(KafkaLinesAppTest.send(broker, topic, "after-", 3, 50));
            awaitSaved(spark, saved, count -> count >= sent.size());
            app.terminate();
            app.awaitExit();
        }

        List<Row> rows = KafkaLinesApp.read(spark, saved).collectAsList();
        assertEquals(sent.stream().sorted().toList(), rows.stream().map(row -> row.getString(1)).sorted().toList());
        KafkaLinesAppTest.assertInKeyOrder(rows);
    }

    @Test
    void aBrokerGoneMidStreamEndsItInOneLineAndOnceBackItGoesOnWithoutLossOrDoubles(SparkSession spark, @TempDir Path dir) throws Exception {
        // A broker of this test's own, not the shared one: it is stopped, then started again on
        // the same port and data, as a user restarts exec:java@kafka-broker.
        int port = TestLineServer.freePort();
        Path brokerData = dir.resolve("broker");
        String topic = "broker-gone";
        Path saved = dir.resolve("saved");
        String[] args = {"--bootstrap-servers", "127.0.0.1:" + port, "--topic", topic,
                "--output", saved.toString(), "--checkpoint", dir.resolve("checkpoint").toString()};
        List<String> sent = new ArrayList<>();

        KafkaBroker broker = KafkaBroker.start(port, brokerData);
        try {
            assertEquals(null, KafkaSend.createTopicIfMissing(broker.bootstrapServers(), topic, 3));
            try (AppProcess app = AppProcess.start(KafkaLinesApp.class, args)) {
                app.awaitOutput("Saving the records");
                sent.addAll(KafkaLinesAppTest.send(broker, topic, "before-", 3, 20));
                awaitSaved(spark, saved, count -> count >= sent.size());
                broker.close();
                broker = null;

                assertEquals(1, app.awaitExit(), app.output());
                List<String> errors = app.output().lines().filter(line -> line.startsWith("error: ")).toList();
                assertEquals(List.of("error: the Kafka broker at 127.0.0.1:" + port + " stopped answering, so the query stopped."
                        + " The records saved so far in " + saved + " are kept. Start the broker again: "
                        + "mvn -q compile exec:java@kafka-broker, then run this lesson again: it goes on from its checkpoint, "
                        + dir.resolve("checkpoint")), errors, app.output());
                assertFalse(app.output().contains("\tat "), "no stack trace:\n" + app.output());
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }

        try (KafkaBroker again = KafkaBroker.start(port, brokerData)) {
            sent.addAll(KafkaLinesAppTest.send(again, topic, "after-", 3, 20));
            try (AppProcess app = AppProcess.start(KafkaLinesApp.class, args)) {
                app.awaitOutput("Saving the records");
                awaitSaved(spark, saved, count -> count >= sent.size());
                app.terminate();
                app.awaitExit();
            }
        }

        List<Row> rows = KafkaLinesApp.read(spark, saved).collectAsList();
        assertEquals(sent.stream().sorted().toList(), rows.stream().map(row -> row.getString(1)).sorted().toList(),
                "every record once");
        KafkaLinesAppTest.assertInKeyOrder(rows);
    }

    @Test
    void withoutABrokerItSaysWhichAddressAndHowToStartOne() throws Exception {
        String address = "127.0.0.1:" + TestLineServer.freePort();
        try (AppProcess app = AppProcess.start(KafkaLinesApp.class, "--bootstrap-servers", address)) {
            int status = app.awaitExit();

            assertEquals(1, status, app.output());
            assertTrue(app.output().contains("error: no Kafka broker answers at " + address), app.output());
            assertTrue(app.output().contains("mvn -q compile exec:java@kafka-broker"), app.output());
            assertFalse(app.output().contains("\tat "), "no stack trace:\n" + app.output());
        }
    }

    @Test
    void aTopicThatDoesNotExistIsNamed(KafkaBroker broker) throws Exception {
        try (AppProcess app = AppProcess.start(KafkaLinesApp.class, "--bootstrap-servers", broker.bootstrapServers(), "--topic", "no-such-topic")) {
            assertEquals(1, app.awaitExit(), app.output());
            assertTrue(app.output().contains("has no topic 'no-such-topic'"), app.output());
        }
    }

    @Test
    void aBadAddressIsRefusedWithTheUsage() throws Exception {
        try (AppProcess app = AppProcess.start(KafkaLinesApp.class, "--bootstrap-servers", "localhost")) {
            assertEquals(2, app.awaitExit(), app.output());
            assertTrue(app.output().contains("error: bootstrap server 'localhost' is not HOST:PORT"), app.output());
            assertTrue(app.output().contains("usage: "), app.output());
        }
    }

    private static void awaitSaved(SparkSession spark, Path saved, LongPredicate enough) throws Exception {
        long deadline = System.nanoTime() + RowCollector.TIMEOUT.toNanos();
        long count = 0;
        while (!(Files.isDirectory(saved.resolve("_spark_metadata")) && enough.test(count = KafkaLinesApp.read(spark, saved).count()))) {
            assertTrue(System.nanoTime() < deadline, "saved records: " + count + " after " + RowCollector.TIMEOUT);
            Thread.sleep(200);
        }
    }
}
