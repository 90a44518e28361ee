package org.example.iot.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.example.iot.sensors.support.AlertsDatabase;
import org.example.iot.sensors.testkit.AppProcess;
import org.example.iot.sensors.testkit.KafkaTestBroker;
import org.example.iot.sensors.tools.KafkaBroker;
import org.example.iot.sensors.tools.KafkaSend;

/**
 * Lesson 6 in a JVM of its own, reading a topic of the test broker that the project's producer
 * (kafka-send, in its own JVM too) fills with data/transactions.csv and its malformed lines:
 * started before any payment, it waits; killed hard mid-stream and started again, it saves each
 * alert once; the malformed lines are counted and saved, and the stream goes on. While it runs,
 * show-alerts prints the tables, and its web UI and its database's server answer this machine only.
 */
@ExtendWith(KafkaTestBroker.class)
class FraudAlertsAppIT {

    static final Path SAMPLE = Path.of("data", "transactions.csv");
    static final Path MALFORMED = Path.of("data", "transactions-malformed.csv");

    /** For output that comes after many batches, each slow on a busy machine. */
    static final Duration MANY_BATCHES = Duration.ofMinutes(5);

    /** The alerts the sample raises (README, lesson 6). */
    static final List<String> EXPECTED = List.of(
            "card | window_start | window_end | reason | declined | approved_total | payments",
            "card-1018 | 2026-01-15 09:00:00 | 2026-01-15 09:05:00 | declined payments | 3 | 102.02 | 6",
            "card-1001 | 2026-01-15 09:05:00 | 2026-01-15 09:10:00 | high total | 0 | 2013.66 | 6");

    @Test
    void startedBeforeAnyPaymentThenKilledAndStartedAgainItSavesEveryAlertOnce(KafkaBroker broker, @TempDir Path dir) throws Exception {
        Run run = new Run(broker, dir);
        List<String> payments = Files.readAllLines(SAMPLE);

        AppProcess first = run.start();
        try (first) {
            first.awaitOutput("Waiting for payments on topic '" + run.topic + "'", MANY_BATCHES);
            assertTrue(first.output().contains("Created topic '" + run.topic + "' with " + KafkaSend.DEFAULT_PARTITIONS + " partitions."),
                    first.output());
            run.send(payments.subList(0, 100));
            run.send(Files.readAllLines(MALFORMED));
            run.send(payments.subList(100, 200));
            // As soon as the first alert is saved, while the payments after it are read.
            first.awaitOutput("ALERT card-1018", MANY_BATCHES);
            first.kill();
        }
        // Killed a moment earlier, between the database's commit and Spark's record of the batch,
        // it would find the batch not done: made so here, the restart must run that batch again.
        forgetBatchesFrom(run.checkpoint.resolve("fraud-alerts"), savedBy(first.output(), "ALERT card-1018"));
        try (AppProcess second = run.start()) {
            second.awaitOutput("Waiting for payments", MANY_BATCHES);
            run.send(payments.subList(200, payments.size()));
            // The batch run again saves its alert a second time: onto the same row.
            second.awaitOutput("ALERT card-1018", MANY_BATCHES);
            awaitEnd(first, second);

            // show-alerts while the alerts run holds the database: through its server.
            try (AppProcess show = AppProcess.start(ShowAlerts.class, "--database", run.database.toString())) {
                assertEquals(0, show.awaitExit(), show.output());
                assertTrue(show.output().contains("2 alerts in ") && show.output().contains("4 rejected lines:"), show.output());
                assertTrue(show.output().contains(EXPECTED.get(1)) && show.output().contains(EXPECTED.get(2)), show.output());
            }
            second.terminate();
            second.awaitExit();
        }

        assertEquals(EXPECTED, sortedByTime(run.alerts()));
        assertEquals(5, run.rejected().size(), "the 4 malformed lines, once each, under a header: " + run.rejected());
    }

