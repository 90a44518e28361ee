package org.example.iot.sensors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.upper;
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
import org.example.iot.sensors.testkit.TestStream;

/** How to test a transformation of your own: copy this test, replace shout() with your code. */
@ExtendWith(SparkTestSession.class)
class TransformationExampleTest {

    /** The transformation under test: each line in capitals, and its length. */
    static Dataset<Row> shout(Dataset<Row> lines) {
        return lines.select(upper(col("value")).as("shouted"), length(col("value")).as("length"));
    }

    @Test
    void shoutsEveryLineOfAStaticTable(SparkSession spark) {
        Dataset<Row> lines = Lines.table(spark, "hello", "spark streaming");

        assertEquals(List.of(RowFactory.create("HELLO", 5), RowFactory.create("SPARK STREAMING", 15)), shout(lines).collectAsList());
    }

    @Test
    void shoutsTheLinesOfEachBatchOfATestStream(SparkSession spark) throws Exception {
        try (TestStream<String> lines = TestStream.ofLines(spark, TransformationExampleTest::shout, "append")) {
            assertEquals(List.of(RowFactory.create("HELLO", 5)), lines.add("hello").runBatch());
            assertEquals(List.of(RowFactory.create("SPARK STREAMING", 15)), lines.add("spark streaming").runBatch());
        }
    }

    @Test
    void shoutsEveryLineSentToTheSocket(SparkSession spark) throws Exception {
        try (TestLineServer server = TestLineServer.start();
             RowCollector rows = RowCollector.collect(shout(server.linesIn(spark)))) {
            server.send("hello", "spark streaming");

            assertEquals(List.of(RowFactory.create("HELLO", 5), RowFactory.create("SPARK STREAMING", 15)), rows.await(2));
        }
    }
}
