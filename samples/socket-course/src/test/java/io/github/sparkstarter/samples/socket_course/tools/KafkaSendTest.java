package io.github.sparkstarter.samples.socket_course.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.github.sparkstarter.samples.socket_course.support.KafkaBrokerCheck;
import io.github.sparkstarter.samples.socket_course.testkit.AppProcess;
import io.github.sparkstarter.samples.socket_course.testkit.KafkaTestBroker;

/**
 * kafka-send against a real broker: it sends to the partitions a topic has, refuses a
 * --partitions that disagrees with them in one line, and says on Ctrl-C what it sent.
 */
@ExtendWith(KafkaTestBroker.class)
class KafkaSendTest {

    @Test
    void linesGoToThePartitionsAnExistingTopicHas(KafkaBroker broker, @TempDir Path dir) throws Exception {
        String topic = "one-partition-" + System.nanoTime();
        assertEquals(null, KafkaSend.createTopicIfMissing(broker.bootstrapServers(), topic, 1));
        Path file = Files.writeString(dir.resolve("three.txt"), "a\nb\nc\n", StandardCharsets.UTF_8);

        try (AppProcess send = AppProcess.start(KafkaSend.class, "--bootstrap-servers", broker.bootstrapServers(),
                "--topic", topic, "--file", file.toString(), "--rate", "1000")) {
            assertEquals(0, send.awaitExit(), send::output);
            assertTrue(send.output().contains("Sent 3 lines to topic '" + topic + "'."), send::output);
        }
        assertEquals(3, endOffset(broker, topic), "all three in the one partition");
    }

    @Test
    void partitionsThatDisagreeWithAnExistingTopicAreRefusedInOneLine(KafkaBroker broker, @TempDir Path dir) throws Exception {
        String topic = "refused-" + System.nanoTime();
        assertEquals(null, KafkaSend.createTopicIfMissing(broker.bootstrapServers(), topic, 1));
        Path file = Files.writeString(dir.resolve("one.txt"), "a\n", StandardCharsets.UTF_8);

        try (AppProcess send = AppProcess.start(KafkaSend.class, "--bootstrap-servers", broker.bootstrapServers(),
                "--topic", topic, "--partitions", "3", "--file", file.toString())) {
            assertEquals(1, send.awaitExit(), send::output);
            List<String> lines = send.output().lines().toList();
            assertEquals(1, lines.size(), send::output);
            assertTrue(lines.get(0).startsWith("error: topic '" + topic + "' at " + broker.bootstrapServers()
                    + " has 1 partition, not the 3 of --partitions."), send::output);
        }
        assertEquals(0, endOffset(broker, topic), "nothing sent");
    }

    @Test
    void ctrlCSaysHowManyLinesWereSent(KafkaBroker broker) throws Exception {
        String topic = "typed-" + System.nanoTime();
        assertEquals(null, KafkaSend.createTopicIfMissing(broker.bootstrapServers(), topic, 1));

        try (AppProcess send = AppProcess.start(KafkaSend.class, "--bootstrap-servers", broker.bootstrapServers(), "--topic", topic)) {
            send.awaitOutput("Type lines");
            send.type("first");
            send.type("second");
            awaitEndOffset(broker, topic, 2);
            send.pressCtrlC();

            send.awaitOutput("Stopped: 2 lines sent to topic '" + topic + "' and acknowledged by the broker");
        }
    }

    /** The offset after the last record of the topic's partition 0. */
    private static long endOffset(KafkaBroker broker, String topic) throws Exception {
        try (Admin admin = KafkaBrokerCheck.admin(broker.bootstrapServers())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all()
                    .get(AppProcess.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(partition).offset();
        }
    }

    /** Waits, at most AppProcess.TIMEOUT, until the broker holds count records of the topic. */
    private static void awaitEndOffset(KafkaBroker broker, String topic, long count) throws Exception {
        long deadline = System.nanoTime() + AppProcess.TIMEOUT.toNanos();
        while (endOffset(broker, topic) < count) {
            assertTrue(System.nanoTime() < deadline, "the broker never held " + count + " records of " + topic);
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
