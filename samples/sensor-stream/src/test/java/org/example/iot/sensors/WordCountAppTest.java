package org.example.iot.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.example.iot.sensors.testkit.RowCollector;
import org.example.iot.sensors.testkit.Lines;
import org.example.iot.sensors.testkit.SparkTestSession;
import org.example.iot.sensors.testkit.TestLineServer;

/** Lesson 2's transformation: on a static table of lines first, then on a stream from a real socket. */
@ExtendWith(SparkTestSession.class)
class WordCountAppTest {

    private static final List<Row> COUNTS = List.of(row("be", 3), row("to", 2), row("not", 1), row("or", 1), row("quick", 1));

    @Test
    void countsTheWordsOfAStaticTableOfLines(SparkSession spark) {
        // A stream is an unbounded table: the same transformation runs on a bounded one, in a second.
        Dataset<Row> lines = Lines.table(spark, "to be or not to be", "  be  quick  ");

        assertEquals(COUNTS, WordCountApp.countWords(lines).collectAsList());
    }

    @Test
    void keepsRunningCountsOfTheWordsSentToTheSocket(SparkSession spark) throws Exception {
        try (TestLineServer server = TestLineServer.start();
             RowCollector counts = new RowCollector(WordCountApp.countWords(server.linesIn(spark)), "complete")) {
            server.send("to be or not to be");
            counts.awaitBatch(batch -> batch.contains(row("be", 2)));
            server.send("  be  quick  ");

            assertEquals(COUNTS, counts.awaitBatch(COUNTS::equals));
        }
    }

    private static Row row(String word, long count) {
        return RowFactory.create(word, count);
    }
}
