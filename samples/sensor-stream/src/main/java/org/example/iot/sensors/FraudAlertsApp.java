package org.example.iot.sensors;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.window;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

import org.example.iot.sensors.support.AlertSettings;
import org.example.iot.sensors.support.AlertsDatabase;
import org.example.iot.sensors.support.SessionDefaults;
import org.example.iot.sensors.support.StreamEnd;

/**
 * Lesson 6, fraud alerts saved exactly once in a database: card payments arrive as lines of text,
 * become typed rows, and a card with too many declined payments, or too much spent, within five
 * minutes raises an alert, saved in an SQL database once however often the app is killed and
 * started again. Spark's web UI shows the stream live.
 *
 * <p>Concepts: Spark's web UI, whose Structured Streaming page charts each query live (concept 1);
 * a replayable source, files dropped into a directory, as in lesson 4 (concept 2); lines parsed
 * into typed columns with a schema, a line that does not fit it marked with its problem instead of
 * failing the stream (concept 3); the payment's own time as event time, with a watermark that says
 * how late a payment may come (concept 4); the alert rule, an aggregation per card and 5-minute
 * window, each window output once, when the watermark has passed it and it is final (concept 5);
 * {@code foreachBatch}, which hands each micro-batch to our code as a static table, saved over JDBC
 * with a MERGE on the alert's key (concept 6); a checkpoint per query, which makes Spark run again
 * the batch a crash cut short (concept 7); the rejected lines kept, counted and saved by a second
 * query on the same lines, so that none vanishes silently (concept 8).
 *
 * <p>Exactly once, and why a MERGE: Spark records a batch as done in the checkpoint only after
 * {@code foreachBatch} returns. Killed between the database's commit and that record, the app
 * runs the batch again when it starts, with the same files, and saves its alerts a second time.
 * A MERGE (an upsert) on the alert's key, the card and the window's start, makes that second save
 * write the same row over itself: the table holds each alert once. Recording the batch id in the
 * same transaction would work too, but only while a batch run again holds the same rows, which
 * Spark promises only for a deterministic query; the key is a fact of the alert itself, true
 * however the stream is cut into batches. A rejected line is keyed by its file and its text.
 *
 * <p>Run it: {@code mvn -q compile exec:java@alerts} in one terminal, then in another
 * {@code scripts/drop-sample.sh data/transactions.csv} and
 * {@code scripts/drop-sample.sh data/transactions-malformed.csv}. Two alerts come: card-1018,
 * declined three times between 09:00 and 09:05, and card-1001, 2013.66 EUR approved between 09:05
 * and 09:10; and four rejected lines. Watch it at http://localhost:4040/StreamingQuery/. Stop it
 * (Ctrl-C), then {@code mvn -q compile exec:java@show-alerts} prints the tables.
 */
public final class FraudAlertsApp {

    /** Declined payments of one card within a window that raise an alert: card testing. */
    public static final int DECLINED_LIMIT = 3;

    /** Approved payments of one card within a window, in EUR, above which an alert is raised. */
    public static final BigDecimal TOTAL_LIMIT = new BigDecimal("1000.00");

    public static void main(String[] args) throws Exception {
        AlertSettings settings = AlertSettings.fromCommandLine(args);
        // Before Spark starts: a database held by another process is one line, not a failed stream.
        AlertsDatabase database = AlertsDatabase.open(settings.database());
        SparkSession spark = SparkSession.builder()
                .appName("Lesson 6: fraud alerts")
                // Concept 1: the web UI on, for this machine only (SessionDefaults prints its address).
                .config(SessionDefaults.withWebUi())
                // The times in the file are UTC: read and shown as UTC, whatever this machine's zone.
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();

        // Concept 2: every line of every file dropped into the inbox, with the name of its file.
        Dataset<Row> lines = spark.readStream().text(settings.inbox().toString())
                .withColumn("file", regexp_extract(input_file_name(), "[^/]*$", 0));

        Dataset<Row> parsed = parse(lines);
        saveRejected(parsed.where(col("problem").isNotNull()), database, settings.checkpoint());
        StreamingQuery alerts = saveAlerts(alerts(parsed.where(col("problem").isNull())), database, settings.checkpoint());
        System.out.println("Watching the payments dropped into " + settings.inbox() + "; alerts and rejected lines go to "
                + settings.databaseFile() + ". Ctrl-C stops; start again to go on where it stopped.");
        // StreamEnd waits for both queries: when either ends (a failure of the rejected lines' query
        // too), it says why and stops Spark, and the other query with it. Ctrl-C stops the alerts'.
        StreamEnd.awaitTermination(alerts);
    }

