package io.github.sparkstarter.samples.socket_course;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider;
import org.apache.spark.sql.streaming.GroupState;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.StructType;

import io.github.sparkstarter.samples.socket_course.support.Preflight;
import io.github.sparkstarter.samples.socket_course.support.ProcessId;
import io.github.sparkstarter.samples.socket_course.settings.SequenceSettings;
import io.github.sparkstarter.samples.socket_course.support.SessionDefaults;
import io.github.sparkstarter.samples.socket_course.support.StreamEnd;

/**
 * Lesson 7, state of your own: a fraud pattern in sequence. A thief who holds a stolen card number
 * first tests it with a tiny payment; if it is approved, a large one follows within minutes. Per
 * card, an approved payment under {@link #TEST_LIMIT} EUR, then within {@link #WITHIN} of event
 * time an approved one over {@link #CASH_OUT_LIMIT} EUR, raises an alert. No window says "A, then
 * B, within 5 minutes": the program keeps, per card, the state it needs, and a timer forgets it.
 *
 * <p>Concepts, in the order {@code main} reads: a state store that keeps state on disk, RocksDB
 * (concept 1); the payments of lesson 6's topic, typed by lesson 6's {@code parse}, the lines that
 * do not fit saved apart (concept 2); a payment delivered twice counted once, however far apart the
 * copies come within the watermark (concept 3); the payments grouped by card, each card's handed to
 * our code with its state (concept 4); the state, the card's test payment (concept 5); the rule, in
 * plain Java (concept 6); a timer in event time that forgets the test payment when its minutes are
 * over (concept 7); alerts saved to files exactly once, the state in the checkpoint (concept 8).
 * {@link ShowSequences} prints the alerts.
 *
 * <p>Run it as the README's lesson 7 says: the broker and the topic of lesson 6, then
 * {@code mvn -q compile exec:java@sequences}. Other settings: {@value SequenceSettings#USAGE}.
 */
public final class SequenceAlertsApp {

    /** An approved payment below this many EUR tests a card. */
    public static final BigDecimal TEST_LIMIT = new BigDecimal("2.00");

    /** An approved payment above this many EUR, after a test, cashes out. */
    public static final BigDecimal CASH_OUT_LIMIT = new BigDecimal("300.00");

    /** How long after its test payment a card stays armed, in the payments' own time. */
    public static final Duration WITHIN = Duration.ofMinutes(5);

    /** The columns of a payment the rule reads, and of the state it keeps: the card's test payment. */
    public static final StructType PAYMENT = StructType.fromDDL("time TIMESTAMP, transaction STRING, card STRING, amount DECIMAL(12,2), status STRING");

    /** One alert: the card, its test payment, and the payment that cashed out. */
    public static final StructType ALERT = StructType.fromDDL("card STRING, test_time TIMESTAMP, test_transaction STRING,"
            + " test_amount DECIMAL(12,2), cash_out_time TIMESTAMP, cash_out_transaction STRING, cash_out_amount DECIMAL(12,2)");

    public static void main(String[] args) throws Exception {
        Preflight.checkOrExit();
        ProcessId.print();
        SequenceSettings settings = SequenceSettings.fromCommandLineOrExit(args);
        // Before Spark starts, each a line and an exit status: no broker; a checkpoint of another
        // query. A missing topic is created, empty, as lesson 6 does.
        settings.createTopicOrExit();
        settings.lockCheckpointOrExit();
        SparkSession spark = SparkSession.builder()
                .appName("Lesson 7: sequence alerts")
                .config(SessionDefaults.forThisMachine())
                .config("spark.sql.session.timeZone", "UTC")
                // Concept 1: the state in RocksDB, on local disk and off the JVM's heap, copied into the
                // checkpoint with each batch.
                // (flatMapGroupsWithState runs on either store; Spark 4's transformWithState needs this one.)
                .config("spark.sql.streaming.stateStore.providerClass", RocksDBStateStoreProvider.class.getName())
                .getOrCreate();

        // Concept 2: the topic read, and each line typed, as lesson 6 does; a line that does not fit is saved apart.
        Dataset<Row> parsed = FraudAlertsApp.parse(FraudAlertsApp.readPayments(spark, settings.bootstrapServers(), settings.topic()));
        save(parsed.where(col("problem").isNotNull()).select("source", "line", "problem"), "rejected", settings);
        StreamingQuery alerts = save(sequenceAlerts(parsed.where(col("problem").isNull())), "alerts", settings);
        System.out.println("Waiting for payments on topic '" + settings.topic() + "' at " + settings.bootstrapServers()
                + "; alerts go to " + settings.output("alerts") + " (show them: mvn -q compile exec:java@show-sequences)."
                + " Ctrl-C stops; start again to go on where it stopped, each card's state kept.");
        StreamEnd.awaitAnyQueryThenExit(alerts, settings::brokerGone);
    }

