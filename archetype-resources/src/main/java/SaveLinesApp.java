package ${package};

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

import ${package}.settings.SaveSettings;
import ${package}.support.Preflight;
import ${package}.support.ProcessId;
import ${package}.support.SessionDefaults;
import ${package}.support.StreamEnd;

/**
 * Lesson 4, save the stream and lose nothing: the lines of text files dropped into a directory are
 * saved to files, and the app can be stopped at any moment, even killed, and started again without
 * losing a line or saving one twice.
 *
 * <p>Concepts: a replayable source, files in a directory: unlike a socket's lines, they are still
 * there after a crash, so Spark can read again what it had not finished (concept 1); a file sink,
 * which writes each batch as files of JSON lines, one object a line that any editor opens, and
 * lists them in its log only once the batch is complete (concept 2); a checkpoint, where Spark
 * records which files each batch read and which batches were saved (concept 3); the saved lines
 * read back as a batch, a table like any other: {@link ShowSavedLines} (concept 4).
 *
 * <p>Run it: {@code scripts/drop-sample.sh data/sensors.csv} drops that file into data/inbox, ten
 * lines a file, a file a second; {@code mvn -q compile exec:java@save-lines} saves them to
 * saved/lines. Stop it, or kill it ({@code kill -9}), start it again, then look:
 * {@code mvn -q compile exec:java@show-saved}. Arguments: {@code [--inbox DIR] [--output DIR]
 * [--checkpoint DIR]}, as in {@code -Dexec.args="--inbox data/other"}.
 */
public final class SaveLinesApp {

    public static void main(String[] args) throws Exception {
        Preflight.checkOrExit();
        SaveSettings settings = SaveSettings.fromCommandLineOrExit(args);
        // This run's checkpoint, locked until the process ends: a second run on it is refused.
        settings.lockCheckpointOrExit();
        ProcessId.print();
        SparkSession spark = SparkSession.builder()
                .appName("Lesson 4: save the stream")
                .config(SessionDefaults.forThisMachine())
                .getOrCreate();

        // Concept 1: every text file dropped into the inbox, one row per line, in a column "value".
        Dataset<Row> lines = spark.readStream().text(settings.inbox().toString());

        StreamingQuery query = save(lines, settings.output(), settings.checkpoint());
        System.out.println("Saving the lines of the files dropped into " + settings.inbox() + " to "
                + settings.output() + ". Ctrl-C stops; start again to go on where it stopped.");
        StreamEnd.awaitAnyQueryThenExit(query);
    }

    /** Starts saving the lines to JSON-lines files in output, with the query's progress in checkpoint. */
    public static StreamingQuery save(Dataset<Row> lines, Path output, Path checkpoint) throws TimeoutException {
        return lines.writeStream()
                // Concept 2: each batch becomes new files in the output directory.
                .format("json")
                .option("path", output.toString())
                // Concept 3: started again with the same checkpoint, the query goes on where it stopped.
                .option("checkpointLocation", checkpoint.toString())
                .start();
    }
}
