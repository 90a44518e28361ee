package io.github.sparkstarter.samples.socket_course.testkit;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Static tables of text lines, shaped as the socket source's stream: to test a lesson's transformation on them. */
public final class Lines {

    private Lines() {
    }

    /** A table with one column, {@code value}, one row per line, in order. */
    public static Dataset<Row> table(SparkSession spark, String... lines) {
        return spark.createDataset(List.of(lines), Encoders.STRING()).toDF("value");
    }
}
