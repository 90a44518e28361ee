package org.example.iot.sensors.support;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * Prints one line after each micro-batch: which batch, how many rows came in, how fast, and how
 * long it took. Spark's own progress report is a page of JSON; this is the part a beginner needs.
 * And one line when a query has read everything there is and waits for more, so that a learner
 * (or a test) knows when the stream has caught up. Added to every lesson's session by
 * {@link SessionDefaults}.
 */
public final class ProgressReport extends StreamingQueryListener {

    private final PrintStream out;

    /** The queries that said they wait, until a batch brings them rows again: one line per wait. */
    private final Set<UUID> waiting = ConcurrentHashMap.newKeySet();

    /** The names of the queries given one, which Spark tells only when a query starts. */
    private final Map<UUID, String> names = new ConcurrentHashMap<>();

    /** What Spark calls for the spark.sql.streaming.streamingQueryListeners setting. */
    public ProgressReport() {
        this(System.out);
    }

    public ProgressReport(PrintStream out) {
        this.out = out;
    }

    /**
     * For example: "batch 3: 12 rows, processed in 85 ms", or "batch 3 of fraud-alerts: ..." for a
     * query with a name. No rate: Spark's input rate divides by
     * the time since the previous batch, which for lines typed seconds apart says nothing.
     */
    public static String describe(StreamingQueryProgress progress) {
        Long took = progress.durationMs().get("triggerExecution");
        long rows = progress.numInputRows();
        // A query given a name (lesson 6 runs two) is named, so that its lines can be told apart.
        String query = progress.name() == null ? "" : " of " + progress.name();
        return String.format(Locale.ROOT, "batch %d%s: %d %s, processed in %d ms",
                progress.batchId(), query, rows, rows == 1 ? "row" : "rows", took == null ? 0 : took);
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        out.println(describe(event.progress()));
        if (event.progress().numInputRows() > 0) {
            waiting.remove(event.progress().id());
        }
    }

    /**
     * Spark calls this when a query found no new data for a while (3 s in the lessons,
     * spark.sql.streaming.noDataProgressEventInterval, which SessionDefaults sets), and again every while after: said once.
     */
    @Override
    public void onQueryIdle(QueryIdleEvent event) {
        if (waiting.add(event.id())) {
            // A query with a name (lessons 6 and 7 run two) is named: one may wait while the other works.
            String name = names.get(event.id());
            out.println("caught up" + (name == null ? "" : " (" + name + ")") + ": every row that came in is processed; waiting for more");
        }
    }

    /** Abstract in StreamingQueryListener (Spark 3.5 and 4): a start has no progress to report. */
    @Override
    public void onQueryStarted(QueryStartedEvent event) {
        if (event.name() != null) {
            names.put(event.id(), event.name());
        }
    }

    /** Abstract in StreamingQueryListener (Spark 3.5 and 4): how a query ended is StreamEnd's to say. */
    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
    }
}
