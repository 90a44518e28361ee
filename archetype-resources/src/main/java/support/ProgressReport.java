package ${package}.support;

import java.io.PrintStream;
import java.util.Locale;

import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * Prints one line after each micro-batch: which batch, how many rows came in, how fast, and how
 * long it took. Spark's own progress report is a page of JSON; this is the part a beginner needs.
 * On by default ({@link SessionDefaults}); {@code -Dstream.progress=false} turns it off.
 */
public final class ProgressReport extends StreamingQueryListener {

    private final PrintStream out;

    /** What Spark calls for the spark.sql.streaming.streamingQueryListeners setting. */
    public ProgressReport() {
        this(System.out);
    }

    public ProgressReport(PrintStream out) {
        this.out = out;
    }

    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty("stream.progress", "true"));
    }

    /** For example: "batch 3: 12 rows in, 4.0 rows/s, took 85 ms". */
    public static String describe(StreamingQueryProgress progress) {
        Long took = progress.durationMs().get("triggerExecution");
        double rate = progress.inputRowsPerSecond(); // NaN for the first batch: no time before it
        return String.format(Locale.ROOT, "batch %d: %d rows in, %.1f rows/s, took %d ms",
                progress.batchId(), progress.numInputRows(), Double.isNaN(rate) ? 0.0 : rate, took == null ? 0 : took);
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        out.println(describe(event.progress()));
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
    }
}
