package ${package};

import java.time.Duration;
import java.util.List;
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

    /** The socket source's loggers, in micro-batch and in continuous mode (-Dstream.trigger=continuous). */
    static final String MICRO_BATCH_SOURCE =
            "org.apache.spark.sql.execution.streaming.sources.TextSocketMicroBatchStream";
    static final String CONTINUOUS_SOURCE =
            "org.apache.spark.sql.execution.streaming.continuous.TextSocketContinuousStream";

    /**
     * Measured on an idle 2-core machine: the last line sent before the close reached an epoch
     * within 0.5 s. Four times that; on a machine too busy for it, a line sent just before the
     * close can be missed, as continuous processing offers nothing better to wait on.
     */
    static final Duration CONTINUOUS_GRACE = Duration.ofSeconds(2);

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
        for (String name : List.of(MICRO_BATCH_SOURCE, CONTINUOUS_SOURCE)) {
            LoggerConfig sourceLogger = config.getLoggerConfig(name);
            if (!sourceLogger.getName().equals(name)) {
                // No logger of its own configured yet: add one that still passes events on as before.
                sourceLogger = new LoggerConfig(name, Level.WARN, true);
                config.addLogger(name, sourceLogger);
            }
            sourceLogger.addAppender(watcher, Level.WARN, null);
        }
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
            boolean continuous = event.getLoggerName().equals(CONTINUOUS_SOURCE);
            // Not on the logging thread: finishing the last batch takes a while.
            Thread stopper = new Thread(() -> finishAndStop(continuous), "stop-on-server-close");
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    private void finishAndStop(boolean continuous) {
        try {
            if (continuous) {
                // Lines can take a few hundred milliseconds to reach a continuous query's epoch,
                // and epochs without them would end the wait below too early: give them time.
                Thread.sleep(CONTINUOUS_GRACE.toMillis());
            }
            query.processAllAvailable();
            SocketStreamApp.stopQuietly(query);
        } catch (Exception e) {
            // The query ended some other way; awaitTermination() reports how.
        }
    }
}