    /**
     * The columns of a line of data/transactions.csv, typed, and {@code problem}: null for a good
     * line, else what is wrong with it.
     */
    public static Dataset<Row> parse(Dataset<Row> lines) {
        // Concept 3: the schema, applied by hand: seven fields, each cast to its type. try_cast and
        // try_element_at give null for what does not fit, where cast would fail the whole batch.
        Dataset<Row> fields = lines.withColumn("f", split(col("value"), ",", -1));
        Dataset<Row> typed = fields.select(
                col("value").as("line"),
                col("file"),
                expr("size(f)").as("fields"),
                expr("try_cast(trim(try_element_at(f, 1)) AS TIMESTAMP)").as("time"),
                field(2).as("transaction"),
                field(3).as("card"),
                field(4).as("merchant"),
                expr("try_cast(trim(try_element_at(f, 5)) AS DECIMAL(12, 2))").as("amount"),
                field(6).as("currency"),
                field(7).as("status"));
        Column problem = when(col("fields").notEqual(7), concat(lit("7 fields expected, found "), col("fields")))
                .when(col("time").isNull(), lit("time is not like 2026-01-15T09:00:03"))
                .when(col("transaction").isNull().or(col("card").isNull()).or(col("merchant").isNull())
                        .or(col("currency").isNull()), lit("a field is empty"))
                .when(col("amount").isNull(), lit("amount is missing or not a number like 12.50"))
                .when(col("status").isin("approved", "declined").equalTo(false), lit("status is neither approved nor declined"));
        return typed.withColumn("problem", problem).drop("fields");
    }

    /** Field n (from 1) of the split line, trimmed; null when missing or empty. */
    private static Column field(int n) {
        return expr("nullif(trim(try_element_at(f, " + n + ")), '')");
    }

    /**
     * The alert rule on typed payments: per card and 5-minute window, at least {@link #DECLINED_LIMIT}
     * declined payments, or approved ones above {@link #TOTAL_LIMIT} in all. One row per alert:
     * card, window_start, window_end, reason, declined, approved_total, payments.
     */
    public static Dataset<Row> alerts(Dataset<Row> payments) {
        Column declined = col("status").equalTo("declined");
        Column approved = col("status").equalTo("approved");
        return payments
                // Concept 4: the payment's own time; a window's state is dropped a minute after it ends.
                .withWatermark("time", "1 minute")
                // Concept 5: per card and window; in append mode, a window is output once, when final.
                .groupBy(window(col("time"), "5 minutes"), col("card"))
                .agg(count(when(declined, true)).as("declined"),
                        coalesce(sum(when(approved, col("amount"))), lit(BigDecimal.ZERO)).as("approved_total"),
                        count(lit(1)).as("payments"))
                .where(col("declined").geq(DECLINED_LIMIT).or(col("approved_total").gt(TOTAL_LIMIT)))
                .select(col("card"),
                        col("window.start").as("window_start"),
                        col("window.end").as("window_end"),
                        concat_ws(" and ",
                                when(col("declined").geq(DECLINED_LIMIT), lit("declined payments")),
                                when(col("approved_total").gt(TOTAL_LIMIT), lit("high total"))).as("reason"),
                        col("declined"), col("approved_total"), col("payments"));
    }

