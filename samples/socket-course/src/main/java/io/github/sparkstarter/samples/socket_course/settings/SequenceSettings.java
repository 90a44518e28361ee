package io.github.sparkstarter.samples.socket_course.settings;

import java.nio.file.Path;
import java.util.Optional;

import io.github.sparkstarter.samples.socket_course.support.CheckpointOwner;
import io.github.sparkstarter.samples.socket_course.support.CommandLine;
import io.github.sparkstarter.samples.socket_course.support.KafkaBrokerCheck;

/**
 * Where lesson 7 reads and writes, from {@code [--bootstrap-servers HOST:PORT] [--topic NAME]
 * [--output DIR] [--checkpoint DIR]}, checked before Spark starts: the broker and topic of lesson 6
 * (localhost:9092, payments), the alerts and rejected lines (saved/sequences/alerts and
 * saved/sequences/rejected) and the queries' checkpoints (saved/sequences-checkpoint).
 */
public record SequenceSettings(String bootstrapServers, String topic, Path output, Path checkpoint) {

    public static final String USAGE = "usage: [--bootstrap-servers HOST:PORT] [--topic NAME] [--output DIR] [--checkpoint DIR]"
            + "   (defaults: " + KafkaBrokerCheck.DEFAULT_SERVERS + " " + AlertSettings.DEFAULT_TOPIC
            + " saved/sequences saved/sequences-checkpoint)";

    public static final String SHOW_USAGE = "usage: [--output DIR] [--checkpoint DIR]   (defaults: saved/sequences saved/sequences-checkpoint)";

    /** The settings of this run; a bad argument ends the app with a message naming it (status 2). */
    public static SequenceSettings fromCommandLineOrExit(String... args) {
        return CommandLine.readOrExit(USAGE, args, SequenceSettings::fromArgs);
    }

    /** Only where the app saved, for show-sequences: {@code [--output DIR] [--checkpoint DIR]}. */
    public static SequenceSettings savedFromCommandLineOrExit(String... args) {
        return CommandLine.readOrExit(SHOW_USAGE, args, given -> {
            CommandLine line = CommandLine.parse(given, 0, "output", "checkpoint");
            return new SequenceSettings(KafkaBrokerCheck.DEFAULT_SERVERS, AlertSettings.DEFAULT_TOPIC,
                    Path.of(line.option("output", "saved/sequences")), Path.of(line.option("checkpoint", "saved/sequences-checkpoint")));
        });
    }

    /** @throws IllegalArgumentException naming the bad argument and what is allowed instead */
    public static SequenceSettings fromArgs(String... args) {
        CommandLine line = CommandLine.parse(args, 0, "bootstrap-servers", "topic", "output", "checkpoint");
        return new SequenceSettings(KafkaBrokerCheck.parseServers(line.option("bootstrap-servers", KafkaBrokerCheck.DEFAULT_SERVERS)),
                KafkaBrokerCheck.parseTopic(line.option("topic", AlertSettings.DEFAULT_TOPIC)),
                Path.of(line.option("output", "saved/sequences")), Path.of(line.option("checkpoint", "saved/sequences-checkpoint")));
    }

    /** The folder of a query's saved rows: "alerts" or "rejected". */
    public Path output(String query) {
        return output.resolve(query);
    }

    /** The folder of a query's checkpoint: "alerts" or "rejected". */
    public Path checkpoint(String query) {
        return checkpoint.resolve(query);
    }

    /** Ends the app (status 1) with one line when no broker answers; creates the topic if it is missing, as lesson 6 does. */
    public void createTopicOrExit() {
        AlertSettings.createTopicOrExit(bootstrapServers, topic);
    }

    /**
     * Creates the output and checkpoint directories, or checks that the checkpoint is this
     * query's (this topic, this output), and locks it for the life of this process, as lessons 4
     * to 6 do (support/CheckpointOwner); otherwise ends the app (status 2) with one line naming the
     * directory and the fix.
     */
    public void lockCheckpointOrExit() {
        CheckpointOwner.lockOrExit(this::lockCheckpoint);
    }

    /** @throws IllegalArgumentException naming the directory, what is wrong and what to do */
    void lockCheckpoint() {
        // The alerts' folder is the one checked: a checkpoint gone while its saved alerts remain is refused.
        CheckpointOwner.createAndLock(checkpoint, output("alerts"), "lesson=7\ntopic=" + topic + "\noutput=" + output.toAbsolutePath().normalize()
                + "\n", "lesson 7");
    }

    /** The one line for a query stopped by a broker that went away, as in lesson 5; else empty. */
    public Optional<String> brokerGone(Throwable failure) {
        return new KafkaSettings(bootstrapServers, topic, output, checkpoint, false).brokerGone(failure);
    }
}
