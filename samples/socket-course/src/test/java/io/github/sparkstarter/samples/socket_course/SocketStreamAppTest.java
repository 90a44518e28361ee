package io.github.sparkstarter.samples.socket_course;

import static org.apache.spark.sql.functions.spark_partition_id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import scala.Console;

/** The steps of {@link SocketStreamApp}, each against a real socket and a real Spark session. */
@ExtendWith(SparkTestSession.class)
class SocketStreamAppTest {

    @Test
    void linesSentToTheSocketArriveAsRowsInOrder(SparkSession spark) throws Exception {
        try (LineServer server = LineServer.start()) {
            Dataset<Row> lines = SocketStreamApp.readLines(spark, server.host(), server.port());
            try (RowCollector rows = RowCollector.collect(lines)) {
                server.send("hello spark", "", "  spaces kept  ", "grüße, 你好, नमस्ते");

                assertEquals(List.of("hello spark", "", "  spaces kept  ", "grüße, 你好, नमस्ते"), rows.awaitValues(4));
            }
        }
    }

    @Test
    void aBurstOfLinesArrivesCompleteAndInOrder(SparkSession spark) throws Exception {
        List<String> sent = IntStream.rangeClosed(1, 2000).mapToObj(i -> "line " + i).toList();
        try (LineServer server = LineServer.start()) {
            Dataset<Row> lines = SocketStreamApp.readLines(spark, server.host(), server.port());
            try (RowCollector rows = RowCollector.collect(lines)) {
                server.send(sent.toArray(String[]::new));

                assertEquals(sent, rows.awaitValues(sent.size()));
            }
        }
    }

    @Test
    void moreSourcePartitionsShareTheLinesAndLoseNone(SparkSession spark) throws Exception {
        List<String> sent = IntStream.rangeClosed(1, 2000).mapToObj(i -> "line " + i).toList();
        try (LineServer server = LineServer.start()) {
            Dataset<Row> lines = SocketStreamApp.readLines(spark, server.host(), server.port(), false, 4)
                    .withColumn("partition", spark_partition_id());
            try (RowCollector rows = RowCollector.collect(lines)) {
                server.send(sent.toArray(String[]::new));

                List<Row> received = rows.await(sent.size());
                // A batch comes partition by partition, out of arrival order: compare the lines sorted.
                assertEquals(sent.stream().sorted().toList(), received.stream().map(row -> row.getString(0)).sorted().toList());
                assertEquals(Set.of(0, 1, 2, 3), received.stream().map(row -> row.getInt(1)).collect(Collectors.toSet()));
            }
        }
    }

    @Test
    void aVeryLongLineArrivesWhole(SparkSession spark) throws Exception {
        String longLine = "0123456789".repeat(100_000);
        try (LineServer server = LineServer.start()) {
            Dataset<Row> lines = SocketStreamApp.readLines(spark, server.host(), server.port());
            try (RowCollector rows = RowCollector.collect(lines)) {
                server.send(longLine, "next");

                assertEquals(List.of(longLine, "next"), rows.awaitValues(2));
            }
        }
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharacters(SparkSession spark) throws Exception {
        try (LineServer server = LineServer.start()) {
            Dataset<Row> lines = SocketStreamApp.readLines(spark, server.host(), server.port());
            try (RowCollector rows = RowCollector.collect(lines)) {
                // 'a', two bytes that are not UTF-8 (Latin-1 'ÿ', and a lone continuation byte), 'b'
                server.sendBytes(new byte[] {'a', (byte) 0xFF, (byte) 0x80, 'b', '\n'});
                server.send("still streaming");

                assertEquals(List.of("a\uFFFD\uFFFDb", "still streaming"), rows.awaitValues(2));
            }
        }
    }

    @Test
    void theStreamIsStreamingWithOneStringColumnNamedValue(SparkSession spark) {
        Dataset<Row> lines = SocketStreamApp.readLines(spark, "127.0.0.1", 9);

        assertTrue(lines.isStreaming());
        assertEquals(new StructType().add("value", DataTypes.StringType), lines.schema());
    }

    @Test
    void theConsoleShowsEveryRowAndWholeLines(SparkSession spark) throws Exception {
        String longLine = "x".repeat(300);
        List<String> sent = IntStream.rangeClosed(1, 30).mapToObj(i -> "row " + i).toList();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (LineServer server = LineServer.start();
             PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            Dataset<Row> lines = SocketStreamApp.readLines(spark, server.host(), server.port());
            // Spark prints batches through Scala's Console; the query's thread inherits this one.
            StreamingQuery query = Console.withOut(console, () -> startConsoleQuery(lines));
            try {
                server.awaitClient();
                server.send(sent.toArray(String[]::new));
                server.send(longLine);
                waitUntil(() -> printed.toString(StandardCharsets.UTF_8).contains(longLine), query);
            } finally {
                query.stop();
            }
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        for (String row : sent) {
            assertTrue(output.contains("|" + row + " "), () -> "missing row '" + row + "' in:\n" + output);
        }
    }

    private static StreamingQuery startConsoleQuery(Dataset<Row> lines) {
        try {
            return SocketStreamApp.writeToConsole(lines);
        } catch (TimeoutException e) {
            throw new AssertionError("the console query did not start", e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, StreamingQuery query) throws Exception {
        long deadline = System.nanoTime() + RowCollector.TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + RowCollector.TIMEOUT);
            }
            query.processAllAvailable();
            query.awaitTermination(100);
        }
    }
}
