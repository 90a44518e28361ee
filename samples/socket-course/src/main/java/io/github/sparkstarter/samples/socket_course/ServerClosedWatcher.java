package io.github.sparkstarter.samples.socket_course;

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
 * Ends the query when the line server closes the connection.
 *
 * <p>Spark's socket source cannot reconnect: at the end of the stream it logs the warning
 * "Stream closed by host:port" and then waits for data forever. This watcher listens for that
 * warning, lets the query print the lines already received, and stops it.
 */
final class ServerClosedWatcher extends AbstractAppender {

    static final String SOCKET_SOURCE_LOGGER =
            "org.apache.spark.sql.execution.streaming.sources.TextSocketMicroBatchStream";

    private final StreamingQuery query;
    private final AtomicBoolean fired = new AtomicBoolean();

    private ServerClosedWatcher(StreamingQuery query) {
        super("server-closed-watcher", null, null, true, Property.EMPTY_ARRAY);
        this.query = query;
    }

    static ServerClosedWatcher stopWhenServerCloses(StreamingQuery query) {
        ServerClosedWatcher watcher = new ServerClosedWatcher(query);
        watcher.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        LoggerConfig sourceLogger = config.getLoggerConfig(SOCKET_SOURCE_LOGGER);
        if (!sourceLogger.getName().equals(SOCKET_SOURCE_LOGGER)) {
            // No logger of its own configured yet: add one that still passes events on as before.
            sourceLogger = new LoggerConfig(SOCKET_SOURCE_LOGGER, Level.WARN, true);
            config.addLogger(SOCKET_SOURCE_LOGGER, sourceLogger);
        }
        sourceLogger.addAppender(watcher, Level.WARN, null);
        context.updateLoggers();
        return watcher;
    }

    boolean hasFired() {
        return fired.get();
    }

    @Override
    public void append(LogEvent event) {
        if (event.getMessage().getFormattedMessage().startsWith("Stream closed by")
                && fired.compareAndSet(false, true)) {
            // Not on the logging thread: finishing the last batch takes a while.
            Thread stopper = new Thread(this::finishAndStop, "stop-on-server-close");
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    private void finishAndStop() {
        try {
            query.processAllAvailable();
            query.stop();
        } catch (Exception e) {
            // The query ended some other way; awaitTermination() reports how.
        }
    }
}