    /** The rule on typed payments: one row of {@link #ALERT} per cash-out that follows a test in time. */
    public static Dataset<Row> sequenceAlerts(Dataset<Row> payments) {
        Dataset<Row> once = payments.select("time", "transaction", "card", "amount", "status")
                // The watermark says how late a payment may come: its state is kept that long, no longer.
                .withWatermark("time", "1 minute")
                // Concept 3: a payment sent again (a producer's retry: the same transaction id) is dropped.
                .dropDuplicatesWithinWatermark("transaction");
        // Concept 4: each card's payments, with its state, to our code: one call per card and batch.
        MapFunction<Row, String> card = payment -> payment.getString(2);
        return once.groupByKey(card, Encoders.STRING()).flatMapGroupsWithState(SequenceAlertsApp::followCard, OutputMode.Append(),
                Encoders.row(PAYMENT), Encoders.row(ALERT), GroupStateTimeout.EventTimeTimeout());
    }

    /**
     * Spark calls this per card and batch with the card's new payments and its state, or with none
     * and the state timed out. (Spark 4 has a richer API for this, transformWithState: several
     * states per key, timers of their own, a time to live.)
     */
    static Iterator<Row> followCard(String card, Iterator<Row> payments, GroupState<Row> armed) {
        if (!armed.hasTimedOut()) {
            // Concept 5: the card's test payment, if a test armed it; kept in the state store between batches.
            Followed after = follow(card, armed.exists() ? armed.get() : null, payments);
            if (after.armed() != null) {
                armed.update(after.armed());
                // Concept 7: a timeout in event time, at the test's end: Spark calls once more when the watermark passes it.
                armed.setTimeoutTimestamp(forgetAt(after.armed()));
            }
            return after.alerts().iterator();
        }
        // Concept 7, that call: the test is over, the card forgotten.
        armed.remove();
        return List.<Row>of().iterator();
    }

    /** A card's test payment after a batch (null: not armed) and the alerts the batch raised. */
    record Followed(Row armed, List<Row> alerts) {
    }

    /**
     * Concept 6: the rule for one card, in plain Java: its payments of a batch in time order, after
     * the test payment that armed it (null: none). A newer test arms the card again; each cash-out
     * within {@link #WITHIN} of the test is an alert.
     */
    static Followed follow(String card, Row armed, Iterator<Row> payments) {
        List<Row> inTimeOrder = new ArrayList<>();
        payments.forEachRemaining(inTimeOrder::add);
        inTimeOrder.sort(Comparator.comparing(payment -> payment.getTimestamp(0)));
        List<Row> alerts = new ArrayList<>();
        for (Row payment : inTimeOrder) {
            BigDecimal amount = payment.getDecimal(3);
            if (!payment.getString(4).equals("approved")) {
                continue;
            }
            if (amount.compareTo(TEST_LIMIT) < 0) {
                armed = payment;
            } else if (amount.compareTo(CASH_OUT_LIMIT) > 0 && armed != null && withinTest(armed, payment.getTimestamp(0))) {
                alerts.add(RowFactory.create(card, armed.getTimestamp(0), armed.getString(1), armed.getDecimal(3),
                        payment.getTimestamp(0), payment.getString(1), amount));
            }
        }
        return new Followed(armed, alerts);
    }

    /** Whether time is at or after the test's and at most {@link #WITHIN} later: the timer may not have fired yet. */
    private static boolean withinTest(Row test, Timestamp time) {
        Timestamp start = test.getTimestamp(0);
        return !time.before(start) && !time.after(new Timestamp(start.getTime() + WITHIN.toMillis()));
    }

    /** The event time at which a test is over: the first millisecond after its minutes. */
    static long forgetAt(Row test) {
        return test.getTimestamp(0).getTime() + WITHIN.toMillis() + 1;
    }

    /** Starts the query saving rows to JSON files under output/name, its checkpoint under checkpoint/name. */
    static StreamingQuery save(Dataset<Row> rows, String name, SequenceSettings settings) throws TimeoutException {
        // Concept 8: the file sink lists a batch's files only once the batch is done, and the
        // checkpoint keeps each card's state with the offsets: killed and started again, the app
        // goes on with the cards armed before.
        return rows.writeStream().queryName("sequence-" + name).outputMode("append").format("json")
                .option("path", settings.output(name).toString())
                .option("checkpointLocation", settings.checkpoint(name).toString())
                .start();
    }
}
