package bench.probe;

import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * Bench-only listener, added to any app without touching its code through the Spark setting
 * -Dspark.sql.streaming.streamingQueryListeners=bench.probe.ProgressProbe. It prints one
 * "BENCH ..." line per event to stdout (formatted by ProbeLines), where the bench reads the console
 * sink's output too.
 */
public final class ProgressProbe extends StreamingQueryListener {

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
        System.out.println(ProbeLines.STARTED);
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        StreamingQueryProgress p = event.progress();
        System.out.println(ProbeLines.progress(p.batchId(), p.numInputRows(), p.durationMs()));
    }

    @Override
    public void onQueryIdle(QueryIdleEvent event) {
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
        System.out.println(ProbeLines.TERMINATED);
    }
}
