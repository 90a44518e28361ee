package org.example.iot.sensors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.example.iot.sensors.support.AlertsDatabase;

import org.example.iot.sensors.testkit.Lines;
import org.example.iot.sensors.testkit.SparkTestSession;
import org.example.iot.sensors.testkit.TestStream;

/**
 * Lesson 6's parsing, alert rule and MERGE on static tables: the alerts expected of a few payments,
 * saved once; then the rule on a stream fed batch by batch, where the watermark decides when a
 * window is final and which payment comes too late.
 */
@ExtendWith(SparkTestSession.class)
class FraudAlertsAppTest {

    @Test
    void threeDeclinedPaymentsOrAHighTotalWithinFiveMinutesRaiseAnAlert(SparkSession spark) {
        Dataset<Row> payments = FraudAlertsApp.parse(lines(spark,
                // card-1: three declined within 09:00-09:05: an alert.
                "2026-01-15T09:01:00,tx-1,card-1,online-store,1.00,EUR,declined",
                "2026-01-15T09:01:20,tx-2,card-1,online-store,2.00,EUR,declined",
                "2026-01-15T09:04:59,tx-3,card-1,railway,3.00,EUR,declined",
                // card-2: three declined, but across two windows: none.
                "2026-01-15T09:03:00,tx-4,card-2,cinema,10.00,EUR,declined",
                "2026-01-15T09:04:00,tx-5,card-2,cinema,10.00,EUR,declined",
                "2026-01-15T09:05:00,tx-6,card-2,cinema,10.00,EUR,declined",
                // card-3: 1000.00 approved is not above the limit; 1000.01 is.
                "2026-01-15T09:02:00,tx-7,card-3,grocery,999.99,EUR,approved",
                "2026-01-15T09:02:30,tx-8,card-3,grocery,0.01,EUR,approved",
                "2026-01-15T09:06:00,tx-9,card-3,grocery,1000.00,EUR,approved",
                "2026-01-15T09:07:00,tx-10,card-3,bakery,0.01,EUR,approved",
                // card-4: a declined 5000 counts as declined, not in the total.
                "2026-01-15T09:06:00,tx-11,card-4,jeweller,5000.00,EUR,declined"));

        List<Row> alerts = readable(FraudAlertsApp.alerts(payments.where(col("problem").isNull())))
                .orderBy("card", "window_start").collectAsList();

        assertEquals(List.of(
                RowFactory.create("card-1", "09:00", "09:05", "declined payments", 3L, "0.00", 3L),
                RowFactory.create("card-3", "09:05", "09:10", "high total", 0L, "1000.01", 2L)), alerts);
    }

    @Test
    void aLineThatIsNotAPaymentIsMarkedWithItsProblem(SparkSession spark) {
        List<Row> problems = FraudAlertsApp.parse(lines(spark,
                "2026-01-15T09:12:20,tx-100300,card-1008,bakery,12.5O,EUR,approved",
                "2026-01-15T09:12:24,tx-100301,card-1011,grocery,,EUR,approved",
                "2026-01-15T09:12:27,tx-100302,card-1002,railway,8.40,EUR",
                "15/01/2026 09:12:31,tx-100303,card-1019,cinema,11.00,EUR,approved",
                "2026-01-15T09:12:33,tx-100304,,cinema,11.00,EUR,approved",
                "2026-01-15T09:12:35,tx-100305,card-1019,cinema,11.00,EUR,refunded",
                "2026-01-15T09:12:37,tx-100306,card-1019,cinema,11.00,EUR,approved"))
                .select("problem").collectAsList();

        assertEquals(List.of(
                RowFactory.create("amount is missing or not a number like 12.50"),
                RowFactory.create("amount is missing or not a number like 12.50"),
                RowFactory.create("7 fields expected, found 6"),
                RowFactory.create("time is not like 2026-01-15T09:00:03"),
                RowFactory.create("a field is empty"),
                RowFactory.create("status is neither approved nor declined"),
                RowFactory.create((Object) null)), problems);
    }

