package org.example.iot.sensors.settings;

import java.util.List;

import org.example.iot.sensors.support.CommandLine;

/**
 * Where the stream comes from: the app name chosen at generation, and the host and port of the line
 * server, which the command line may override. Change the defaults here.
 */
public record StreamSettings(String appName, String host, int port) {

    public static final String APP_NAME = "Sensor Stream 传感器";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7777;

    public static final String USAGE = "usage: [host] [port], or [port], or [host:port]   (defaults: "
            + DEFAULT_HOST + " " + DEFAULT_PORT + ")";

    /** The settings of this run, from the command line; a bad argument ends the app (status 2). */
    public static StreamSettings fromCommandLineOrExit(String... args) {
        return CommandLine.readOrExit(USAGE, args, StreamSettings::fromArgs);
    }

    /**
     * Reads {@code [host] [port]} the way Spark's own network examples take them; one argument
     * alone is a port when it is a whole number (as scripts/netcat-server.sh takes it), host:port
     * when it has one colon or the form [IPv6]:port, and a host otherwise.
     *
     * @throws IllegalArgumentException naming the bad argument and what is allowed instead
     */
    public static StreamSettings fromArgs(String... args) {
        return fromValues(CommandLine.parse(args, 2).positional());
    }

    static StreamSettings fromValues(List<String> values) {
        if (values.size() == 2) {
            return new StreamSettings(APP_NAME, parseHost(values.get(0)), parsePort(values.get(1)));
        }
        if (values.isEmpty()) {
            return new StreamSettings(APP_NAME, DEFAULT_HOST, DEFAULT_PORT);
        }
        String one = values.get(0);
        if (one.strip().matches("[0-9]+")) {
            return new StreamSettings(APP_NAME, DEFAULT_HOST, parsePort(one));
        }
        int colon = one.lastIndexOf(':');
        boolean bracketed = one.startsWith("[") && one.contains("]:");
        if (colon > 0 && (bracketed || one.indexOf(':') == colon)) {
            String host = one.substring(0, colon).replaceAll("^\\[(.*)\\]$", "$1");
            return new StreamSettings(APP_NAME, parseHost(host), parsePort(one.substring(colon + 1)));
        }
        return new StreamSettings(APP_NAME, parseHost(one.replaceAll("^\\[(.*)\\]$", "$1")), DEFAULT_PORT);
    }

    static String parseHost(String text) {
        String host = text.strip();
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace) || host.contains("/")) {
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
