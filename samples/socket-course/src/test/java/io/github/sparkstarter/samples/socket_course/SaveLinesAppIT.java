package io.github.sparkstarter.samples.socket_course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.github.sparkstarter.samples.socket_course.testkit.AppProcess;
import io.github.sparkstarter.samples.socket_course.testkit.RowCollector;
import io.github.sparkstarter.samples.socket_course.testkit.SparkTestSession;

/**
 * Lesson 4 in a JVM of its own, killed hard in the middle of the stream and started again on the
 * same checkpoint: every line of every file dropped in is saved exactly once.
 */
@ExtendWith(SparkTestSession.class)
class SaveLinesAppIT {

    @Test
    void killedAndStartedAgainItSavesEveryLineExactlyOnce(SparkSession spark, @TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path saved = dir.resolve("saved");
        String[] options = {"--inbox", inbox.toString(), "--output", saved.toString(),
                "--checkpoint", dir.resolve("checkpoint").toString()};
        List<String> sent = new ArrayList<>();

        try (AppProcess app = AppProcess.start(SaveLinesApp.class, options)) {
            app.awaitOutput("Saving the lines");
            for (int file = 1; file <= 20; file++) {
                sent.addAll(drop(inbox, dir, "before " + file));
            }
            // Once some lines are saved, and likely while more are being read: as a crash would.
            awaitSaved(spark, saved, count -> count > 0);
            app.kill();
        }
        for (int file = 1; file <= 10; file++) {
            sent.addAll(drop(inbox, dir, "while down " + file));
        }
        try (AppProcess app = AppProcess.start(SaveLinesApp.class, options)) {
            app.awaitOutput("Saving the lines");
            for (int file = 1; file <= 10; file++) {
                sent.addAll(drop(inbox, dir, "after " + file));
            }
            awaitSaved(spark, saved, count -> count >= sent.size());
            app.terminate();
            app.awaitExit();
        }

        assertEquals(SaveLinesAppTest.sorted(sent), SaveLinesAppTest.sorted(ShowSavedLines.read(spark, saved).collectAsList()));

        // Part 2, as exec:java@show-saved runs it: the table, and an ordinary end without a stack trace.
        try (AppProcess show = AppProcess.start(ShowSavedLines.class, "--output", saved.toString())) {
            assertEquals(0, show.awaitExit(), show::output);
            assertTrue(show.output().contains(sent.size() + " lines saved in " + saved), show::output);
            assertTrue(show.output().contains("|" + sent.get(0)), show::output);
            assertFalse(show.output().contains("Exception"), show::output);
            assertFalse(show.output().contains(" WARN "), show::output);
        }
    }

    /** Writes a file of 50 lines beside the inbox, then moves it in whole, as scripts/drop-sample.sh does. */
    private static List<String> drop(Path inbox, Path dir, String name) throws Exception {
        List<String> lines = SaveLinesAppTest.lines(name, 50);
        Path piece = Files.write(dir.resolve(name.replace(' ', '-') + ".txt"), lines);
        Files.move(piece, inbox.resolve(piece.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        return lines;
    }

    private static void awaitSaved(SparkSession spark, Path saved, java.util.function.LongPredicate enough) throws Exception {
        long deadline = System.nanoTime() + RowCollector.TIMEOUT.toNanos();
        long count = 0;
        while (!(Files.isDirectory(saved.resolve("_spark_metadata")) && enough.test(count = ShowSavedLines.read(spark, saved).count()))) {
            assertTrue(System.nanoTime() < deadline, "saved lines: " + count + " after " + RowCollector.TIMEOUT);
            Thread.sleep(200);
        }
    }
}
