package org.example.iot.sensors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_format;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.example.iot.sensors.testkit.RowCollector;
import org.example.iot.sensors.testkit.SparkTestSession;
import org.example.iot.sensors.testkit.TestLineServer;
import org.example.iot.sensors.testkit.TestStream;

/**
 * Lesson 3's transformation: on static lines with chosen times first; then on a stream fed batch
 * by batch, where the watermark closes a window; then on a stream from a real socket.
 */
@ExtendWith(SparkTestSession.class)
class WindowedCountAppTest {

    @Test
    void countsWordsPerTenSecondWindowOfTheirTime(SparkSession spark) {
        StructType schema = new StructType().add("value", DataTypes.StringType).add("timestamp", DataTypes.TimestampType);
        Dataset<Row> lines = spark.createDataFrame(List.of(
                RowFactory.create("spark streaming", at("2024-01-01T10:00:01Z")),
                RowFactory.create("spark", at("2024-01-01T10:00:09Z")),
                RowFactory.create("spark", at("2024-01-01T10:00:12Z"))), schema);

        Map<String, Long> counts = new HashMap<>();
        for (Row row : WindowedCountApp.countPerWindow(lines).collectAsList()) {
            Row window = row.getStruct(0);
            counts.put(window.getTimestamp(0).toInstant() + " " + row.getString(1), row.getLong(2));
        }

        assertEquals(Map.of(
                "2024-01-01T10:00:00Z spark", 2L,
                "2024-01-01T10:00:00Z streaming", 1L,
                "2024-01-01T10:00:10Z spark", 1L), counts);
    }

    @Test
    void countsTheWordsSentToTheSocketPerWindowOfArrival(SparkSession spark) throws Exception {
        try (TestLineServer server = TestLineServer.start();
             RowCollector counts = new RowCollector(WindowedCountApp.countPerWindow(server.timestampedLinesIn(spark)), "update")) {
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
    void aWindowCountsUntilTheWatermarkPassesItThenDropsLateLines(SparkSession spark) throws Exception {
        // "update", as main writes the counts: each batch gives the counts it changed.
        try (TestStream<Row> lines = TestStream.ofRows(spark, "value STRING, timestamp TIMESTAMP",
                WindowedCountAppTest::countsAsText, "update")) {
            assertEquals(List.of("10:00:00 spark 2", "10:00:00 streaming 1"),
                    sorted(lines.add(line("spark streaming", "10:00:01"), line("spark", "10:00:09")).runBatch()));
            // 10:00:02 is older than the newest line, but within 20 seconds of it: still counted.
            assertEquals(List.of("10:00:00 spark 3", "10:00:30 spark 1"),
                    sorted(lines.add(line("spark", "10:00:35"), line("spark", "10:00:02")).runBatch()));
            // The watermark is now 10:00:15, past the end of 10:00:00-10:00:10: a line of that window is dropped.
            assertEquals(List.of("10:00:30 streaming 1"),
                    sorted(lines.add(line("spark", "10:00:04"), line("streaming", "10:00:36")).runBatch()));
        }
    }

    /** Lesson 3's counts as text, "window-start word count", to compare. */
    private static Dataset<Row> countsAsText(Dataset<Row> lines) {
        return WindowedCountApp.countPerWindow(lines)
                .select(concat_ws(" ", date_format(col("window.start"), "HH:mm:ss"), col("word"), col("count").cast("string")));
    }

    /** A line as the socket source gives it with includeTimestamp: its text, and a time of 2024-01-01, local time. */
    private static Row line(String text, String time) {
        return RowFactory.create(text, Timestamp.valueOf("2024-01-01 " + time));
    }

    private static List<String> sorted(List<Row> rows) {
        return rows.stream().map(row -> row.getString(0)).sorted().toList();
    }

    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    private static Map<String, Long> totals(List<Row> rows) {
        Map<String, Long> totals = new HashMap<>();
        for (Row row : rows) {
            totals.merge(row.getString(1), row.getLong(2), Long::sum);
        }
        return totals;
    }
}
