package io.github.sparkstarter.samples.socket_course;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.sparkstarter.samples.socket_course.testkit.SparkTestSession;
import io.github.sparkstarter.samples.socket_course.testkit.TestStream;

/**
 * Lesson 7's rule on a stream fed batch by batch: a cash-out within 5 minutes of a test alerts,
 * one a second later does not; the state carries a test from one batch to the next; the timer
 * forgets a card once the watermark passes its minutes; a payment delivered twice counts once.
 * (SequenceAlertsAppIT kills the app and starts it again: the state survives.)
 */
@ExtendWith(SparkTestSession.class)
class SequenceAlertsAppTest {

    private static final String STATE_STORE = "spark.sql.streaming.stateStore.providerClass";

    private SparkSession spark;

    /** The store the app runs on (its main sets it), for this class's queries only. */
    @BeforeEach
    void onRocksDb(SparkSession spark) {
        this.spark = spark;
        spark.conf().set(STATE_STORE, RocksDBStateStoreProvider.class.getName());
    }

    @AfterEach
    void onDefaultStore() {
        spark.conf().unset(STATE_STORE);
    }

    @Test
    void aCashOutWithinFiveMinutesOfATestAlertsAndOneASecondLaterDoesNot() throws Exception {
        try (TestStream<String> payments = TestStream.ofLines(spark, SequenceAlertsAppTest::alertsAsTheAppComputesThem, "append")) {
            // Two cards tested: no alert yet, each card's test kept in the state.
            assertEquals(List.of(), payments.add(
                    "2026-01-15T09:00:00,tx-1,card-1,online-store,1.00,EUR,approved",
                    "2026-01-15T09:00:00,tx-2,card-2,online-store,1.99,EUR,approved").runBatch());
            // In the next batch: card-1 cashes out at 5 minutes to the second, card-2 a second later.
            assertEquals(List.of(RowFactory.create("card-1", "09:00:00", "tx-1", "09:05:00", "tx-3", "450.00")), payments.add(
                    "2026-01-15T09:05:00,tx-3,card-1,jeweller,450.00,EUR,approved",
                    "2026-01-15T09:05:01,tx-4,card-2,jeweller,450.00,EUR,approved").runBatch());
        }
    }

    @Test
    void aNewerTestArmsTheCardAgainAndEachCashOutWithinItsMinutesAlerts() throws Exception {
        try (TestStream<String> payments = TestStream.ofLines(spark, SequenceAlertsAppTest::alertsAsTheAppComputesThem, "append")) {
            // Out of order within the batch: the rule reads a card's payments in time order.
            assertEquals(List.of(
                    RowFactory.create("card-1", "09:04:00", "tx-2", "09:08:00", "tx-3", "310.00"),
                    RowFactory.create("card-1", "09:04:00", "tx-2", "09:09:00", "tx-4", "2000.00")), sorted(payments.add(
                    "2026-01-15T09:09:00,tx-4,card-1,jeweller,2000.00,EUR,approved",
                    "2026-01-15T09:04:00,tx-2,card-1,online-store,0.50,EUR,approved",
                    "2026-01-15T09:00:00,tx-1,card-1,online-store,1.00,EUR,approved",
                    "2026-01-15T09:08:00,tx-3,card-1,jeweller,310.00,EUR,approved").runBatch()));
        }
    }

    @Test
    void aDeclinedTestATestOfTwoEurosOrACashOutOfThreeHundredRaisesNothing() throws Exception {
        try (TestStream<String> payments = TestStream.ofLines(spark, SequenceAlertsAppTest::alertsAsTheAppComputesThem, "append")) {
            assertEquals(List.of(), payments.add(
                    "2026-01-15T09:00:00,tx-1,card-1,online-store,1.00,EUR,declined",
                    "2026-01-15T09:01:00,tx-2,card-1,jeweller,900.00,EUR,approved",
                    "2026-01-15T09:00:00,tx-3,card-2,online-store,2.00,EUR,approved",
                    "2026-01-15T09:01:00,tx-4,card-2,jeweller,900.00,EUR,approved",
                    "2026-01-15T09:00:00,tx-5,card-3,online-store,1.00,EUR,approved",
                    "2026-01-15T09:01:00,tx-6,card-3,jeweller,300.00,EUR,approved",
                    "2026-01-15T09:01:30,tx-7,card-3,jeweller,500.00,EUR,declined").runBatch());
        }
    }

    @Test
    void theTimerForgetsACardOnceTheWatermarkPassesItsFiveMinutes() throws Exception {
        try (TestStream<String> payments = TestStream.ofLines(spark, SequenceAlertsAppTest::alertsAsTheAppComputesThem, "append")) {
            payments.add("2026-01-15T09:00:00,tx-1,card-1,online-store,1.00,EUR,approved").runBatch();
            assertEquals(1, armedCards(payments), "card-1 armed");
            // Another card at 09:06:00 moves the watermark (a minute behind) to 09:05:00: not past yet.
            payments.add("2026-01-15T09:06:00,tx-2,card-2,bakery,3.00,EUR,approved").runBatch();
            assertEquals(1, armedCards(payments), "card-1 still armed at 09:05:00");
            // At 09:06:01 it passes 09:05:00: the timer fires, and card-1's state is deleted.
            payments.add("2026-01-15T09:06:01,tx-3,card-2,bakery,3.00,EUR,approved").runBatch();
            assertEquals(0, armedCards(payments), "card-1 forgotten");
        }
    }

    @Test
    void aPaymentDeliveredTwiceCountsOnceInOneBatchOrInTwo() throws Exception {
        String test = "2026-01-15T09:00:00,tx-1,card-1,online-store,1.00,EUR,approved";
        String cashOut = "2026-01-15T09:02:00,tx-2,card-1,jeweller,450.00,EUR,approved";
        try (TestStream<String> payments = TestStream.ofLines(spark, SequenceAlertsAppTest::alertsAsTheAppComputesThem, "append")) {
            assertEquals(List.of(RowFactory.create("card-1", "09:00:00", "tx-1", "09:02:00", "tx-2", "450.00")),
                    payments.add(test, cashOut, cashOut).runBatch());
            // Sent again by a producer that retried: card-1 is still armed, but the copy is dropped.
            assertEquals(List.of(), payments.add(cashOut).runBatch());
        }
    }

    /** As main computes the alerts of the topic's lines, made readable: times as hours, amounts as text. */
    static Dataset<Row> alertsAsTheAppComputesThem(Dataset<Row> values) {
        Dataset<Row> parsed = FraudAlertsApp.parse(FraudAlertsAppTest.asTheTopicGivesThem(values));
        return SequenceAlertsApp.sequenceAlerts(parsed.where(col("problem").isNull())).select(col("card"),
                date_format(col("test_time"), "HH:mm:ss"), col("test_transaction"), date_format(col("cash_out_time"), "HH:mm:ss"),
                col("cash_out_transaction"), col("cash_out_amount").cast("string"));
    }

    /** The cards in the rule's state after the last batch, from the query's progress. */
    private static long armedCards(TestStream<String> payments) {
        for (StateOperatorProgress operator : payments.lastProgress().stateOperators()) {
            if (!operator.operatorName().startsWith("dedupe")) {
                return operator.numRowsTotal();
            }
        }
        throw new AssertionError("no state operator but the deduplication in " + payments.lastProgress().json());
    }

    private static List<Row> sorted(List<Row> alerts) {
        return alerts.stream().sorted((a, b) -> a.getString(3).compareTo(b.getString(3))).toList();
    }
}
