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

/** How to test a transformation of your own: copy this test, replace shout() with your code. */
@ExtendWith(SparkTestSession.class)
class TransformationExampleTest {

    /** The transformation under test: each line in capitals, and its length. */
    static Dataset<Row> shout(Dataset<Row> lines) {
        return lines.select(upper(col("value")).as("shouted"), length(col("value")).as("length"));
    }

    @Test
    void shoutsEveryLine(SparkSession spark) throws Exception {
        try (LineServer server = LineServer.start();
             RowCollector rows = RowCollector.collect(shout(SocketStreamApp.readLines(spark, server.host(), server.port())))) {
            server.send("hello", "spark streaming");

            assertEquals(List.of(RowFactory.create("HELLO", 5), RowFactory.create("SPARK STREAMING", 15)), rows.await(2));
        }
    }
}
