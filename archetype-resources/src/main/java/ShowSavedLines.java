package ${package};

import java.nio.file.Path;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import ${package}.settings.SaveSettings;
import ${package}.support.Preflight;
import ${package}.support.SessionDefaults;

/**
 * Lesson 4, part 2: the lines {@link SaveLinesApp} saved, read back as a batch and printed as a table.
 *
 * <p>Concept 4: the saved stream is a table like any other, read with {@code spark.read()}. Spark
 * reads only the files of batches its file sink completed (listed in {@code _spark_metadata}), so a
 * batch cut short by a crash, written again after the restart, counts once.
 *
 * <p>Run it: {@code mvn -q compile exec:java@show-saved}; another directory than saved/lines with
 * {@code -Dexec.args="--output DIR"}.
 */
public final class ShowSavedLines {

    public static void main(String[] args) {
        Preflight.checkOrExit();
        Path output = SaveSettings.savedLinesFromCommandLineOrExit(args);
        SparkSession spark = SparkSession.builder()
                .appName("Lesson 4: show the saved lines")
                .config(SessionDefaults.forThisMachine())
                .getOrCreate();

        Dataset<Row> saved = read(spark, output);
        System.out.println(saved.count() + " lines saved in " + output + ":");
        saved.show(Integer.MAX_VALUE, false);
        spark.stop();
    }

    /** The saved lines: one column, "value", as SaveLinesApp wrote them. */
    public static Dataset<Row> read(SparkSession spark, Path output) {
        // The schema is given, not guessed from the files: an empty output is then an empty table.
        return spark.read().schema("value STRING").json(output.toString());
    }
}
