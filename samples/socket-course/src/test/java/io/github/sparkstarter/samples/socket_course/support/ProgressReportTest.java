package io.github.sparkstarter.samples.socket_course.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.sparkstarter.samples.socket_course.testkit.RowCollector;
import io.github.sparkstarter.samples.socket_course.testkit.SparkTestSession;
import io.github.sparkstarter.samples.socket_course.testkit.TestLineServer;

@ExtendWith(SparkTestSession.class)
class ProgressReportTest {

    @Test
    void printsOneLinePerBatchWithTheRowsThatCameIn(SparkSession spark) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ProgressReport report = new ProgressReport(new PrintStream(printed, true, StandardCharsets.UTF_8));
        spark.streams().addListener(report);
        // Listener events arrive on Spark's listener thread, a moment after the batch: wait for
        // them while the query and the listener are still there.
        Pattern line = Pattern.compile("batch \\d+( of \\S+)?: (\\d+) rows?, processed in \\d+ ms");
        try (TestLineServer server = TestLineServer.start();
             RowCollector rows = RowCollector.collect(server.linesIn(spark))) {
            server.send("one", "two", "three");
            rows.awaitValues(3);
            long deadline = System.nanoTime() + RowCollector.TIMEOUT.toNanos();
            while (line.matcher(printed.toString(StandardCharsets.UTF_8)).results().mapToLong(m -> Long.parseLong(m.group(2))).sum() < 3) {
                assertTrue(System.nanoTime() < deadline, "no progress lines for the 3 rows in: " + printed);
                Thread.sleep(50);
            }
        } finally {
            spark.streams().removeListener(report);
        }
    }
}
