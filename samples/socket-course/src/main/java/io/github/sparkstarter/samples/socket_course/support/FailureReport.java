package io.github.sparkstarter.samples.socket_course.support;

import java.io.PrintStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

import io.github.sparkstarter.samples.socket_course.SocketStreamApp;
import io.github.sparkstarter.samples.socket_course.settings.StreamSettings;

/**
 * Explains why a streaming query failed. A known cause gets one line that says what to do; any
 * other failure, such as an exception in a transformation of yours, gets its stack trace once,
 * then a last line with the message and where in this project's code it came from.
 */
final class FailureReport {

    /** This project's own code: the package of the lessons, lesson 1's (it moves with them if renamed). */
    static final String PROJECT_PACKAGE = SocketStreamApp.class.getPackageName();

    /** The guard rails' package, this one: its frames are never where a failure of yours came from. */
    static final String SUPPORT_PACKAGE = FailureReport.class.getPackageName();

    private FailureReport() {
    }

    /**
     * Prints the report and returns the exit status, 1. knownCause: the one line for a failure
     * whose cause the lesson foresees (such as a Kafka broker gone), else empty.
     */
    static int report(Throwable failure, Function<Throwable, Optional<String>> knownCause, PrintStream err) {
        Optional<String> known = knownCause.apply(failure);
        if (known.isPresent()) {
            err.println("error: " + known.get());
            return 1;
        }
        Throwable root = rootCause(failure);
        root.printStackTrace(err);
        err.println("error: the stream failed: " + root + ownFrame(root).map(frame -> " (at " + frame + ")").orElse(""));
        return 1;
    }

    /** settings: the socket's, or null for a query that reads no socket. */
    static Optional<String> knownCause(Throwable failure, StreamSettings settings) {
        for (Throwable cause = settings == null ? null : failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return Optional.of("nothing is listening at " + settings.address() + ". Start a line server first,"
                        + " in another terminal: scripts/netcat-server.sh " + settings.port()
                        + "  (or: nc -lk " + settings.port() + "; without netcat: mvn -q compile exec:java@line-server"
                        + " -Dexec.args=" + settings.port() + ")");
            }
            if (cause instanceof UnknownHostException) {
                return Optional.of("unknown host '" + settings.host() + "'. Give a host name that resolves,"
                        + " or an IP address such as 127.0.0.1");
            }
        }
        return Optional.empty();
    }

    static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The first frame of the trace in this project's code, outside this support package: File.java:line. */
    static Optional<String> ownFrame(Throwable failure) {
        return Arrays.stream(failure.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith(PROJECT_PACKAGE + ".")
                        && !frame.getClassName().startsWith(SUPPORT_PACKAGE + "."))
                .findFirst()
                .map(frame -> frame.getFileName() + ":" + frame.getLineNumber());
    }
}
