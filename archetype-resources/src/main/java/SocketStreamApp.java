package ${package};

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

import ${package}.settings.StreamSettings;
import ${package}.support.Preflight;
import ${package}.support.SessionDefaults;
import ${package}.support.StreamEnd;

/**
 * Lesson 1, the echo: reads lines of text from a TCP socket and prints each micro-batch of them.
 *
 * <p>Concepts: the SparkSession (step 1); a socket read as an unbounded table (steps 2 and 3);
 * the console sink and the "append" output mode (step 4); a query that runs until it is stopped
 * (step 5).
 *
 * <p>Run it: start a line server first, {@code scripts/netcat-server.sh} (or {@code nc -lk ${port}};
 * without netcat, {@code mvn -q compile exec:java@line-server}), then this lesson,
 * {@code mvn -q compile exec:java@echo}, and type lines into the server's terminal. Arguments:
 * {@code [host] [port]}, {@code [port]} or {@code [host:port]}, by default {@code ${host} ${port}}:
 * {@code mvn -q compile exec:java@echo -Dexec.args="7777"}.
 */
public final class SocketStreamApp {

    public static void main(String[] args) throws Exception {
        // Before anything else: a JVM that cannot run Spark ends here, in one line that says what to do.
        Preflight.checkOrExit();
        StreamSettings settings = StreamSettings.fromCommandLineOrExit(args);

        // Step 1: the SparkSession is the entry point of every Spark application. Run from here it
        // uses all the cores of this machine (local[*]); spark-submit gives it a cluster instead.
        SparkSession spark = SparkSession.builder()
                .appName(settings.appName())
                .config(SessionDefaults.forThisMachine())
                .getOrCreate();

        // Step 2: the socket becomes an unbounded table with one string column, "value".
        // One partition keeps the lines in the order they arrived.
        Dataset<Row> lines = spark.readStream()
                .format("socket")
                .option("host", settings.host())
                .option("port", settings.port())
                .option("numPartitions", 1)
                .load();

        // Step 3: check that it is a stream, and look at its schema.
        System.out.println("isStreaming: " + lines.isStreaming());
        lines.printSchema();

        // Step 4: print the new rows of every micro-batch to the console: all of them, whole.
        StreamingQuery query = lines.writeStream()
                .format("console")
                .outputMode("append")
                .option("truncate", false)
                .option("numRows", Integer.MAX_VALUE)
                .start();

        // Step 5: wait until the query ends: Ctrl-C, or the server closes the connection. Spark's
        // query.awaitTermination() would then return; this says how it ended, stops Spark and ends
        // the app with a status that says so.
        StreamEnd.awaitAnyQueryThenExit(query, settings);
    }
}
