package bench.probe;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

import bench.ours.SequenceAlertsApp;
import bench.ours.support.SessionDefaults;

/**
 * What lesson 7's state costs as it grows: its rule ({@link SequenceAlertsApp#sequenceAlerts}, as
 * it is) on payments that arm a given number of cards, with a given state store. Arguments:
 * {@code STORE CARDS ROWS_PER_BATCH BATCHES DIR}, STORE {@code default} (Spark's HDFS-backed store,
 * what a session gets without the setting) or {@code rocksdb} (what the lesson sets).
 *
 * <p>The payments are CSV files written under DIR/input before the query starts, read one file a
 * batch: file 0 arms every card (one test payment under 2 EUR each, so each card holds state),
 * then 2 + BATCHES files of ROWS_PER_BATCH test payments each, to cards spread over all of them (each
 * re-arms its card: a state update, and on Spark 4 its timer moved). Files rather than a stream
 * of our own, because the file source is public and the same on Spark 3.5 and 4, and a file is
 * exactly one batch. Every payment's time lies within the first minute after a fixed instant, so
 * the watermark (latest time less 1 minute) stays before them all: no timer fires and no
 * duplicate-check entry is dropped while it runs, and the state only grows.
 *
 * <p>After the last batch it prints one line (ProbeLines.stateCost): the median batch duration
 * (triggerExecution) of the last BATCHES, after the arming one and 2 more (warm-up); the
 * state operators' memoryUsedBytes as Spark reports them after the last batch; the JVM's heap used
 * after a full GC; the process's resident set (VmRSS).
 */
public final class StateCost {

    /** The payments' times start here; all of them lie within the next minute. */
    private static final Instant FIRST_PAYMENT = Instant.parse("2026-01-01T00:00:00Z");
    /** Batches after the arming one left out of the median: the first runs of their code paths. */
    private static final int WARM_UP_BATCHES = 2;

    public static void main(String[] args) throws Exception {
        if (args.length != 5 || !(args[0].equals("default") || args[0].equals("rocksdb"))) {
            System.err.println("usage: StateCost default|rocksdb CARDS ROWS_PER_BATCH BATCHES DIR");
            System.exit(2);
        }
        String store = args[0];
        int cards = Integer.parseInt(args[1]);
        int rowsPerBatch = Integer.parseInt(args[2]);
        int batches = Integer.parseInt(args[3]);
        Path dir = Path.of(args[4]);
        // The batches are read back from recentProgress, which keeps Spark's last 100 reports.
        if (batches < 1 || 1 + WARM_UP_BATCHES + batches > 100) {
            System.err.println("BATCHES: 1 to " + (100 - 1 - WARM_UP_BATCHES));
            System.exit(2);
        }
        Path input = dir.resolve("input");
        writePayments(input, cards, rowsPerBatch, WARM_UP_BATCHES + batches);

        SparkSession.Builder builder = SparkSession.builder()
                .appName("StateCost " + store + " " + cards)
                .config(SessionDefaults.forThisMachine())
                .config("spark.sql.session.timeZone", "UTC");
        if (store.equals("rocksdb")) {
            // The lesson's setting, by name: the class moved neither on 3.5 nor on 4.
            builder.config("spark.sql.streaming.stateStore.providerClass",
                    "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider");
        }
        SparkSession spark = builder.getOrCreate();

        Dataset<Row> payments = spark.readStream()
                .schema(SequenceAlertsApp.PAYMENT)
                .option("maxFilesPerTrigger", 1)
                .csv(input.toString());
        StreamingQuery query = SequenceAlertsApp.sequenceAlerts(payments).writeStream()
                .queryName("state-cost")
                .outputMode("append")
                .format("noop")
                .option("checkpointLocation", dir.resolve("checkpoint").toString())
                .start();
        query.processAllAvailable();

        List<StreamingQueryProgress> withRows = new ArrayList<>();
        for (StreamingQueryProgress p : query.recentProgress()) {
            if (p.numInputRows() > 0) {
                withRows.add(p);
            }
        }
        if (withRows.size() != 1 + WARM_UP_BATCHES + batches) {
            throw new IllegalStateException("expected " + (1 + WARM_UP_BATCHES + batches) + " batches with rows, got " + withRows.size());
        }
        List<Long> steady = new ArrayList<>();
        for (StreamingQueryProgress p : withRows.subList(1 + WARM_UP_BATCHES, withRows.size())) {
            steady.add(p.durationMs().get("triggerExecution"));
        }
        steady.sort(null);
        StreamingQueryProgress last = withRows.get(withRows.size() - 1);
        long stateMemory = 0;
        long cardStateRows = -1;
        for (StateOperatorProgress operator : last.stateOperators()) {
            stateMemory += operator.memoryUsedBytes();
            // The duplicates' operator keeps a row per transaction; the other one a row per armed card.
            if (!operator.operatorName().toLowerCase().contains("dedup")) {
                cardStateRows = operator.numRowsTotal();
            }
        }
        // Measured with the query still running, so its state stores are still loaded.
        System.gc();
        System.gc();
        long heapAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println(ProbeLines.stateCost(store, cards, cardStateRows, withRows.get(0).durationMs().get("triggerExecution"),
                steady.get((steady.size() - 1) / 2), steady.size(), stateMemory, heapAfterGc, residentSetBytes()));
        query.stop();
        spark.stop();
    }

    /**
     * File 0: one test payment per card; files 1..batches: rowsPerBatch test payments each, batch b
     * going on through the cards where b - 1 stopped (wrapping), so every batch touches different
     * cards. The files' modification times are set in order: the file source reads oldest first.
     */
    static void writePayments(Path input, int cards, int rowsPerBatch, int batches) throws IOException {
        Files.createDirectories(input);
        Instant modified = Instant.now().minusSeconds(batches + 10);
        long armingSpanMs = 20_000;
        try (Writer out = Files.newBufferedWriter(input.resolve("payments-0000.csv"))) {
            for (int card = 0; card < cards; card++) {
                writeTest(out, FIRST_PAYMENT.plusMillis(card * armingSpanMs / cards), "arm-" + card, card);
            }
        }
        Files.setLastModifiedTime(input.resolve("payments-0000.csv"), FileTime.from(modified));
        long touched = 0;
        for (int b = 1; b <= batches; b++) {
            Path file = input.resolve(String.format("payments-%04d.csv", b));
            try (Writer out = Files.newBufferedWriter(file)) {
                for (int row = 0; row < rowsPerBatch; row++, touched++) {
                    // From 20 s on, 100 ms a batch: at most 50 s after the first payment for 300 batches.
                    writeTest(out, FIRST_PAYMENT.plusMillis(armingSpanMs + b * 100L), "touch-" + b + "-" + row, (int) (touched % cards));
                }
            }
            Files.setLastModifiedTime(file, FileTime.from(modified.plusSeconds(b)));
        }
    }

    /** An approved payment of 1.00 EUR (under the lesson's 2 EUR test limit): it arms the card. */
    private static void writeTest(Writer out, Instant time, String transaction, int card) throws IOException {
        out.write(time + "," + transaction + ",card-" + card + ",1.00,approved\n");
    }

    /** VmRSS of this process, in bytes: the heap and what lives outside it (RocksDB's memory, Spark's off-heap buffers). */
    static long residentSetBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }
}
