package org.example.iot.sensors.support;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.streaming.StreamingQueryListener;

/**
 * Prints where Spark's web UI is, when the first query starts and the Structured Streaming page
 * exists: {@code http://localhost:4040/StreamingQuery/}, or the next port up when another Spark
 * app has 4040. {@link SessionDefaults} adds it whenever the UI is on.
 */
public final class WebUiAddress extends StreamingQueryListener {

    private static final AtomicBoolean PRINTED = new AtomicBoolean();

    /** The page's address, or null when the UI is off. */
    public static String streamingPage() {
        scala.Option<String> url = SparkContext.getOrCreate().uiWebUrl();
        if (url.isEmpty()) {
            return null;
        }
        // Spark names the driver's address (127.0.0.1 here); localhost is what a browser is given.
        return "http://localhost:" + URI.create(url.get()).getPort() + "/StreamingQuery/";
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
        String page = streamingPage();
        if (page != null && PRINTED.compareAndSet(false, true)) {
            System.out.println("Spark's web UI, from this machine only: " + page);
        }
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
    }
}
