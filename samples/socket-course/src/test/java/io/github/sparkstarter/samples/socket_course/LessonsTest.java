package io.github.sparkstarter.samples.socket_course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Lessons 2 and 3 and the progress report, each against a real socket, as the lesson runs them. */
@ExtendWith(SparkTestSession.class)
class LessonsTest {

    @Test
    void theWordCountKeepsRunningCountsMostFrequentFirst(SparkSession spark) throws Exception {
        try (LineServer server = LineServer.start();
             RowCollector counts = startLesson(WordCountApp.LESSON, spark, server)) {
            server.send("to be or not to be", "  be  quick  ");

            List<Row> expected = List.of(row("be", 3), row("to", 2), row("not", 1), row("or", 1), row("quick", 1));
            assertEquals(expected, counts.awaitBatch(expected::equals));
        }
    }

    @Test
    void theWindowedCountCountsWordsPerTenSecondWindow(SparkSession spark) throws Exception {
        try (LineServer server = LineServer.start();
             RowCollector counts = startLesson(WindowedCountApp.LESSON, spark, server)) {
            server.send("spark spark streaming", "spark");

            // The lines arrive within milliseconds, so almost always in one window; count over all.
            List<Row> batch = counts.awaitBatch(rows -> totals(rows).equals(Map.of("spark", 3L, "streaming", 1L)));
            for (Row row : batch) {
                Row window = row.getStruct(0);
                long millis = window.getTimestamp(1).getTime() - window.getTimestamp(0).getTime();
                assertEquals(10_000, millis, "window " + window);
            }
        }
    }

    @Test
    void theProgressReportPrintsOneLinePerBatch(SparkSession spark) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ProgressReport report = new ProgressReport(new PrintStream(printed, true, StandardCharsets.UTF_8));
        spark.streams().addListener(report);
        try (LineServer server = LineServer.start();
             RowCollector rows = RowCollector.collect(SocketStreamApp.readLines(spark, server.host(), server.port()))) {
            server.send("one", "two", "three");
            rows.awaitValues(3);
            rows.query().processAllAvailable();
        } finally {
            spark.streams().removeListener(report);
        }
        // Listener events arrive on Spark's listener thread, a moment after the batch.
        Pattern line = Pattern.compile("batch \\d+: (\\d+) rows in, \\d+\\.\\d rows/s, took \\d+ ms");
        long deadline = System.nanoTime() + RowCollector.TIMEOUT.toNanos();
        while (line.matcher(printed.toString(StandardCharsets.UTF_8)).results().mapToLong(m -> Long.parseLong(m.group(1))).sum() < 3) {
            assertTrue(System.nanoTime() < deadline, "no progress lines for the 3 rows in: " + printed);
            Thread.sleep(50);
        }
    }

    /** Runs the lesson's query as its main class does, reading the server, into a collector. */
    private static RowCollector startLesson(Lesson lesson, SparkSession spark, LineServer server) throws Exception {
        return new RowCollector(lesson.transformation().apply(
                SocketStreamApp.readLines(spark, server.host(), server.port(), lesson.arrivalTime(), 1)),
                lesson.outputMode(), lesson.trigger());
    }

    private static Row row(String word, long count) {
        return RowFactory.create(word, count);
    }

    private static Map<String, Long> totals(List<Row> rows) {
        Map<String, Long> totals = new HashMap<>();
        for (Row row : rows) {
            totals.merge(row.getString(1), row.getLong(2), Long::sum);
        }
        return totals;
    }
}
