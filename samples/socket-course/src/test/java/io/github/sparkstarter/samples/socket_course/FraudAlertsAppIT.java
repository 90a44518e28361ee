package io.github.sparkstarter.samples.socket_course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.sparkstarter.samples.socket_course.support.AlertsDatabase;
import io.github.sparkstarter.samples.socket_course.testkit.AppProcess;

/**
 * Lesson 6 in a JVM of its own over the replayed sample (data/transactions.csv, ten lines a file,
 * and data/transactions-malformed.csv): killed hard mid-replay and started again, it saves the same
 * alerts as a clean run, each once; the malformed lines are counted and saved, and the stream goes
 * on; while it runs, its web UI answers this machine only, and the database file is held.
 */
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
    void killedAndStartedAgainItSavesEveryAlertOnce(@TempDir Path dir) throws Exception {
        List<Path> pieces = pieces(dir);

        Run clean = new Run(dir.resolve("clean"));
        for (Path piece : pieces) {
            clean.drop(piece);
        }
        try (AppProcess app = clean.start()) {
            awaitEnd(app, app);
            app.terminate();
            app.awaitExit();
        }

        Run crashed = new Run(dir.resolve("crashed"));
        int twoThirds = pieces.size() * 2 / 3;
        AppProcess first = crashed.start();
        try (first) {
            for (Path piece : pieces.subList(0, twoThirds)) {
                crashed.drop(piece);
            }
            // As soon as the first alert is saved, while the payments after it are read.
            first.awaitOutput("ALERT card-1018", MANY_BATCHES);
            first.kill();
        }
        // Killed a moment earlier, between the database's commit and Spark's record of the batch,
        // it would find the batch not done: made so here, the restart must run that batch again.
        forgetBatchesFrom(crashed.checkpoint.resolve("alerts"), savedBy(first.output(), "ALERT card-1018"));
        for (Path piece : pieces.subList(twoThirds, pieces.size() - 3)) {
            crashed.drop(piece);
        }
        try (AppProcess second = crashed.start()) {
            for (Path piece : pieces.subList(pieces.size() - 3, pieces.size())) {
                crashed.drop(piece);
            }
            // The batch run again saves its alert a second time: onto the same row.
            second.awaitOutput("ALERT card-1018", MANY_BATCHES);
            awaitEnd(first, second);
            second.terminate();
            second.awaitExit();
        }

        assertEquals(EXPECTED, sortedByTime(clean.alerts()));
        assertEquals(clean.alerts(), crashed.alerts());
        assertEquals(5, crashed.rejected().size(), "the 4 malformed lines, once each, under a header: " + crashed.rejected());
    }

    @Test
    void whileItRunsItsWebUiAnswersThisMachineOnlyAndTheDatabaseIsHeld(@TempDir Path dir) throws Exception {
        Run run = new Run(dir);
        run.drop(copy(MALFORMED, dir.resolve("malformed.csv")));
        try (AppProcess app = run.start()) {
            app.awaitOutput("4 in all", MANY_BATCHES);
            String page = page(app);
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

            try (AppProcess show = AppProcess.start(ShowAlerts.class, "--database", run.database.toString())) {
                assertEquals(1, show.awaitExit(), show.output());
                assertTrue(show.output().strip().startsWith("error: the database '") && show.output().strip().lines().count() == 1,
                        show.output());
            }
            // The stream goes on after the malformed lines: a payment file is read after them.
            run.drop(Files.write(dir.resolve("one.csv"), Files.readAllLines(SAMPLE).subList(0, 10)));
            app.awaitOutput("of fraud-alerts: 10 rows,", MANY_BATCHES);
            app.terminate();
            app.awaitExit();
        }
        assertEquals(5, run.rejected().size(), run.rejected().toString());
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

    /** The sample in files of ten lines, the malformed file in the middle, as drop-sample.sh drops them. */
    private static List<Path> pieces(Path dir) throws IOException {
        Path all = Files.createDirectories(dir.resolve("pieces"));
        List<String> lines = Files.readAllLines(SAMPLE);
        List<Path> pieces = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += 10) {
            pieces.add(Files.write(all.resolve(String.format("piece-%03d.csv", from)), lines.subList(from, Math.min(from + 10, lines.size()))));
        }
        pieces.add(pieces.size() / 3, copy(MALFORMED, all.resolve("malformed.csv")));
        return pieces;
    }

    private static Path copy(Path from, Path to) throws IOException {
        return Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
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

    /** One run's inbox, database and checkpoint. */
    private static final class Run {
        final Path inbox;
        final Path database;
        final Path checkpoint;

        Run(Path dir) throws IOException {
            inbox = Files.createDirectories(dir.resolve("inbox"));
            database = dir.resolve("saved").resolve("alerts");
            checkpoint = dir.resolve("saved").resolve("checkpoint");
        }

        AppProcess start() throws IOException {
            return AppProcess.start(FraudAlertsApp.class, "--inbox", inbox.toString(), "--database", database.toString(),
                    "--checkpoint", checkpoint.toString());
        }

        /** Moves a copy in whole, as scripts/drop-sample.sh does: Spark may read a file as soon as it appears. */
        void drop(Path piece) throws IOException {
            Path copy = Files.copy(piece, inbox.resolveSibling("." + piece.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.move(copy, inbox.resolve(piece.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }

        List<String> alerts() throws Exception {
            try (AlertsDatabase open = AlertsDatabase.openOrFail(database)) {
                return ShowAlerts.query(open, ShowAlerts.ALERTS);
            }
        }

        List<String> rejected() throws Exception {
            try (AlertsDatabase open = AlertsDatabase.openOrFail(database)) {
                return ShowAlerts.query(open, ShowAlerts.REJECTED);
            }
        }
    }
}
