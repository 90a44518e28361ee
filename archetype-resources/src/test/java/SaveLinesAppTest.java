package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import ${package}.testkit.SparkTestSession;

/** Lesson 4's query on files already in the inbox: the saved lines are the lines of the files. */
@ExtendWith(SparkTestSession.class)
class SaveLinesAppTest {

    @Test
    void theSavedLinesAreTheLinesOfTheFiles(SparkSession spark, @TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        List<String> sent = new ArrayList<>();
        for (int file = 1; file <= 3; file++) {
            List<String> lines = lines("file " + file, 100);
            Files.write(inbox.resolve("part-" + file + ".txt"), lines);
            sent.addAll(lines);
        }
        sent.add("grüße, 你好");
        Files.write(inbox.resolve("part-4.txt"), List.of("grüße, 你好"));

        StreamingQuery query = SaveLinesApp.save(spark.readStream().text(inbox.toString()), dir.resolve("saved"), dir.resolve("checkpoint"));
        try {
            query.processAllAvailable();
        } finally {
            query.stop();
        }

        assertEquals(sorted(sent), sorted(ShowSavedLines.read(spark, dir.resolve("saved")).collectAsList()));
    }

    static List<String> lines(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + " line " + i).toList();
    }

    static List<String> sorted(List<?> linesOrRows) {
        return linesOrRows.stream().map(line -> line instanceof Row row ? row.getString(0) : (String) line).sorted().toList();
    }
}
