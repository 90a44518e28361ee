package org.example.iot.sensors.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Runs a streaming Dataset and hands its rows to the test as they come out of each micro-batch,
 * so a test can wait for exactly the rows it expects, with a time limit.
 */
public final class RowCollector implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final LinkedBlockingQueue<Row> rows = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<List<Row>> batches = new LinkedBlockingQueue<>();
    private final StreamingQuery query;

    /** Starts the query; outputMode "append", "complete" or "update", as the lesson writes it. */
    public RowCollector(Dataset<Row> stream, String outputMode, Trigger trigger) throws TimeoutException {
        VoidFunction2<Dataset<Row>, Long> collect = (batch, batchId) -> {
            List<Row> batchRows = batch.collectAsList();
            rows.addAll(batchRows);
            batches.add(batchRows);
        };
        query = stream.writeStream().outputMode(outputMode).trigger(trigger).foreachBatch(collect).start();
    }

    public RowCollector(Dataset<Row> stream, String outputMode) throws TimeoutException {
        this(stream, outputMode, Trigger.ProcessingTime(0));
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

    /**
     * Waits for a batch that meets the condition, such as the table of counts you expect after
     * the lines you sent; fails if the query dies or no such batch comes in time.
     */
    public List<Row> awaitBatch(Predicate<List<Row>> condition) throws InterruptedException {
        List<List<Row>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            if (query.exception().isDefined()) {
                throw new AssertionError("the query failed", query.exception().get());
            }
            List<Row> batch = batches.poll(Math.min(500_000_000L, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (batch != null && condition.test(batch)) {
                return batch;
            }
            if (batch != null) {
                seen.add(batch);
            } else if (System.nanoTime() >= deadline) {
                throw new AssertionError("no batch as expected within " + TIMEOUT + "; batches seen: " + seen);
            }
        }
    }

    /** The first column of the next {@code count} rows, as strings. */
    public List<String> awaitValues(int count) throws InterruptedException {
        return await(count).stream().map(row -> String.valueOf(row.get(0))).toList();
    }

    @Override
    public void close() throws TimeoutException {
        query.stop();
    }
}
