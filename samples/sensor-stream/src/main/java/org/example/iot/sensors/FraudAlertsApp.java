package org.example.iot.sensors;

import static org.apache.spark.sql.functions.*;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

import org.example.iot.sensors.settings.AlertSettings;
import org.example.iot.sensors.support.AlertsDatabase;
import org.example.iot.sensors.support.KafkaBrokerCheck;
import org.example.iot.sensors.support.Preflight;
import org.example.iot.sensors.support.ProcessId;
import org.example.iot.sensors.support.SessionDefaults;
import org.example.iot.sensors.support.StreamEnd;

/**
 * Lesson 6, the whole pipeline: card payments from a Kafka topic, typed with a schema; a card with
 * too many declined payments, or too much spent, within five minutes raises an alert, saved in an
 * SQL database once however often the app is killed and started again, watched live in Spark's UI.
 *
 * <p>Concepts, numbered in the order {@code main} reads them: (1) the web UI's streaming page; (2) a
 * replayable source, the topic from its first offset; (3) lines typed with a schema, a line that
 * does not fit marked with its problem; (4) event time and a watermark; (5) the rule per card and
 * window, each window output once, when final; (6) {@code foreachBatch} and a MERGE on the table's
 * key; (7) a checkpoint per query, so that a batch a crash cut short runs again; (8) a second query
 * that saves the rejected lines, so that none vanishes silently.
 *
 * <p>Run it as the README's lesson 6 says: the broker, then {@code mvn -q compile exec:java@alerts},
 * then the payments sent with kafka-send. Other settings: {@value AlertSettings#USAGE}.
 */
public final class FraudAlertsApp {

    /** Declined payments of one card within a window that raise an alert: card testing. */
    public static final int DECLINED_LIMIT = 3;
    /** Approved payments of one card within a window, in EUR, above which an alert is raised. */
    public static final BigDecimal TOTAL_LIMIT = new BigDecimal("1000.00");

    /**
     * The tables, each with the key its MERGE below writes on. Killed after the database's commit but
     * before Spark records the batch as done, the app runs the batch again, and the MERGE on the
     * alert's key (card, window start) writes its alerts over themselves. (A batch id kept in the
     * database would need the batch run again to hold the same rows, which Spark promises only for a
     * deterministic query; the key is a fact of the alert.) A rejected line's key: where it sits in the topic.
     */
    public static final String TABLES = """
            CREATE TABLE IF NOT EXISTS alerts (card VARCHAR(40) NOT NULL, window_start TIMESTAMP NOT NULL,
              window_end TIMESTAMP NOT NULL, reason VARCHAR(100) NOT NULL, declined INT NOT NULL,
              approved_total DECIMAL(14, 2) NOT NULL, payments INT NOT NULL, PRIMARY KEY (card, window_start));
            CREATE TABLE IF NOT EXISTS rejected (source VARCHAR(400) NOT NULL, line VARCHAR(4000) NOT NULL,
              problem VARCHAR(200) NOT NULL, PRIMARY KEY (source));
            """;
    static final String MERGE_ALERT = "MERGE INTO alerts (card, window_start, window_end, reason, declined, approved_total, payments)"
            + " KEY (card, window_start) VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String MERGE_REJECTED = "MERGE INTO rejected (source, line, problem) KEY (source) VALUES (?, ?, ?)";

    public static void main(String[] args) throws Exception {
        Preflight.checkOrExit();
        ProcessId.print();
        AlertSettings settings = AlertSettings.fromCommandLineOrExit(args);
        // Before Spark starts, each a line and an exit status: no broker; a database another program
        // holds; a checkpoint of another topic or database (locked last, so a refused run leaves none).
        settings.createTopicOrExit();
        AlertsDatabase database = AlertsDatabase.openOrExit(settings.database(), TABLES);
        settings.lockCheckpointOrExit();
        SparkSession spark = SparkSession.builder()
                .appName("Lesson 6: fraud alerts")
                // Concept 1: the web UI on, for this machine only (SessionDefaults prints its address).
                .config(SessionDefaults.withWebUi())
                // The times in the file are UTC: read and shown as UTC, whatever this machine's zone.
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();

        Dataset<Row> parsed = parse(readPayments(spark, settings.bootstrapServers(), settings.topic()));
        StreamingQuery alerts = alerts(parsed.where(col("problem").isNull())).writeStream().queryName("fraud-alerts")
                // Concept 6: each micro-batch, a static table of a few rows, to our code, which MERGEs it into the table.
                .foreachBatch((Dataset<Row> batch, Long batchId) -> saveAlerts(batch, batchId, database))
                // Concept 7: what each batch read, and which batches are done: a checkpoint per query.
                .option("checkpointLocation", settings.checkpoint().resolve("fraud-alerts").toString())
                .start();
        // Concept 8: a second query on the same records, with a checkpoint of its own.
        parsed.where(col("problem").isNotNull()).select("source", "line", "problem").writeStream().queryName("rejected-lines")
                .foreachBatch((Dataset<Row> batch, Long batchId) -> saveRejected(batch.collectAsList(), batchId, database))
                .option("checkpointLocation", settings.checkpoint().resolve("rejected-lines").toString())
                .start();
        System.out.println("Waiting for payments on topic '" + settings.topic() + "' at " + settings.bootstrapServers()
                + " (send them: " + settings.sendCommand() + "); alerts and rejected lines go to " + settings.databaseFile()
                + ". Ctrl-C stops; start again to go on where it stopped.");
        // Either query ending ends the app: it says why in one line, and stopping Spark stops the other.
        StreamEnd.awaitAnyQueryThenExit(alerts, settings::brokerGone);
    }

