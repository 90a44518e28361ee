package io.github.sparkstarter.samples.socket_course.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * Ends the query when the socket source stops reading, however that happens.
 *
 * <p>Spark's socket source reads the connection in a thread of its own and cannot reconnect. When
 * the server closes the connection, that thread logs "Stream closed by host:port" and ends; when
 * the connection is reset (a server that crashed or was killed), it ends without a word. Either way
 * Spark then waits for data forever. This watcher says when that thread has started (the socket is
 * connected), waits for it to end, lets the query print the lines already received, stops it, and
 * tells which of the two happened. The log line is the only difference Spark shows between the two
 * (3.5 and 4.2 alike): the tests of both lines check it.
 */
final class SourceWatcher extends AbstractAppender {

    /** How the source stopped reading: not yet, a clean close, or a reset connection. */
    enum End { STILL_READING, CLOSED, RESET }

    /** The socket source's loggers, in micro-batch and in continuous mode (the same in Spark 3.5 and 4). */
    static final List<String> SOURCE_LOGGERS = List.of(
            "org.apache.spark.sql.execution.streaming.sources.TextSocketMicroBatchStream",
            "org.apache.spark.sql.execution.streaming.continuous.TextSocketContinuousStream");

    /** The names Spark gives the reading thread, followed by "(host, port)". */
    static final List<String> READER_THREADS = List.of("TextSocketSource(", "TextSocketContinuousReader(");

    /** How often to look for the reading thread, which starts with the query's first batch. */
    private static final Duration LOOK_EVERY = Duration.ofMillis(100);

    /**
     * Measured on an idle 2-core machine: the last line sent before the close reached a continuous
     * query's epoch within 0.5 s. Four times that; on a machine too busy for it, a line sent just
     * before the close can be missed, as continuous processing offers nothing better to wait on.
     */
    static final Duration CONTINUOUS_GRACE = Duration.ofSeconds(2);

    /** What to do once the source is connected, and how to stop the query once it no longer reads. */
    interface Action {
        void run() throws Exception;
    }

    private final StreamingQuery query;
    private final Action onConnected;
    private final Action stop;
    private final AtomicBoolean closedCleanly = new AtomicBoolean();
    private volatile End end = End.STILL_READING;

    private SourceWatcher(StreamingQuery query, Action onConnected, Action stop) {
        super("source-watcher", null, null, true, Property.EMPTY_ARRAY);
        this.query = query;
        this.onConnected = onConnected;
        this.stop = stop;
    }

    static SourceWatcher watch(StreamingQuery query, Action onConnected, Action stop) {
        SourceWatcher watcher = new SourceWatcher(query, onConnected, stop);
        watcher.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        for (String name : SOURCE_LOGGERS) {
            LoggerConfig sourceLogger = config.getLoggerConfig(name);
            if (!sourceLogger.getName().equals(name)) {
                // No logger of its own configured yet: add one that still passes events on as before.
                sourceLogger = new LoggerConfig(name, Level.WARN, true);
                config.addLogger(name, sourceLogger);
            }
            sourceLogger.addAppender(watcher, Level.WARN, null);
        }
        context.updateLoggers();
        Thread waiter = new Thread(watcher::awaitEndOfSource, "source-watcher");
        waiter.setDaemon(true);
        waiter.start();
        return watcher;
    }

    End end() {
        return end;
    }

    @Override
    public void append(LogEvent event) {
        // Logged by the reading thread itself, just before it ends.
        if (event.getMessage().getFormattedMessage().startsWith("Stream closed by")) {
            closedCleanly.set(true);
        }
    }

    private void awaitEndOfSource() {
        try {
            Optional<Thread> reader = Optional.empty();
            while (reader.isEmpty()) {
                if (!query.isActive()) {
                    return;
                }
                Thread.sleep(LOOK_EVERY.toMillis());
                reader = readerThread();
            }
            onConnected.run();
            reader.get().join();
            end = closedCleanly.get() ? End.CLOSED : End.RESET;
            if (reader.get().getName().startsWith("TextSocketContinuousReader(")) {
                // Lines can take a few hundred milliseconds to reach a continuous query's epoch,
                // and epochs without them would end the wait below too early: give them time.
                Thread.sleep(CONTINUOUS_GRACE.toMillis());
            }
            query.processAllAvailable();
            stop.run();
        } catch (Exception e) {
            // The query ended some other way; StreamEnd.awaitAnyQueryThenExit reports how.
        }
    }

    private static Optional<Thread> readerThread() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        int count = root.enumerate(threads, true);
        return Arrays.stream(threads, 0, count)
                .filter(thread -> READER_THREADS.stream().anyMatch(thread.getName()::startsWith))
                .findFirst();
    }
}