    /** Starts saving each window's alerts to the table ALERTS, once each. */
    public static StreamingQuery saveAlerts(Dataset<Row> alerts, AlertsDatabase database, Path checkpoint) throws TimeoutException {
        return alerts.writeStream()
                .queryName("fraud-alerts")
                // Concept 6: each micro-batch, a static table of a few alerts, to our code.
                .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, batchId) -> mergeAlerts(batch, batchId, database))
                // Concept 7: what each batch read, and which batches are done.
                .option("checkpointLocation", checkpoint.resolve("alerts").toString())
                .start();
    }

    /** Writes the batch's alerts in one transaction: a MERGE on the key writes an alert saved before over itself. */
    static void mergeAlerts(Dataset<Row> batch, long batchId, AlertsDatabase database) throws SQLException {
        // Few rows: collected to the driver and written through one connection. (df.write().jdbc()
        // writes from every executor, but only appends: a batch run again would double its rows.)
        List<Row> rows = batch.select(col("card"),
                date_format(col("window_start"), "yyyy-MM-dd HH:mm:ss"),
                date_format(col("window_end"), "yyyy-MM-dd HH:mm:ss"),
                col("reason"), col("declined"), col("approved_total"), col("payments")).collectAsList();
        if (rows.isEmpty()) {
            return;
        }
        synchronized (database) {
            Connection connection = database.connection();
            try (PreparedStatement merge = connection.prepareStatement(
                    "MERGE INTO alerts (card, window_start, window_end, reason, declined, approved_total, payments)"
                            + " KEY (card, window_start) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Row row : rows) {
                    merge.setString(1, row.getString(0));
                    merge.setString(2, row.getString(1));
                    merge.setString(3, row.getString(2));
                    merge.setString(4, row.getString(3));
                    merge.setLong(5, row.getLong(4));
                    merge.setBigDecimal(6, row.getDecimal(5));
                    merge.setLong(7, row.getLong(6));
                    merge.addBatch();
                }
                merge.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
        for (Row row : rows) {
            System.out.println("ALERT " + row.getString(0) + ", " + row.getString(1) + " to " + row.getString(2).substring(11)
                    + " UTC: " + row.getString(3) + " (" + row.getLong(4) + " declined, " + row.getDecimal(5)
                    + " EUR approved in " + row.getLong(6) + " payments), saved by batch " + batchId);
        }
    }

    /** Starts saving the lines that are not payments to the table REJECTED, and counting them. */
    public static StreamingQuery saveRejected(Dataset<Row> rejected, AlertsDatabase database, Path checkpoint) throws TimeoutException {
        // Concept 8: a second query on the same lines, with a checkpoint of its own.
        return rejected.select("file", "line", "problem").writeStream()
                .queryName("rejected-lines")
                .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, batchId) -> mergeRejected(batch, batchId, database))
                .option("checkpointLocation", checkpoint.resolve("rejected").toString())
                .start();
    }

    static void mergeRejected(Dataset<Row> batch, long batchId, AlertsDatabase database) throws SQLException {
        List<Row> rows = batch.collectAsList();
        if (rows.isEmpty()) {
            return;
        }
        long total;
        synchronized (database) {
            Connection connection = database.connection();
            try (PreparedStatement merge = connection.prepareStatement("MERGE INTO rejected (file, line, problem) KEY (file, line) VALUES (?, ?, ?)");
                    Statement count = connection.createStatement()) {
                for (Row row : rows) {
                    merge.setString(1, row.getString(0));
                    merge.setString(2, row.getString(1));
                    merge.setString(3, row.getString(2));
                    merge.addBatch();
                }
                merge.executeBatch();
                connection.commit();
                try (ResultSet all = count.executeQuery("SELECT COUNT(*) FROM rejected")) {
                    all.next();
                    total = all.getLong(1);
                }
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
        System.out.println("rejected " + rows.size() + " malformed line(s) in batch " + batchId + ", " + total
                + " in all (show-alerts lists them): " + rows.get(0).getString(2) + ": " + rows.get(0).getString(1));
    }
}
