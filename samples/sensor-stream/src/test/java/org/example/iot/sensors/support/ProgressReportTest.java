package org.example.iot.sensors.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.example.iot.sensors.testkit.RowCollector;
import org.example.iot.sensors.testkit.SparkTestSession;
import org.example.iot.sensors.testkit.TestLineServer;

@ExtendWith(SparkTestSession.class)
class ProgressReportTest {

    @Test
    void printsOneLinePerBatchWithTheRowsThatCameIn(SparkSession spark) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ProgressReport report = new ProgressReport(new PrintStream(printed, true, StandardCharsets.UTF_8));
        spark.streams().addListener(report);
        // Listener events arrive on Spark's listener thread, a moment after the batch: wait for
        // them while the query and the listener are still there.
        Pattern line = Pattern.compile("batch \\d+( of \\S+)?: (\\d+) rows?, processed in \\d+ ms");
        try (TestLineServer server = TestLineServer.start();
             RowCollector rows = RowCollector.collect(server.linesIn(spark))) {
            server.send("one", "two", "three");
            rows.awaitValues(3);
            long deadline = System.nanoTime() + RowCollector.TIMEOUT.toNanos();
            while (line.matcher(printed.toString(StandardCharsets.UTF_8)).results().mapToLong(m -> Long.parseLong(m.group(2))).sum() < 3) {
                assertTrue(System.nanoTime() < deadline, "no progress lines for the 3 rows in: " + printed);
                Thread.sleep(50);
            }
        } finally {
            spark.streams().removeListener(report);
        }
    }

    @Test
    void saysOnceWhenTheQueryHasCaughtUpAndAgainAfterNewRows(SparkSession spark) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ProgressReport report = new ProgressReport(new PrintStream(printed, true, StandardCharsets.UTF_8));
        AtomicInteger idleEvents = new AtomicInteger();
        StreamingQueryListener idleCounter = new StreamingQueryListener() {
            @Override
            public void onQueryIdle(QueryIdleEvent event) {
                idleEvents.incrementAndGet();
            }

            @Override
            public void onQueryStarted(QueryStartedEvent event) {
            }

            @Override
            public void onQueryProgress(QueryProgressEvent event) {
            }

            @Override
            public void onQueryTerminated(QueryTerminatedEvent event) {
            }
        };
        // Spark says a query is idle every 10 s by default: sooner here, so the test waits less.
        String interval = "spark.sql.streaming.noDataProgressEventInterval";
        spark.conf().set(interval, "200ms");
        spark.streams().addListener(report);
        spark.streams().addListener(idleCounter);
        try (TestLineServer server = TestLineServer.start();
             RowCollector rows = RowCollector.collect(server.linesIn(spark))) {
            server.send("one");
            rows.awaitValues(1);
            int idleBefore = idleEvents.get();
            awaitUntil(() -> idleEvents.get() >= idleBefore + 3, "three idle events from Spark");
            assertEquals(1, caughtUpLines(printed), printed.toString(StandardCharsets.UTF_8));
            server.send("two");
            rows.awaitValues(1);
            awaitUntil(() -> caughtUpLines(printed) == 2, "a second caught-up line after new rows: " + printed);
        } finally {
            spark.streams().removeListener(report);
            spark.streams().removeListener(idleCounter);
            spark.conf().unset(interval);
        }
    }

    @Test
    void namesTheQueryThatCaughtUpWhenItHasAName() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ProgressReport report = new ProgressReport(new PrintStream(printed, true, StandardCharsets.UTF_8));
        UUID named = UUID.randomUUID();
        UUID unnamed = UUID.randomUUID();
        String now = Instant.now().toString();
        // As Spark tells them: the name only when the query starts, the idle event by id.
        report.onQueryStarted(new StreamingQueryListener.QueryStartedEvent(named, UUID.randomUUID(), "sequence-alerts", now));
        report.onQueryStarted(new StreamingQueryListener.QueryStartedEvent(unnamed, UUID.randomUUID(), null, now));
        report.onQueryIdle(new StreamingQueryListener.QueryIdleEvent(named, UUID.randomUUID(), now));
        report.onQueryIdle(new StreamingQueryListener.QueryIdleEvent(unnamed, UUID.randomUUID(), now));

        assertEquals(List.of("caught up (sequence-alerts): every row that came in is processed; waiting for more",
                "caught up: every row that came in is processed; waiting for more"),
                printed.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private static int caughtUpLines(ByteArrayOutputStream printed) {
        return printed.toString(StandardCharsets.UTF_8).split("caught up", -1).length - 1;
    }

    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + RowCollector.TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(50);
        }
    }
}
