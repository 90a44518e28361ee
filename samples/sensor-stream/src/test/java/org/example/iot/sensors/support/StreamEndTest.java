package org.example.iot.sensors.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Optional;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.example.iot.sensors.testkit.SparkTestSession;

/** How the app's wait ends when it runs more than one query, as lesson 6 does. */
@ExtendWith(SparkTestSession.class)
class StreamEndTest {

    @Test
    void aFailureOfAnotherQueryOfTheAppEndsTheWaitWithItsReport(SparkSession spark) throws Exception {
        spark.streams().resetTerminated(); // queries of other tests in this JVM ended before: not the app's
        StreamingQuery main = spark.readStream().format("rate").load().writeStream().format("noop").start();
        StreamingQuery other = spark.readStream().format("rate").load()
                .map((MapFunction<org.apache.spark.sql.Row, Long>) row -> {
                    throw new IllegalStateException("the other query fails");
                }, Encoders.LONG())
                .writeStream().format("noop").start();
        try {
            // Bounded: a wait on the main query alone would never end, as it runs on.
            int status = assertTimeoutPreemptively(Duration.ofMinutes(2),
                    () -> StreamEnd.awaitAnyQuery(main, null, null, failure -> Optional.of("known")));

            assertEquals(1, status);
            assertEquals(false, other.isActive());
        } finally {
            main.stop();
            other.stop();
            spark.streams().resetTerminated();
        }
    }
}
