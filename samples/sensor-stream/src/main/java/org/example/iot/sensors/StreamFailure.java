package org.example.iot.sensors;

import java.net.ConnectException;
import java.net.UnknownHostException;

/** Turns the failure of a streaming query into one message that says what to do. */
final class StreamFailure {

    private StreamFailure() {
    }

    static String explain(Throwable failure, StreamSettings settings) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "nothing is listening at " + settings.address() + ". Start a line server first,"
                        + " in another terminal: scripts/netcat-server.sh " + settings.port()
                        + "  (or: nc -lk " + settings.port() + ")";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host '" + settings.host() + "'. Give a host name that resolves,"
                        + " or an IP address such as 127.0.0.1";
            }
        }
        return "the stream failed: " + rootCause(failure);
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