    @Test
    void theMergeRunTwiceOnOneBatchLeavesOneRowPerAlert(SparkSession spark, @TempDir Path dir) throws Exception {
        Dataset<Row> batch = FraudAlertsApp.alerts(FraudAlertsApp.parse(lines(spark,
                "2026-01-15T09:01:00,tx-1,card-1,online-store,1.00,EUR,declined",
                "2026-01-15T09:01:20,tx-2,card-1,online-store,2.00,EUR,declined",
                "2026-01-15T09:04:59,tx-3,card-1,railway,3.00,EUR,declined")));

        try (AlertsDatabase database = AlertsDatabase.openOrFail(dir.resolve("alerts"), FraudAlertsApp.TABLES)) {
            // As a restart runs again the batch a crash cut short: the same alerts, saved twice.
            FraudAlertsApp.saveAlerts(batch, 7, database);
            FraudAlertsApp.saveAlerts(batch, 7, database);

            assertEquals(List.of("card | window_start | window_end | reason | declined | approved_total | payments",
                    "card-1 | 2026-01-15 09:00:00 | 2026-01-15 09:05:00 | declined payments | 3 | 0.00 | 3"),
                    ShowAlerts.query(database, ShowAlerts.ALERTS));
        }
    }

    @Test
    void aWindowsAlertIsWrittenOnceInTheBatchWhereTheWatermarkPassesItsEnd(SparkSession spark) throws Exception {
        try (TestStream<String> payments = TestStream.ofLines(spark, FraudAlertsAppTest::alertsAsTheAppComputesThem, "append")) {
            // card-1: three declined within 09:00-09:05, an alert; but a later payment may still come.
            assertEquals(List.of(), payments.add(
                    "2026-01-15T09:01:00,tx-1,card-1,online-store,1.00,EUR,declined",
                    "2026-01-15T09:01:20,tx-2,card-1,online-store,2.00,EUR,declined",
                    "2026-01-15T09:04:59,tx-3,card-1,railway,3.00,EUR,declined").runBatch());
            // Past the window's end, but the watermark (the newest time less a minute) is at 09:04:30: not yet.
            assertEquals(List.of(), payments.add("2026-01-15T09:05:30,tx-4,card-2,cinema,10.00,EUR,approved").runBatch());
            // The watermark at 09:05:01 passes 09:05: the window is final, its alert written.
            assertEquals(List.of(RowFactory.create("card-1", "09:00", "09:05", "declined payments", 3L, "0.00", 3L)),
                    payments.add("2026-01-15T09:06:01,tx-5,card-2,cinema,10.00,EUR,approved").runBatch());
            // Never again: later batches write other windows, not this one.
            assertEquals(List.of(), payments.add("2026-01-15T09:20:00,tx-6,card-2,cinema,10.00,EUR,approved").runBatch());
        }
    }

    @Test
    void aPaymentLaterThanTheWatermarkAllowsIsDroppedAndChangesNoAlert(SparkSession spark) throws Exception {
        try (TestStream<String> payments = TestStream.ofLines(spark, FraudAlertsAppTest::alertsAsTheAppComputesThem, "append")) {
            // The watermark moves to 09:06: the window 09:00-09:05 is closed.
            assertEquals(List.of(), payments.add("2026-01-15T09:07:00,tx-1,card-2,cinema,10.00,EUR,approved").runBatch());
            // 2000.00 approved would raise an alert for card-3 in 09:00-09:05, but it comes too late.
            assertEquals(List.of(), payments.add("2026-01-15T09:02:00,tx-2,card-3,jeweller,2000.00,EUR,approved").runBatch());
            // Time moves on and closes every window: no alert for card-3, the payment was dropped, not kept.
            assertEquals(List.of(), payments.add("2026-01-15T09:30:00,tx-3,card-2,cinema,10.00,EUR,approved").runBatch());
        }
    }

    /** As main computes the alerts of the topic's lines: the good lines parsed, the rule applied. */
    static Dataset<Row> alertsAsTheAppComputesThem(Dataset<Row> values) {
        Dataset<Row> parsed = FraudAlertsApp.parse(asTheTopicGivesThem(values));
        return readable(FraudAlertsApp.alerts(parsed.where(col("problem").isNull())));
    }

    /** Lines as the topic gives them: the text, and where it sits in the topic. */
    static Dataset<Row> lines(SparkSession spark, String... lines) {
        return asTheTopicGivesThem(Lines.table(spark, lines));
    }

    /** The lines' text in {@code value}, and {@code source}, where a line sits in the topic, as main reads them. */
    static Dataset<Row> asTheTopicGivesThem(Dataset<Row> values) {
        return values.withColumn("source", lit("payments/0/0"));
    }

    /** The alerts' columns as text and numbers to compare: the window as hours and minutes, the total as text. */
    static Dataset<Row> readable(Dataset<Row> alerts) {
        return alerts.select(col("card"), date_format(col("window_start"), "HH:mm"), date_format(col("window_end"), "HH:mm"),
                col("reason"), col("declined"), col("approved_total").cast("string"), col("payments"));
    }
}
