package ${package}.settings;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import ${package}.KafkaLinesApp;
import ${package}.support.CheckpointOwner;
import ${package}.support.KafkaBrokerCheck;
import ${package}.testkit.AppProcess;
import ${package}.testkit.KafkaTestBroker;
import ${package}.tools.KafkaBroker;
import ${package}.tools.KafkaSend;

/**
 * Lesson 5's checkpoint, created and locked for its topic and output as lesson 4's is for its inbox and
 * output, before Spark starts; and which failures of the query are a broker gone.
 */
@ExtendWith(KafkaTestBroker.class)
class KafkaSettingsTest {

    @Test
    void aNewCheckpointIsClaimedAndTheSameQueryGoesOn(@TempDir Path dir) {
        KafkaSettings settings = settings(dir, "lines", "saved");

        assertDoesNotThrow(settings::lockCheckpoint);
        assertTrue(Files.isRegularFile(CheckpointOwner.ownerFile(settings.checkpoint())), "beside the checkpoint");
        assertDoesNotThrow(settings::lockCheckpoint, "started again on its own checkpoint");
    }

    @Test
    void theCheckpointOfAnotherTopicIsRefused(@TempDir Path dir) throws Exception {
        started(settings(dir, "lines", "saved"));

        assertNamed(settings(dir, "other-topic", "saved"),
                "the checkpoint '" + dir.resolve("checkpoint") + "' belongs to another query (lesson=5 topic=lines", "--checkpoint DIR");
    }

    @Test
    void theCheckpointOfAnotherOutputIsRefused(@TempDir Path dir) throws Exception {
        started(settings(dir, "lines", "saved"));

        assertNamed(settings(dir, "lines", "elsewhere"), "belongs to another query", "output=" + dir.resolve("saved"), "--checkpoint DIR");
    }

    @Test
    void lesson4sCheckpointIsRefused(@TempDir Path dir) throws Exception {
        SaveSettings lesson4 = new SaveSettings(Files.createDirectories(dir.resolve("inbox")), dir.resolve("saved"), dir.resolve("checkpoint"));
        lesson4.lockCheckpoint();
        Files.writeString(dir.resolve("checkpoint").resolve("metadata"), "{\"id\":\"lesson 4\"}");

        assertNamed(settings(dir, "lines", "saved"), "belongs to another query (inbox=", "--checkpoint DIR");
    }

    @Test
    void aCheckpointOfNoLessonIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("checkpoint")).resolve("metadata"), "{\"id\":\"another query\"}");

        assertNamed(settings(dir, "lines", "saved"), "belongs to another query, not to lesson 5", "--checkpoint DIR");
    }

    @Test
    void savedRecordsWhoseCheckpointIsGoneAreNotSilentlySkipped(@TempDir Path dir) throws Exception {
        KafkaSettings settings = settings(dir, "lines", "saved");
        Files.createDirectories(settings.output().resolve(CheckpointOwner.SINK_LOG));

        assertNamed(settings, "holds records saved with a checkpoint that is gone", "Delete '" + settings.output() + "'");
    }

    @Test
    void theAppSaysSoInOneLineAndEndsWithStatus2BeforeSparkStarts(KafkaBroker broker, @TempDir Path dir) throws Exception {
        started(settings(dir, "lines", "saved"));
        // A topic that exists, so that the broker and topic check, which comes first, passes.
        String topic = "claimed-elsewhere";
        assertEquals(null, KafkaSend.createTopicIfMissing(broker.bootstrapServers(), topic, 1));
        try (AppProcess app = AppProcess.start(KafkaLinesApp.class, "--bootstrap-servers", broker.bootstrapServers(),
                "--topic", topic, "--output", dir.resolve("saved").toString(), "--checkpoint", dir.resolve("checkpoint").toString())) {
            assertEquals(2, app.awaitExit(), app.output());
            List<String> lines = app.output().lines().toList();
            assertEquals(1, lines.size(), app.output());
            assertTrue(lines.get(0).startsWith("error: the checkpoint '" + dir.resolve("checkpoint") + "' belongs to another query"), app.output());
        }
    }

    @Test
    void realTimeModeClaimsACheckpointForEachTopic(@TempDir Path dir) {
        KafkaSettings lines = settings(dir, "lines", "saved");
        KafkaSettings one = settings(dir, "one", "saved");

        assertDoesNotThrow(lines::lockRealTimeCheckpoint);
        assertDoesNotThrow(one::lockRealTimeCheckpoint, "another topic, another checkpoint");
        assertTrue(!lines.realTimeCheckpoint().equals(one.realTimeCheckpoint()), lines.realTimeCheckpoint()::toString);
        assertTrue(!lines.realTimeCheckpoint().equals(lines.checkpoint()), "not the micro-batch query's");
        assertTrue(Files.isRegularFile(CheckpointOwner.ownerFile(one.realTimeCheckpoint())), "claimed");
    }

    @Test
    void realTimeModeRefusesATopicOfMorePartitionsThanCores() {
        String line = KafkaSettings.tooFewCores("lines", 3, 2);

        assertTrue(line.startsWith("topic 'lines' has 3 partitions and Spark has 2 cores here"), line);
        assertTrue(line.contains("--partitions 1"), line);
        assertEquals(null, KafkaSettings.tooFewCores("lines", 2, 2));
    }

    @Test
    void aKafkaClientThatGaveUpWaitingIsTheBrokerGone(@TempDir Path dir) {
        KafkaSettings settings = settings(dir, "lines", "saved");
        Throwable driver = new RuntimeException("query failed", new ExecutionException(
                new org.apache.kafka.common.errors.TimeoutException("Timed out waiting for a node assignment. Call: describeTopics")));
        Throwable task = new RuntimeException("Job aborted", new TimeoutException("Cannot fetch record for offset 7 in 10000 milliseconds"));

        for (Throwable failure : List.of(driver, task)) {
            String line = settings.brokerGone(failure).orElseThrow();
            assertTrue(line.startsWith("the Kafka broker at 127.0.0.1:9092 stopped answering"), line);
            assertTrue(line.contains("saved so far in " + settings.output() + " are kept"), line);
            assertTrue(line.contains(KafkaBrokerCheck.START_BROKER) && line.contains("goes on from its checkpoint"), line);
        }
    }

    @Test
    void anyOtherFailureIsNot(@TempDir Path dir) {
        KafkaSettings settings = settings(dir, "lines", "saved");

        assertEquals(Optional.empty(), settings.brokerGone(new RuntimeException("Job aborted", new IllegalStateException("boom"))));
        assertEquals(Optional.empty(), settings.brokerGone(new TimeoutException("a timeout of your own")));
    }

    private static KafkaSettings settings(Path dir, String topic, String output) {
        return new KafkaSettings("127.0.0.1:9092", topic, dir.resolve(output), dir.resolve("checkpoint"), false);
    }

    /** Prepares, then writes what Spark writes at the first start of the query. */
    private static void started(KafkaSettings settings) throws Exception {
        settings.lockCheckpoint();
        Files.writeString(settings.checkpoint().resolve("metadata"), "{\"id\":\"lesson 5\"}");
    }

    private static void assertNamed(KafkaSettings settings, String... parts) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, settings::lockCheckpoint);
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), error::getMessage);
        }
    }
}
