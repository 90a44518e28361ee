package io.github.sparkstarter.samples.socket_course.support;

/**
 * Where the stream comes from: the app name chosen at generation, and the host and port of the line
 * server, which the command line may override as {@code [host] [port]}. Change the defaults here.
 */
public record StreamSettings(String appName, String host, int port) {

    public static final String APP_NAME = "Socket Course";
    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = 9999;

    public static final String USAGE = "usage: [host] [port]   (defaults: " + DEFAULT_HOST + " " + DEFAULT_PORT + ")";

    /**
     * The settings of this run, from {@code [host] [port]}, checked before Spark starts: a bad
     * argument ends the app with a message naming it (status 2), and a Java release that the Spark
     * on the classpath cannot run on ends it too (status 1).
     */
    public static StreamSettings fromCommandLine(String... args) {
        StreamSettings settings;
        try {
            settings = fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return null;
        }
        Preflight.checkJavaAndCharset();
        return settings;
    }

    /**
     * Reads {@code [host] [port]} the way Spark's own network examples take them.
     *
     * @throws IllegalArgumentException naming the bad argument and what is allowed instead
     */
    public static StreamSettings fromArgs(String... args) {
        if (args.length > 2) {
            throw new IllegalArgumentException("expected at most 2 arguments, [host] [port], but got " + args.length);
        }
        String host = args.length >= 1 ? parseHost(args[0]) : DEFAULT_HOST;
        int port = args.length >= 2 ? parsePort(args[1]) : DEFAULT_PORT;
        return new StreamSettings(APP_NAME, host, port);
    }

    static String parseHost(String text) {
        String host = text.strip();
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("host '" + text + "' is not a host name or IP address;"
                    + " give one such as localhost or 127.0.0.1");
        }
        return host;
    }

    public static int parsePort(String text) {
        int port;
        try {
            port = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port '" + text + "' is not a TCP port;"
                    + " give a whole number from 1 to 65535, such as " + DEFAULT_PORT);
        }
        return port;
    }

    /** host:port, with brackets around an IPv6 address. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
