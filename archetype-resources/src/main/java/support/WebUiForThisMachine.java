package ${package}.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicBoolean;

#if( $sparkVersion.startsWith("3.") )
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;
#else
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
#end

import org.apache.spark.SparkContext;
import org.apache.spark.sql.streaming.StreamingQueryListener;

/**
 * Spark's web UI for this machine only, and where it is. Spark binds the UI to every network
 * interface (to SPARK_LOCAL_IP's address when that is set: read from the environment, which a
 * running JVM cannot change), so this class, as a filter in front of every page
 * ({@code spark.ui.filters}), answers a request from another address with 403 Forbidden and serves
 * only loopback ones. As a query listener it prints the UI's address when the first query starts
 * and the Structured Streaming page exists: {@code http://localhost:4040/StreamingQuery/}, or the
 * next port up when another Spark app has 4040. {@link SessionDefaults} installs it as both
 * whenever the UI is on; Spark and the UI's server each make their own instance.
 */
public final class WebUiForThisMachine extends StreamingQueryListener implements Filter {

    private static final AtomicBoolean PRINTED = new AtomicBoolean();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (isLoopback(request.getRemoteAddr())) {
            chain.doFilter(request, response);
        } else {
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_FORBIDDEN,
                    "Spark's web UI answers this machine only: open it at localhost");
        }
    }

    /**
     * Jetty gives the remote address as a number: 127.0.0.1, or an IPv6 one in brackets, [::1], as a
     * browser that reads localhost as ::1 connects. Anything else is refused, unresolved.
     */
    static boolean isLoopback(String address) {
        if (address == null || !address.matches("\\[?[0-9A-Fa-f:.]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(address.replaceAll("^\\[(.*)]$", "$1")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The streaming page's address, or null when the UI is off. */
    private static String streamingPage() {
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

    /** Abstract in StreamingQueryListener (Spark 3.5 and 4): nothing to print per batch. */
    @Override
    public void onQueryProgress(QueryProgressEvent event) {
    }

    /** Abstract in StreamingQueryListener (Spark 3.5 and 4): nothing to print at the end. */
    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
    }
}
