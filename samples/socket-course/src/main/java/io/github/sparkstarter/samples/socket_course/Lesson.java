package io.github.sparkstarter.samples.socket_course;

import java.util.function.UnaryOperator;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.Trigger;

/**
 * One lesson of the course: what it makes of the stream of lines, and how its results are written
 * to the console. {@link SocketStreamApp#run(String[], Lesson)} does the rest, the same for all.
 *
 * @param transformation from the lines (column "value", and "timestamp" with arrivalTime) to the result
 * @param outputMode     "append" (new rows only), "complete" (the whole result) or "update" (changed rows)
 * @param trigger        when a micro-batch starts
 * @param arrivalTime    whether the lines carry a "timestamp" column: when each line arrived
 */
public record Lesson(UnaryOperator<Dataset<Row>> transformation, String outputMode, Trigger trigger, boolean arrivalTime) {

    /** Lesson 1, the echo: every line as it came, in a batch as soon as it arrives. */
    public static final Lesson ECHO = new Lesson(lines -> lines, "append", Trigger.ProcessingTime(0), false);
}
