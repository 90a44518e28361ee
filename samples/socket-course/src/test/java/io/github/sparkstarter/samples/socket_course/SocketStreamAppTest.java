package io.github.sparkstarter.samples.socket_course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.sparkstarter.samples.socket_course.testkit.RowCollector;
import io.github.sparkstarter.samples.socket_course.testkit.SparkTestSession;
import io.github.sparkstarter.samples.socket_course.testkit.TestLineServer;

/**
 * Lesson 1's stream, read as the lesson reads it, against a real socket and a real Spark session.
 * SocketStreamAppIT runs the lesson itself, console and all, in a JVM of its own.
 */
@ExtendWith(SparkTestSession.class)
class SocketStreamAppTest {

    @Test
    void linesSentToTheSocketArriveAsRowsInOrder(SparkSession spark) throws Exception {
        try (TestLineServer server = TestLineServer.start();
             RowCollector rows = RowCollector.collect(server.linesIn(spark))) {
            server.send("hello spark", "", "  spaces kept  ", "grüße, 你好, नमस्ते");

            assertEquals(List.of("hello spark", "", "  spaces kept  ", "grüße, 你好, नमस्ते"), rows.awaitValues(4));
        }
    }

    @Test
    void aBurstOfLinesArrivesCompleteAndInOrder(SparkSession spark) throws Exception {
        List<String> sent = IntStream.rangeClosed(1, 2000).mapToObj(i -> "line " + i).toList();
        try (TestLineServer server = TestLineServer.start();
             RowCollector rows = RowCollector.collect(server.linesIn(spark))) {
            server.send(sent.toArray(String[]::new));

            assertEquals(sent, rows.awaitValues(sent.size()));
        }
    }

    @Test
    void aVeryLongLineArrivesWhole(SparkSession spark) throws Exception {
        String longLine = "0123456789".repeat(100_000);
        try (TestLineServer server = TestLineServer.start();
             RowCollector rows = RowCollector.collect(server.linesIn(spark))) {
            server.send(longLine, "next");

            assertEquals(List.of(longLine, "next"), rows.awaitValues(2));
        }
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharacters(SparkSession spark) throws Exception {
        try (TestLineServer server = TestLineServer.start();
             RowCollector rows = RowCollector.collect(server.linesIn(spark))) {
            // 'a', two bytes that are not UTF-8 (Latin-1 'ÿ', and a lone continuation byte), 'b'
            server.sendBytes(new byte[] {'a', (byte) 0xFF, (byte) 0x80, 'b', '\n'});
            server.send("still streaming");

            assertEquals(List.of("a\uFFFD\uFFFDb", "still streaming"), rows.awaitValues(2));
        }
    }

    @Test
    void theStreamIsStreamingWithOneStringColumnNamedValue(SparkSession spark) throws Exception {
        try (TestLineServer server = TestLineServer.start()) {
            Dataset<Row> lines = server.linesIn(spark);

            assertTrue(lines.isStreaming());
            assertEquals(new StructType().add("value", DataTypes.StringType), lines.schema());
        }
    }
}
