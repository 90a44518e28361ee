package ${package};

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * Runs a streaming Dataset and hands its rows to the test as they come out of each micro-batch,
 * so a test can wait for exactly the rows it expects, with a time limit.
 */
public final class RowCollector implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final LinkedBlockingQueue<Row> rows = new LinkedBlockingQueue<>();
    private final StreamingQuery query;

    public RowCollector(Dataset<Row> stream, String outputMode) throws TimeoutException {
        VoidFunction2<Dataset<Row>, Long> collect = (batch, batchId) -> rows.addAll(batch.collectAsList());
        query = stream.writeStream().outputMode(outputMode).foreachBatch(collect).start();
    }

    /** Collects the rows of an append-mode stream, such as the lines of the socket. */
    public static RowCollector collect(Dataset<Row> stream) throws TimeoutException {
        return new RowCollector(stream, "append");
    }

    /** Waits for the next {@code count} rows; fails if the query dies or they do not come in time. */
    public List<Row> await(int count) throws InterruptedException {
        List<Row> received = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (received.size() < count) {
            if (query.exception().isDefined()) {
                throw new AssertionError("the query failed", query.exception().get());
            }
            Row row = rows.poll(Math.min(500_000_000L, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (row != null) {
                received.add(row);
            } else if (System.nanoTime() >= deadline) {
                throw new AssertionError("expected " + count + " rows within " + TIMEOUT + " but got " + received.size() + ": " + received);
            }
        }
        return received;
    }

    /** The first column of the next {@code count} rows, as strings. */
    public List<String> awaitValues(int count) throws InterruptedException {
        return await(count).stream().map(row -> String.valueOf(row.get(0))).toList();
    }

    public StreamingQuery query() {
        return query;
    }

    @Override
    public void close() throws TimeoutException {
        query.stop();
    }
}
