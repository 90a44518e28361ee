package io.github.sparkstarter.samples.socket_course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.github.sparkstarter.samples.socket_course.testkit.AppProcess;
import io.github.sparkstarter.samples.socket_course.testkit.KafkaTestBroker;
import io.github.sparkstarter.samples.socket_course.tools.KafkaBroker;
import io.github.sparkstarter.samples.socket_course.tools.KafkaSend;

/**
 * Lesson 7 in a JVM of its own, on a topic of the test broker that kafka-send fills: a card armed
 * by a test payment, the app killed hard and started again, and the card's cash-out, sent after
 * the restart (with a copy, as a retrying producer sends it), still raises one alert: the state
 * came back from the checkpoint. A malformed line is saved apart; show-sequences prints it all.
 */
@ExtendWith(KafkaTestBroker.class)
class SequenceAlertsAppIT {

    /** For output that comes after many batches, each slow on a busy machine. */
    static final Duration MANY_BATCHES = Duration.ofMinutes(5);

    static final String TEST = "2026-01-15T09:00:00,tx-1,card-9,online-store,1.00,EUR,approved";
    static final String MALFORMED = "2026-01-15T09:00:30,tx-2,card-9,online-store,1.0O,EUR,approved";
    static final String CASH_OUT = "2026-01-15T09:03:00,tx-3,card-9,jeweller,900.00,EUR,approved";

    @Test
    void aCardArmedBeforeAKillStillAlertsAfterTheRestartOnce(KafkaBroker broker, @TempDir Path dir) throws Exception {
        String topic = "payments-" + System.nanoTime();
        Path output = dir.resolve("sequences");
        String[] args = {"--bootstrap-servers", broker.bootstrapServers(), "--topic", topic, "--output", output.toString(),
                "--checkpoint", dir.resolve("checkpoint").toString()};

        try (AppProcess first = AppProcess.start(SequenceAlertsApp.class, args)) {
            first.awaitOutput("Waiting for payments on topic '" + topic + "'", MANY_BATCHES);
            send(broker, topic, dir, TEST, MALFORMED);
            // A batch that read the payment is done (its progress line comes after its commit): card-9 is armed.
            first.awaitLine(Pattern.compile("batch [0-9]+ of sequence-alerts: [1-9][0-9]* rows?, .*"));
            first.kill();
        }
        try (AppProcess second = AppProcess.start(SequenceAlertsApp.class, args)) {
            second.awaitOutput("Waiting for payments", MANY_BATCHES);
            send(broker, topic, dir, CASH_OUT, CASH_OUT);
            awaitAlerts(output.resolve("alerts"), 1);
            try (AppProcess show = AppProcess.start(ShowSequences.class, "--output", output.toString(),
                    "--checkpoint", dir.resolve("checkpoint").toString())) {
                assertEquals(0, show.awaitExit(), show.output());
                assertTrue(show.output().contains("1 alerts in ") && show.output().contains("1 rejected lines in "), show.output());
                assertTrue(Pattern.compile("\\|card-9 *\\|2026-01-15 09:00:00 *\\|tx-1 .*\\|tx-3 ").matcher(show.output()).find(), show.output());
            }
            second.terminate();
            second.awaitExit();
        }
        assertEquals(1, alerts(output.resolve("alerts")).size(), "the cash-out and its copy: one alert");
    }

    /** Sends the lines keyed by card with the project's producer, as the README does, and waits until it is done. */
    private static void send(KafkaBroker broker, String topic, Path dir, String... lines) throws Exception {
        Path file = Files.write(Files.createTempFile(dir, "sent-", ".csv"), List.of(lines));
        try (AppProcess send = AppProcess.start(KafkaSend.class, "--bootstrap-servers", broker.bootstrapServers(),
                "--topic", topic, "--file", file.toString(), "--key-field", "3", "--rate", "1000")) {
            assertEquals(0, send.awaitExit(), send.output());
        }
    }

    /** Waits until the file sink has written this many alerts, one JSON object a line. */
    private static void awaitAlerts(Path alerts, int count) throws Exception {
        long deadline = System.nanoTime() + MANY_BATCHES.toNanos();
        while (alerts(alerts).size() < count) {
            assertTrue(System.nanoTime() < deadline, "no alert saved in " + alerts + " within " + MANY_BATCHES);
            Thread.sleep(200);
        }
    }

    private static List<String> alerts(Path alerts) throws IOException {
        if (!Files.isDirectory(alerts)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(alerts)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
