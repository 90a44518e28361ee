package org.example.iot.sensors.settings;

import org.apache.spark.sql.streaming.Trigger;

import org.example.iot.sensors.support.CommandLine;

/**
 * TunedEchoApp's command line: the line server, as for the lessons, and the two settings
 * {@code --partitions N} and {@code --trigger continuous} or an interval such as {@code "2 seconds"}.
 */
public record Tuning(StreamSettings source, int sourcePartitions, Trigger trigger) {

    public static final String USAGE = "usage: [host] [port] [--partitions N] [--trigger continuous|INTERVAL]"
            + "   (defaults: " + StreamSettings.DEFAULT_HOST + " " + StreamSettings.DEFAULT_PORT + ", 1 partition,"
            + " a micro-batch as soon as lines arrive)";

    /** The settings of this run; a bad one ends the app with a message naming it (status 2). */
    public static Tuning fromCommandLineOrExit(String... args) {
        return CommandLine.readOrExit(USAGE, args, Tuning::fromArgs);
    }

    /** @throws IllegalArgumentException naming the bad argument and what is allowed instead */
    public static Tuning fromArgs(String... args) {
        CommandLine line = CommandLine.parse(args, 2, "partitions", "trigger");
        return new Tuning(StreamSettings.fromValues(line.positional()),
                sourcePartitions(line.option("partitions", null)), trigger(line.option("trigger", null)));
    }

    /**
     * 1, which keeps the lines in arrival order, unless the setting gives more. Spark's socket
     * reader (3.5 and 4.2 alike) takes time growing with the square of a partition's rows, so a
     * burst of 50,000 lines is read 3 to 10 times faster into 2 partitions than into 1 (see the
     * archetype's benchmark).
     */
    static int sourcePartitions(String setting) {
        if (setting == null || setting.isBlank()) {
            return 1;
        }
        try {
            int partitions = Integer.parseInt(setting.strip());
            if (partitions >= 1) {
                return partitions;
            }
        } catch (NumberFormatException e) {
            // Reported below, with what is allowed.
        }
        throw new IllegalArgumentException("--partitions '" + setting + "' is not a whole number"
                + " from 1 up; 1, the default, keeps the lines in arrival order");
    }

    /**
     * A micro-batch as soon as data is there, unless the setting gives an interval such as
     * "100 milliseconds" (a micro-batch at most that often), or "continuous" (continuous
     * processing, for queries without aggregations such as the echo; an epoch every 100 ms).
     */
    static Trigger trigger(String setting) {
        if (setting == null || setting.isBlank()) {
            return Trigger.ProcessingTime(0);
        }
        if (setting.strip().equals("continuous")) {
            return Trigger.Continuous("100 milliseconds");
        }
        try {
            return Trigger.ProcessingTime(setting.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--trigger '" + setting + "' is neither an interval"
                    + " such as \"100 milliseconds\" nor \"continuous\"");
        }
    }
}
