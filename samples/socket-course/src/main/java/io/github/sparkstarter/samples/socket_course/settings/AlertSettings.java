package io.github.sparkstarter.samples.socket_course.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.github.sparkstarter.samples.socket_course.support.CheckpointOwner;
import io.github.sparkstarter.samples.socket_course.support.CommandLine;
import io.github.sparkstarter.samples.socket_course.support.KafkaBrokerCheck;
import io.github.sparkstarter.samples.socket_course.tools.KafkaSend;

/**
 * Where lesson 6 reads and writes, from {@code --bootstrap-servers HOST:PORT --topic NAME
 * --database FILE --checkpoint DIR}, checked before Spark starts: the broker and topic that
 * kafka-send fills (localhost:9092, payments), the H2 database file without its ".mv.db" ending
 * (saved/alerts) and the queries' checkpoints (saved/alerts-checkpoint).
 */
public record AlertSettings(String bootstrapServers, String topic, Path database, Path checkpoint) {

    public static final String DEFAULT_TOPIC = "payments";

    public static final String USAGE = "usage: [--bootstrap-servers HOST:PORT] [--topic NAME] [--database FILE] [--checkpoint DIR]"
            + "   (defaults: " + KafkaBrokerCheck.DEFAULT_SERVERS + " " + DEFAULT_TOPIC + " saved/alerts saved/alerts-checkpoint)";

    public static final String SHOW_USAGE = "usage: [--database FILE]   (default: saved/alerts)";

    /** The settings of this run; a bad argument or set-up ends the app with a message naming it (status 2). */
    public static AlertSettings fromCommandLineOrExit(String... args) {
        return CommandLine.readOrExit(USAGE, args, given -> {
            AlertSettings settings = fromArgs(given);
            settings.check();
            return settings;
        });
    }

    /** Only the database, for show-alerts: {@code [--database FILE]}. */
    public static Path databaseFromCommandLineOrExit(String... args) {
        return CommandLine.readOrExit(SHOW_USAGE, args,
                given -> stripEnding(Path.of(CommandLine.parse(given, 0, "database").option("database", "saved/alerts"))));
    }

    /** @throws IllegalArgumentException naming the bad argument and what is allowed instead */
    public static AlertSettings fromArgs(String... args) {
        CommandLine line = CommandLine.parse(args, 0, "bootstrap-servers", "topic", "database", "checkpoint");
        return new AlertSettings(KafkaBrokerCheck.parseServers(line.option("bootstrap-servers", KafkaBrokerCheck.DEFAULT_SERVERS)),
                KafkaBrokerCheck.parseTopic(line.option("topic", DEFAULT_TOPIC)),
                stripEnding(Path.of(line.option("database", "saved/alerts"))),
                Path.of(line.option("checkpoint", "saved/alerts-checkpoint")));
    }

    /** H2 adds ".mv.db" to the name it is given: saved/alerts.mv.db and saved/alerts name the same file. */
    private static Path stripEnding(Path database) {
        String name = database.toString();
        return name.endsWith(".mv.db") ? Path.of(name.substring(0, name.length() - ".mv.db".length())) : database;
    }

    /** The file H2 keeps the database in. */
    public Path databaseFile() {
        return Path.of(database + ".mv.db");
    }

    /** The command that sends the sample's payments to this topic, keyed by card (the third field). */
    public String sendCommand() {
        return "mvn -q compile exec:java@kafka-send -Dexec.args=\"--topic " + topic + " --file data/transactions.csv --key-field 3 --rate 20\"";
    }

    /**
     * Ends the app (status 1) with one line when no broker answers; creates the topic if it is
     * missing, with the partitions kafka-send gives a topic, so that the app can start before the
     * first payment is sent and read every payment from the topic's first offset.
     */
    public void createTopicOrExit() {
        createTopicOrExit(bootstrapServers, topic);
    }

    /** As {@link #createTopicOrExit()}, for another lesson that reads this lesson's topic. */
    public static void createTopicOrExit(String bootstrapServers, String topic) {
        String problem = KafkaSend.createTopicIfMissing(bootstrapServers, topic, KafkaSend.DEFAULT_PARTITIONS);
        if (problem != null) {
            System.err.println("error: " + problem);
            System.exit(1);
        }
    }

    /**
     * Creates the checkpoint for this topic and database, or checks that it is theirs, and locks it
     * for the life of this process, as lessons 4 and 5 do (support/CheckpointOwner); otherwise ends
     * the app (status 2) with one line naming the directory and the fix.
     */
    public void lockCheckpointOrExit() {
        Path absolute = database.toAbsolutePath().normalize();
        CheckpointOwner.lockOrExit(() -> CheckpointOwner.createAndLock(checkpoint, absolute.getParent(),
                "lesson=6\ntopic=" + topic + "\ndatabase=" + absolute + "\n", "lesson 6"));
    }

    /** The one line for a query stopped by a broker that went away, as in lesson 5; else empty. */
    public Optional<String> brokerGone(Throwable failure) {
        return new KafkaSettings(bootstrapServers, topic, databaseFile(), checkpoint, false).brokerGone(failure);
    }

    /**
     * @throws IllegalArgumentException naming the path, what is wrong and what to do
     */
    void check() {
        if (Files.isDirectory(checkpoint) && !Files.exists(databaseFile())) {
            // The checkpoint says which alerts were written already: Spark would not write them again.
            throw new IllegalArgumentException("the checkpoint '" + checkpoint + "' belongs to a database that is gone ('"
                    + databaseFile() + "'), so the alerts saved before would never come back. Delete '" + checkpoint
                    + "' too to start over, or name another database with --database FILE");
        }
    }
}
