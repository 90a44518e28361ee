package bench.probe;

import java.util.Map;
import java.util.TreeMap;

/**
 * The lines ProgressProbe (and StateCost) print, formatted here without Spark so that the
 * archetype's test (BenchProgressLineTest) can feed Bench's parser the probe's own output without
 * starting Spark.
 */
public final class ProbeLines {

    public static final String STARTED = "BENCH started";
    public static final String TERMINATED = "BENCH terminated";

    private ProbeLines() {
    }

    /** One batch: its id, the rows it read, its triggerExecution ms (-1 if Spark gave none) and, for the logs, where its time went. */
    public static String progress(long batchId, long numInputRows, Map<String, Long> durationMs) {
        return "BENCH progress batch=" + batchId + " rows=" + numInputRows
                + " triggerMs=" + durationMs.getOrDefault("triggerExecution", -1L)
                // Where a batch's time went (latestOffset, walCommit, addBatch, commitOffsets...), sorted by name.
                + " durations=" + new TreeMap<>(durationMs);
    }

    /**
     * StateCost's result: the store, the cards armed and the card state's rows after the last batch
     * (they should agree), the arming batch's ms, the median ms of the steady batches and how many,
     * the state operators' memoryUsedBytes, the heap used after GC and VmRSS, in bytes.
     */
    public static String stateCost(String store, long cards, long cardStateRows, long armingMs, long steadyMedianMs,
            int steadyBatches, long stateMemoryBytes, long heapAfterGcBytes, long rssBytes) {
        return "BENCH state store=" + store + " cards=" + cards + " cardStateRows=" + cardStateRows + " armingMs=" + armingMs
                + " steadyMedianMs=" + steadyMedianMs + " steadyBatches=" + steadyBatches + " stateMemoryBytes=" + stateMemoryBytes
                + " heapAfterGcBytes=" + heapAfterGcBytes + " rssBytes=" + rssBytes;
    }
}
