package org.example.iot.sensors;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Reads lines of text from a TCP socket and prints each micro-batch of them to the console.
 *
 * <p>Start a line server first ({@code scripts/netcat-server.sh}), then run this class and type
 * lines into the server's terminal. Arguments: {@code [host] [port]}.
 */
public final class SocketStreamApp {

    public static void main(String[] args) {
        System.exit(run(args, Lesson.ECHO));
    }

    /**
     * Streams the lesson until the query ends; returns the exit status: 0 done, 1 failed, 2 bad
     * arguments. The other lessons (WordCountApp, WindowedCountApp) run through here too.
     */
    public static int run(String[] args, Lesson lesson) {
        StreamSettings settings;
        Trigger trigger;
        int sourcePartitions;
        try {
            settings = StreamSettings.fromArgs(args);
            trigger = chosenTrigger(System.getProperty("stream.trigger"), lesson.trigger());
            sourcePartitions = chosenSourcePartitions(System.getProperty("stream.sourcePartitions"));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(StreamSettings.USAGE);
            return 2;
        }
        String unsupportedJava = unsupportedJava(Runtime.version().feature());
        if (unsupportedJava != null) {
            System.err.println("error: " + unsupportedJava);
            return 1;
        }
        warnIfNotUtf8();

        // Step 1: the SparkSession is the entry point of every Spark application.
        SparkSession spark = createSession(settings.appName());
        try {
            if (ProgressReport.enabled()) {
                spark.streams().addListener(new ProgressReport(System.out));
            }

            // Step 2: the socket becomes an unbounded table with one string column, "value".
            Dataset<Row> lines = readLines(spark, settings.host(), settings.port(), lesson.arrivalTime(), sourcePartitions);

            // Step 3: check that it is a stream, and look at its schema.
            System.out.println("isStreaming: " + lines.isStreaming());
            lines.printSchema();

            // Step 4: print every micro-batch of the lesson's result to the console.
            StreamingQuery query = writeToConsole(lesson.transformation().apply(lines), lesson.outputMode(), trigger);
            ServerClosedWatcher serverClosed = ServerClosedWatcher.stopWhenServerCloses(query);
            stopOnCtrlC(query);
            System.out.println("Streaming from " + settings.address() + ". Type lines into the server; Ctrl-C stops.");

            // Step 5: wait until the query ends: Ctrl-C, or the server closes the connection.
            query.awaitTermination();
            if (serverClosed.hasFired()) {
                System.out.println("The server at " + settings.address() + " closed the connection; the stream has ended.");
            }
            return 0;
        } catch (StreamingQueryException e) {
            System.err.println("error: " + StreamFailure.explain(e, settings));
            return 1;
        } catch (TimeoutException e) {
            System.err.println("error: the streaming query did not start: " + e.getMessage());
            return 1;
        } finally {
            spark.stop();
        }
    }

    /** Step 1: a local session using every core, unless a master is given (spark-submit, -Dspark.master). */
    public static SparkSession createSession(String appName) {
        SparkConf given = new SparkConf(); // spark.* system properties, e.g. set by spark-submit
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        defaultSettings(given).forEach(builder::config);
        return builder.getOrCreate();
    }

