package org.example.iot.sensors.testkit;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.types.StructType;

import org.apache.spark.sql.execution.streaming.runtime.MemoryStream;

import scala.jdk.javaapi.CollectionConverters;

/**
 * A stream the test feeds by hand, batch by batch: the rows added, then one step of the query
 * run, then the rows its sink got in that step. Time moves only with the rows' own times, so a test
 * can show what a watermark does: a window written once, when final; a row that comes too late, dropped.
 *
 * <p>TransformationExampleTest shows the simplest use; WindowedCountAppTest and FraudAlertsAppTest
 * show watermarks at work.
 *
 * <p>The source is Spark's own MemoryStream, which its streaming tests use. It is internal to Spark
 * and moves between versions (Spark 4.1 moved it to the package ...streaming.runtime; the import
 * above was chosen for this project's Spark when it was generated), so it is wrapped here, once.
 */
public final class TestStream<T> implements AutoCloseable {

    private final MemoryStream<T> source;
    private final List<T> added = new ArrayList<>();
    private final List<Row> written = new ArrayList<>();
    private final StreamingQuery query;

    private TestStream(SparkSession spark, Encoder<T> encoder, Function<Dataset<Row>, Dataset<Row>> transformation, String outputMode)
            throws TimeoutException {
        source = MemoryStream.apply(encoder, spark.sqlContext());
        VoidFunction2<Dataset<Row>, Long> keepBatch = (batch, batchId) -> {
            List<Row> rows = batch.collectAsList();
            synchronized (written) {
                written.addAll(rows);
            }
        };
        query = transformation.apply(source.toDF()).writeStream().outputMode(outputMode).foreachBatch(keepBatch).start();
    }

    /**
     * A stream of lines: one column, {@code value}, as the socket source gives them; transformed by
     * the lesson's method and written in its output mode ("append", "update" or "complete").
     */
    public static TestStream<String> ofLines(SparkSession spark, Function<Dataset<Row>, Dataset<Row>> transformation, String outputMode)
            throws TimeoutException {
        return new TestStream<>(spark, Encoders.STRING(), transformation, outputMode);
    }

    /** A stream of rows with the columns of {@code schema}, such as {@code "value STRING, timestamp TIMESTAMP"}. */
    public static TestStream<Row> ofRows(SparkSession spark, String schema, Function<Dataset<Row>, Dataset<Row>> transformation,
            String outputMode) throws TimeoutException {
        return new TestStream<>(spark, Encoders.row(StructType.fromDDL(schema)), transformation, outputMode);
    }

    /** Rows for the next batch: the stream gets them all at once when {@link #runBatch} runs, so they form one batch. */
    @SafeVarargs
    public final TestStream<T> add(T... rows) {
        for (T row : rows) {
            added.add(row);
        }
        return this;
    }

    /**
     * Runs the micro-batch of the rows added since the last call (none, if none were added), and
     * returns the rows the sink got, in no set order: in "append" mode the rows that are final (of
     * a windowed count, the windows the watermark closed), in "update" the rows that changed, in
     * "complete" the whole table. When the batch moves the watermark, Spark runs at once a second,
     * empty batch that writes out the windows now final (a "no-data batch"), as it does in the
     * app; its rows are returned too. Fails the test if the query fails, or if the step takes
     * longer than {@link RowCollector#TIMEOUT}.
     */
    public List<Row> runBatch() {
        source.addData(CollectionConverters.asScala(added.iterator()));
        added.clear();
        assertTimeoutPreemptively(RowCollector.TIMEOUT, query::processAllAvailable, "the query did not process its rows");
        synchronized (written) {
            List<Row> rows = List.copyOf(written);
            written.clear();
            return rows;
        }
    }

    /** The progress of the last batch run, the empty one that closes windows or fires timers included: its state, for one. */
    public StreamingQueryProgress lastProgress() {
        return query.lastProgress();
    }

    @Override
    public void close() throws TimeoutException {
        query.stop();
    }
}