    @Test
    void whileItRunsItsWebUiAndItsDatabaseServerAnswerThisMachineOnly(KafkaBroker broker, @TempDir Path dir) throws Exception {
        Run run = new Run(broker, dir);
        try (AppProcess app = run.start()) {
            String page = page(app);
            app.awaitOutput("Waiting for payments", MANY_BATCHES);
            run.send(Files.readAllLines(MALFORMED));
            app.awaitOutput("4 in all", MANY_BATCHES);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

            // localhost is 127.0.0.1 or ::1, as the browser chooses.
            for (String loopback : List.of("127.0.0.1", "[::1]")) {
                HttpResponse<String> local = http.send(HttpRequest.newBuilder(URI.create(page.replace("localhost", loopback)))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, local.statusCode(), loopback);
                assertTrue(local.body().contains("fraud-alerts") && local.body().contains("rejected-lines"), local.body());
            }

            List<InetAddress> others = nonLoopbackAddresses();
            for (InetAddress other : others) {
                URI remote = URI.create(page.replace("localhost", other.getHostAddress()));
                try {
                    HttpResponse<String> refused = http.send(HttpRequest.newBuilder(remote).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(403, refused.statusCode(), remote + " served: " + refused.body());
                    assertFalse(refused.body().contains("fraud-alerts"), refused.body());
                } catch (ConnectException e) {
                    // Not listening on that address at all: refused too.
                }
            }
            System.out.println("web UI refused from " + others);

            // H2 writes where its server listens into the lock file, for the processes that share the database.
            Properties lock = new Properties();
            try (Reader file = Files.newBufferedReader(Path.of(run.database + ".lock.db"))) {
                lock.load(file);
            }
            String server = lock.getProperty("server", "");
            assertTrue(server.matches("(localhost|127\\.0\\.0\\.1):[0-9]+"), "the database's server: " + lock);
            int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
            try (Socket local = new Socket()) {
                local.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            }
            assertFalse(others.isEmpty(), "no address but loopback to ask the database's server from");
            for (InetAddress other : others) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(other, port), 10_000);
                    fail("the database's server answers " + other + ":" + port);
                } catch (ConnectException e) {
                    // Refused: it listens on loopback only.
                }
            }
            System.out.println("database server at " + server + ", refused from " + others);

