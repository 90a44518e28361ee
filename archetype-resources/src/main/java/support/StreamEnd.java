package ${package}.support;

import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;

import ${package}.settings.StreamSettings;

/**
 * Step 5 of every lesson: where Spark's guide calls {@code query.awaitTermination()}, the lessons
 * wait for any query of the session to end, say how it ended, stop Spark and end the app with the
 * exit status that goes with it.
 */
public final class StreamEnd {

    /** Set once the user asked the app to stop (Ctrl-C, kill), before the query is stopped. */
    private static final AtomicBoolean STOP_ASKED = new AtomicBoolean();

    private StreamEnd() {
    }

    /**
     * Says "Streaming from host:port" once query's socket is connected, waits until any query of
     * its session ends, then stops Spark and ends the app. Status 0 when the server closed the connection; 1 when
     * the query failed or the connection was reset (lines may be lost); 130 after Ctrl-C and 143
     * after kill (SIGTERM), as the shell reports any program stopped by those signals. A failure
     * is explained in one line where its cause is known (no server, unknown host); otherwise its
     * stack trace is printed once, followed by the line of this project's code it came from.
     */
    public static void awaitAnyQueryThenExit(StreamingQuery query, StreamSettings settings) {
        SourceWatcher source = SourceWatcher.watch(query,
                () -> System.out.println("Streaming from " + settings.address() + ". Type lines into the server; Ctrl-C stops."),
                () -> stopQuietly(query));
        awaitThenExit(query, source, settings, failure -> FailureReport.knownCause(failure, settings));
    }

    /** The same for a query that reads no socket, such as lesson 4's: it runs until Ctrl-C or a failure. */
    public static void awaitAnyQueryThenExit(StreamingQuery query) {
        awaitAnyQueryThenExit(query, failure -> Optional.empty());
    }

    /**
     * The same for a query whose source can fail in a way the lesson foresees, such as lesson 5's
     * broker going away: knownCause gives the one line for such a failure, or empty for any other,
     * which gets its stack trace as usual.
     */
    public static void awaitAnyQueryThenExit(StreamingQuery query, Function<Throwable, Optional<String>> knownCause) {
        awaitThenExit(query, null, null, knownCause);
    }

    /**
     * query: the one Ctrl-C stops before Spark stops; source and settings: its socket's watcher and
     * settings, or null when it reads no socket.
     */
    private static void awaitThenExit(StreamingQuery query, SourceWatcher source, StreamSettings settings,
            Function<Throwable, Optional<String>> knownCause) {
        stopOnCtrlC(query);
        int status = awaitAnyQuery(query, source, settings, knownCause);
        if (STOP_ASKED.get()) {
            // The shutdown hooks are stopping Spark and will end the JVM with the signal's status.
            return;
        }
        query.sparkSession().stop();
        System.exit(status);
    }

    /** Waits for any query of query's session to end; returns the app's exit status. Package-private for StreamEndTest. */
    static int awaitAnyQuery(StreamingQuery query, SourceWatcher source, StreamSettings settings,
            Function<Throwable, Optional<String>> knownCause) {
        try {
            // Any query of the app's session, not only this one: lesson 6 runs two (alerts and
            // rejected lines), and the app must end, and say why, when either fails.
            query.sparkSession().streams().awaitAnyTermination();
        } catch (StreamingQueryException e) {
            return STOP_ASKED.get() ? 0 : FailureReport.report(e, knownCause, System.err);
        }
        if (STOP_ASKED.get()) {
            return 0;
        }
        switch (source == null ? SourceWatcher.End.STILL_READING : source.end()) {
            case CLOSED:
                System.out.println("The server at " + settings.address() + " closed the connection; the stream has ended.");
                return 0;
            case RESET:
                System.err.println("error: the connection to " + settings.address() + " was reset: the server"
                        + " crashed or was killed. The lines printed above arrived; lines sent just before may be lost.");
                return 1;
            default:
                return 0;
        }
    }

    /**
     * Ctrl-C or kill: stops the query before Spark's own shutdown hook stops Spark under it, which
     * would end a continuous query with stack traces, and says so. Both run from Hadoop's shutdown
     * hook manager, which runs higher priorities first; Spark's is 40.
     */
    private static void stopOnCtrlC(StreamingQuery query) {
        ShutdownHookManager.get().addShutdownHook(() -> {
            if (!query.isActive()) {
                return; // the stream had ended already: the app is ending by itself
            }
            STOP_ASKED.set(true);
            try {
                stopQuietly(query);
            } catch (Exception e) {
                // Spark was stopping already: nothing left to stop.
            }
            System.out.println("Stopped, as you asked (Ctrl-C or kill).");
        }, 50);
    }

    /**
     * Stops the query with Spark's and Kafka's logging turned off: tasks of a continuous or
     * real-time query that are still running as it stops log errors that say nothing about the
     * data (Kafka's consumer, interrupted as it closes, logs its stack trace).
     */
    static void stopQuietly(StreamingQuery query) throws TimeoutException {
        Configurator.setAllLevels("org.apache.spark", Level.OFF);
        Configurator.setAllLevels("org.apache.kafka", Level.OFF);
        query.stop();
    }
}