    /** The topic's records as lines: {@code value}, the text, and {@code source}, where it sits in the topic. */
    public static Dataset<Row> readPayments(SparkSession spark, String bootstrapServers, String topic) {
        // Concept 2: the topic from its first offset; each call to the broker bounded, as in lesson 5.
        String brokerWait = String.valueOf(KafkaBrokerCheck.BROKER_WAIT.toMillis());
        return spark.readStream().format("kafka")
                .option("kafka.bootstrap.servers", bootstrapServers)
                .option("subscribe", topic)
                .option("startingOffsets", "earliest")
                .option("kafka.default.api.timeout.ms", brokerWait)
                .option("kafka.request.timeout.ms", brokerWait)
                .option("kafkaConsumer.pollTimeoutMs", brokerWait)
                .load()
                .selectExpr("CAST(value AS STRING) AS value", "concat_ws('/', topic, partition, offset) AS source");
    }

    /** The columns of a line of data/transactions.csv, typed, and {@code problem}: null for a good line, else what is wrong. */
    public static Dataset<Row> parse(Dataset<Row> lines) {
        // Concept 3: the schema, applied by hand: seven fields, each cast to its type. try_cast and
        // try_element_at give null for what does not fit, where cast would fail the whole batch.
        Dataset<Row> typed = lines.withColumn("f", split(col("value"), ",", -1)).select(
                col("value").as("line"), col("source"), expr("size(f)").as("fields"),
                expr("try_cast(trim(try_element_at(f, 1)) AS TIMESTAMP)").as("time"),
                field(2).as("transaction"), field(3).as("card"), field(4).as("merchant"),
                expr("try_cast(trim(try_element_at(f, 5)) AS DECIMAL(12, 2))").as("amount"),
                field(6).as("currency"), field(7).as("status"));
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
        return payments
                // Concept 4: the payment's own time; a window's state is dropped a minute after it ends.
                .withWatermark("time", "1 minute")
                // Concept 5: per card and window; in append mode, a window is output once, when final.
                .groupBy(window(col("time"), "5 minutes"), col("card"))
                .agg(count(when(col("status").equalTo("declined"), true)).as("declined"),
                        coalesce(sum(when(col("status").equalTo("approved"), col("amount"))), lit(BigDecimal.ZERO)).as("approved_total"),
                        count(lit(1)).as("payments"))
                .where(col("declined").geq(DECLINED_LIMIT).or(col("approved_total").gt(TOTAL_LIMIT)))
                .select(col("card"), col("window.start").as("window_start"), col("window.end").as("window_end"),
                        concat_ws(" and ", when(col("declined").geq(DECLINED_LIMIT), lit("declined payments")),
                                when(col("approved_total").gt(TOTAL_LIMIT), lit("high total"))).as("reason"),
                        col("declined"), col("approved_total"), col("payments"));
    }

    /** Writes the batch's alerts in one transaction: the MERGE on the key writes an alert saved before over itself. */
    static void saveAlerts(Dataset<Row> batch, long batchId, AlertsDatabase database) throws SQLException {
        // Few rows: collected to the driver and written through one connection. (df.write().jdbc()
        // writes from every executor, but only appends: a batch run again would double its rows.)
        List<Row> rows = batch.select(col("card"), date_format(col("window_start"), "yyyy-MM-dd HH:mm:ss"),
                date_format(col("window_end"), "yyyy-MM-dd HH:mm:ss"), col("reason"), col("declined"),
                col("approved_total"), col("payments")).collectAsList();
        database.writeAll(MERGE_ALERT, rows);
        for (Row row : rows) {
            System.out.println("ALERT " + row.getString(0) + ", " + row.getString(1) + " to " + row.getString(2).substring(11)
                    + " UTC: " + row.getString(3) + " (" + row.getLong(4) + " declined, " + row.getDecimal(5)
                    + " EUR approved in " + row.getLong(6) + " payments), saved by batch " + batchId);
        }
    }

    /** Writes the batch's rejected lines (source, line, problem) in one transaction, and says how many there are. */
    static void saveRejected(List<Row> rows, long batchId, AlertsDatabase database) throws SQLException {
        if (!rows.isEmpty()) {
            database.writeAll(MERGE_REJECTED, rows);
            System.out.println("rejected " + rows.size() + " malformed line(s) in batch " + batchId + ", " + database.count("rejected")
                    + " in all (show-alerts lists them): " + rows.get(0).getString(2) + ": " + rows.get(0).getString(1));
        }
    }
}