            try (AppProcess show = AppProcess.start(ShowAlerts.class, "--database", run.database.toString())) {
                assertEquals(0, show.awaitExit(), show.output());
                assertTrue(show.output().contains("0 alerts in ") && show.output().contains("4 rejected lines:"), show.output());
            }
            app.terminate();
            app.awaitExit();
        }
        assertEquals(5, run.rejected().size(), run.rejected().toString());
    }

    @Test
    void aDatabaseHeldByAProgramThatDoesNotShareItIsOneLineAndLeavesNoTraceFile(@TempDir Path dir) throws Exception {
        Path database = dir.resolve("alerts");
        AlertsDatabase.openOrFail(database, FraudAlertsApp.TABLES).close();
        // As an H2 Shell or Console would open it: without AUTO_SERVER, so it serves no one else.
        try (Connection holder = DriverManager.getConnection("jdbc:h2:file:" + database.toAbsolutePath(), "sa", "");
                AppProcess show = AppProcess.start(ShowAlerts.class, "--database", database.toString())) {
            assertFalse(holder.isClosed());
            assertEquals(1, show.awaitExit(), show.output());
            assertTrue(show.output().strip().startsWith("error: the database '" + database + ".mv.db' is held by a program")
                    && show.output().strip().lines().count() == 1, show.output());
        }
        assertFalse(Files.exists(Path.of(database + ".trace.db")), "a trace file was left beside the database");
    }

    /** Both alerts printed (by the first run or the second) and the malformed lines counted. */
    private static void awaitEnd(AppProcess first, AppProcess second) throws InterruptedException {
        for (String alert : List.of("ALERT card-1018", "ALERT card-1001")) {
            if (!first.output().contains(alert)) {
                second.awaitOutput(alert, MANY_BATCHES);
            }
        }
        if (!first.output().contains("4 in all")) {
            second.awaitOutput("4 in all", MANY_BATCHES);
        }
    }

    /** The batch that saved an alert, from its line: "ALERT card-1018, ... saved by batch 2". */
    private static long savedBy(String output, String alert) {
        Matcher line = Pattern.compile(Pattern.quote(alert) + ".*saved by batch ([0-9]+)").matcher(output);
        assertTrue(line.find(), output);
        return Long.parseLong(line.group(1));
    }

    /**
     * Makes Spark's checkpoint say that batch {@code batch} and the ones after it never finished:
     * their commit records go, and the plans of the batches after it (with the checksum files
     * Hadoop keeps beside each).
     */
    private static void forgetBatchesFrom(Path checkpoint, long batch) throws IOException {
        for (String log : List.of("commits", "offsets")) {
            long firstGone = log.equals("commits") ? batch : batch + 1;
            try (var files = Files.list(checkpoint.resolve(log))) {
                for (Path file : files.toList()) {
                    String id = file.getFileName().toString().replaceAll("^\\.(.*)\\.crc$", "$1");
                    if (id.matches("[0-9]+") && Long.parseLong(id) >= firstGone) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    /** The address the app printed for its streaming page. */
    static String page(AppProcess app) throws InterruptedException {
        app.awaitOutput("/StreamingQuery/");
        Matcher url = Pattern.compile("http://localhost:[0-9]+/StreamingQuery/").matcher(app.output());
        assertTrue(url.find(), app.output());
        return url.group();
    }

    /** This machine's addresses other than loopback: from those the UI must not be served. */
    static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                network.inetAddresses().filter(address -> address instanceof Inet4Address).forEach(addresses::add);
            }
        }
        return addresses;
    }

    private static List<String> sortedByTime(List<String> table) {
        List<String> rows = new ArrayList<>(table.subList(1, table.size()));
        rows.sort((a, b) -> a.split(" \\| ")[1].compareTo(b.split(" \\| ")[1]));
        rows.add(0, table.get(0));
        return rows;
    }

    /** One run's topic, database and checkpoint, on the test broker. */
    private static final class Run {
        final KafkaBroker broker;
        final Path dir;
        final String topic = "payments-" + System.nanoTime();
        final Path database;
        final Path checkpoint;
        int sent;

        Run(KafkaBroker broker, Path dir) {
            this.broker = broker;
            this.dir = dir;
            database = dir.resolve("saved").resolve("alerts");
            checkpoint = dir.resolve("saved").resolve("checkpoint");
        }

        AppProcess start() throws IOException {
            return AppProcess.start(FraudAlertsApp.class, "--bootstrap-servers", broker.bootstrapServers(), "--topic", topic,
                    "--database", database.toString(), "--checkpoint", checkpoint.toString());
        }

        /** Sends the lines keyed by card with the project's producer, as the README does, and waits until it is done. */
        void send(List<String> lines) throws Exception {
            Path file = Files.write(dir.resolve("sent-" + sent++ + ".csv"), lines);
            try (AppProcess send = AppProcess.start(KafkaSend.class, "--bootstrap-servers", broker.bootstrapServers(),
                    "--topic", topic, "--file", file.toString(), "--key-field", "3", "--rate", "1000")) {
                assertEquals(0, send.awaitExit(), send.output());
            }
        }

        List<String> alerts() throws Exception {
            try (AlertsDatabase open = AlertsDatabase.openOrFail(database, FraudAlertsApp.TABLES)) {
                return ShowAlerts.query(open, ShowAlerts.ALERTS);
            }
        }

        List<String> rejected() throws Exception {
            try (AlertsDatabase open = AlertsDatabase.openOrFail(database, FraudAlertsApp.TABLES)) {
                return ShowAlerts.query(open, ShowAlerts.REJECTED);
            }
        }
    }
}