    /** The settings this app chooses, for those not given as spark.* system properties. */
    static Map<String, String> defaultSettings(SparkConf given) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (!given.contains("spark.master")) {
            settings.put("spark.master", "local[*]");
            // On one machine, talk over loopback: works offline, whatever the host name resolves to.
            settings.put("spark.driver.host", "127.0.0.1");
            settings.put("spark.driver.bindAddress", "127.0.0.1");
            // Aggregations shuffle into this many partitions; Spark's 200 are made for clusters.
            settings.put("spark.sql.shuffle.partitions", String.valueOf(Runtime.getRuntime().availableProcessors()));
        }
        // The web UI would listen on every network interface: off unless asked for (-Dspark.ui.enabled=true).
        settings.put("spark.ui.enabled", "false");
        settings.keySet().removeIf(given::contains);
        return settings;
    }

    /** Step 2: one row per line received, all in one partition, so the lines keep their arrival order. */
    public static Dataset<Row> readLines(SparkSession spark, String host, int port) {
        return readLines(spark, host, port, false, 1);
    }

    /**
     * Step 2 in full: with a "timestamp" column, when each line arrived, if arrivalTime is true; and
     * the lines dealt round-robin over {@code partitions} partitions: more is faster for large
     * bursts, but the console then prints a batch partition by partition, out of arrival order.
     */
    public static Dataset<Row> readLines(SparkSession spark, String host, int port, boolean arrivalTime, int partitions) {
        return spark.readStream()
                .format("socket")
                .option("host", host)
                .option("port", port)
                .option("numPartitions", partitions)
                .option("includeTimestamp", arrivalTime)
                .load();
    }

    /** Step 4: new rows of every batch, as soon as they arrive. */
    public static StreamingQuery writeToConsole(Dataset<Row> rows) throws TimeoutException {
        return writeToConsole(rows, "append", Trigger.ProcessingTime(0));
    }

    /** Step 4: every row of every batch, whole lines, not cut at 20 characters. */
    public static StreamingQuery writeToConsole(Dataset<Row> rows, String outputMode, Trigger trigger)
            throws TimeoutException {
        return rows.writeStream()
                .format("console")
                .outputMode(outputMode)
                .trigger(trigger)
                .option("truncate", false)
                .option("numRows", Integer.MAX_VALUE)
                .start();
    }

    /**
     * Ctrl-C: stops the query before Spark's own shutdown hook stops Spark under it, which would
     * end a continuous query with stack traces. Both run from Hadoop's shutdown hook manager, which
     * runs higher priorities first; Spark's is 40.
     */
    static void stopOnCtrlC(StreamingQuery query) {
        ShutdownHookManager.get().addShutdownHook(() -> {
            try {
                stopQuietly(query);
            } catch (Exception e) {
                // Spark was stopping already: once the query ends, run() stops Spark itself.
            }
        }, 50);
    }

    /**
     * Stops the query with Spark's logging turned off: tasks of a continuous query that are still
     * running as it stops log errors that say nothing about the data.
     */
    static void stopQuietly(StreamingQuery query) throws TimeoutException {
        Configurator.setAllLevels("org.apache.spark", Level.OFF);
        query.stop();
    }

    /**
     * The trigger of the run: the lesson's own, unless -Dstream.trigger gives another: an interval
     * such as "100 milliseconds" (a micro-batch at most that often), or "continuous" (continuous
     * processing, for queries without aggregations such as the echo; an epoch every 100 ms).
     */
    static Trigger chosenTrigger(String setting, Trigger lessonTrigger) {
        if (setting == null || setting.isBlank()) {
            return lessonTrigger;
        }
        if (setting.strip().equals("continuous")) {
            return Trigger.Continuous("100 milliseconds");
        }
        try {
            return Trigger.ProcessingTime(setting.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stream.trigger '" + setting + "' is neither an interval"
                    + " such as \"100 milliseconds\" nor \"continuous\"");
        }
    }

    /**
     * How many partitions the socket is read into: 1, which keeps the lines in arrival order, unless
     * -Dstream.sourcePartitions gives more. Spark 3.5's socket reader takes time growing with the
     * square of a partition's rows, so a burst of 50,000 lines is read about 3 times faster into 2
     * partitions than into 1 (see the archetype's benchmark).
     */
    static int chosenSourcePartitions(String setting) {
        if (setting == null || setting.isBlank()) {
            return 1;
        }
        try {
            int partitions = Integer.parseInt(setting.strip());
            if (partitions >= 1) {
                return partitions;
            }
        } catch (NumberFormatException e) {
            // Reported below, with what is allowed.
        }
        throw new IllegalArgumentException("stream.sourcePartitions '" + setting + "' is not a whole number"
                + " from 1 up; 1, the default, keeps the lines in arrival order");
    }

    /** Why Spark 3.5 cannot run on this Java release, or null when it can. */
    static String unsupportedJava(int feature) {
        if (feature < 17) {
            return "this project needs Java 17 or newer; this is Java " + feature;
        }
        if (feature >= 23) {
            // Hadoop, inside Spark 3.5, calls Subject.getSubject, which Java 23 and later refuse.
            return "Spark 3.5 does not run on Java " + feature + " (UnsupportedOperationException: getSubject"
                    + " is not supported); run it with Java 17 (JAVA_HOME), or move to Spark 4";
        }
        return null;
    }

    /** The socket source decodes bytes with the JVM's default charset; the project runs Java with UTF-8. */
    private static void warnIfNotUtf8() {
        if (!Charset.defaultCharset().equals(StandardCharsets.UTF_8)) {
            System.err.println("warning: the JVM's default charset is " + Charset.defaultCharset()
                    + ", so non-ASCII text may be garbled; run Java with -Dfile.encoding=UTF-8");
        }
    }
}
