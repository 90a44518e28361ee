package ${package}.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

#if( $sparkVersion.startsWith("3.") )
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;
#else
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
#end

/**
 * Spark's web UI for this machine only. Spark binds the UI to every network interface (to
 * SPARK_LOCAL_IP's address when that is set: read from the environment, which a running JVM cannot
 * change), so this filter, installed through {@code spark.ui.filters} in front of every page,
 * answers a request from another address with 403 Forbidden and serves only loopback ones.
 */
public final class LoopbackOnlyFilter implements Filter {

    @Override
    public void init(FilterConfig config) {
    }

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

    @Override
    public void destroy() {
    }
}
