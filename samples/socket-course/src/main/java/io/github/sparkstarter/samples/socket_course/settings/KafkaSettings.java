package io.github.sparkstarter.samples.socket_course.settings;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;

import io.github.sparkstarter.samples.socket_course.support.CheckpointOwner;
import io.github.sparkstarter.samples.socket_course.support.CommandLine;
import io.github.sparkstarter.samples.socket_course.support.KafkaBrokerCheck;
import io.github.sparkstarter.samples.socket_course.tools.KafkaSend;

/**
 * Where lesson 5 reads and writes, from the command line, checked before Spark starts:
 * {@code [--bootstrap-servers HOST:PORT] [--topic NAME] [--output DIR] [--checkpoint DIR] [--show]}.
 * Then {@link #checkBrokerAndTopicOrExit()} asks the broker, with a bounded wait
 * ({@link KafkaBrokerCheck}). The topic is by default the one kafka-send fills.
 */
public record KafkaSettings(String bootstrapServers, String topic, Path output, Path checkpoint, boolean show) {

    public static final String USAGE = "usage: [--bootstrap-servers HOST:PORT] [--topic NAME] [--output DIR]"
            + " [--checkpoint DIR] [--show]   (defaults: " + KafkaBrokerCheck.DEFAULT_SERVERS + " " + KafkaSend.DEFAULT_TOPIC
            + " saved/kafka-lines saved/kafka-checkpoint)";

    /** The settings of this run; a bad argument ends the app with a message naming it (status 2). */
    public static KafkaSettings fromCommandLineOrExit(String... args) {
        return CommandLine.readOrExit(USAGE, args, KafkaSettings::fromArgs);
    }

    /** @throws IllegalArgumentException naming the bad argument and what is allowed instead */
    public static KafkaSettings fromArgs(String... args) {
        CommandLine line = CommandLine.parse(args, 0, "bootstrap-servers", "topic", "output", "checkpoint", "show" + CommandLine.FLAG_SUFFIX);
        return new KafkaSettings(KafkaBrokerCheck.parseServers(line.option("bootstrap-servers", KafkaBrokerCheck.DEFAULT_SERVERS)),
                KafkaBrokerCheck.parseTopic(line.option("topic", KafkaSend.DEFAULT_TOPIC)),
                Path.of(line.option("output", "saved/kafka-lines")), Path.of(line.option("checkpoint", "saved/kafka-checkpoint")),
                line.flag("show"));
    }

    /**
     * Before Spark starts: creates the output and checkpoint directories, or checks that the
     * checkpoint is this query's (this topic, this output), and locks it for the life of this
     * process, as lesson 4 does; otherwise ends the app (status 2) with one line naming the
     * directory and the fix. A checkpoint of another topic would hold offsets of partitions this
     * one does not have.
     */
    public void lockCheckpointOrExit() {
        CheckpointOwner.lockOrExit(this::lockCheckpoint);
    }

    /** @throws IllegalArgumentException naming the directory, what is wrong and what to do */
    void lockCheckpoint() {
        CheckpointOwner.createAndLock(checkpoint, output, "lesson=5\ntopic=" + topic + "\noutput=" + output.toAbsolutePath().normalize() + "\n",
                "lesson 5");
    }

    /**
     * Real-time mode's checkpoint: beside the micro-batch one, one for each topic, such as
     * saved/kafka-checkpoint-realtime-lines. A checkpoint holds offsets of one topic's partitions,
     * so reading another topic from it would fail ("Partitions ... have been deleted").
     */
    public Path realTimeCheckpoint() {
        return checkpoint.resolveSibling(checkpoint.getFileName() + "-realtime-" + topic);
    }

    /** As {@link #lockCheckpointOrExit()}, for real-time mode, which prints its rows and saves no files. */
    public void lockRealTimeCheckpointOrExit() {
        CheckpointOwner.lockOrExit(this::lockRealTimeCheckpoint);
    }

    /** @throws IllegalArgumentException naming the directory, what is wrong and what to do */
    void lockRealTimeCheckpoint() {
        CheckpointOwner.createAndLock(realTimeCheckpoint(), null, "lesson=5 real-time\ntopic=" + topic + "\n", "lesson 5 in real-time mode");
    }

    /**
     * Ends the app (status 1) with one line saying what to do when the topic has more partitions
     * than Spark has cores: in real-time mode each partition's task holds a core for the whole
     * batch, so a partition without one would never be read, and nothing would say so.
     */
    public void checkCoresForRealTimeOrExit(int cores) {
        Admin admin = null;
        String problem;
        try {
            admin = KafkaBrokerCheck.admin(bootstrapServers);
            problem = tooFewCores(topic, KafkaBrokerCheck.partitionsOf(admin, topic), cores);
        } catch (KafkaException | ExecutionException | TimeoutException e) {
            problem = KafkaBrokerCheck.noBrokerAt(bootstrapServers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        } finally {
            KafkaBrokerCheck.close(admin);
        }
        if (problem != null) {
            System.err.println("error: " + problem);
            System.exit(1);
        }
    }

    /** Null when each of the topic's partitions gets a core of its own, else what to do. */
    static String tooFewCores(String topic, int partitions, int cores) {
        if (partitions <= cores) {
            return null;
        }
        return "topic '" + topic + "' has " + partitions + " partitions and Spark has " + cores + " cores here: real-time"
                + " mode needs a core for each partition, or " + (partitions - cores) + " of them would never be read."
                + " Send to a topic of " + cores + " partition" + (cores == 1 ? "" : "s") + " or fewer (mvn -q compile"
                + " exec:java@kafka-send -Dexec.args=\"--topic lines-1 --partitions 1\") and read it:"
                + " -Dexec.args=\"--topic lines-1\"";
    }

    /**
     * Ends the app (status 1) with one line naming the address and what to do, when no broker
     * answers there within {@link KafkaBrokerCheck#BROKER_WAIT}, or when it has no such topic.
     */
    public void checkBrokerAndTopicOrExit() {
        String problem = whyNotReadable(bootstrapServers, topic);
        if (problem != null) {
            System.err.println("error: " + problem);
            System.exit(1);
        }
    }

    /** Null when a broker answers at servers and has the topic, else what is wrong and what to do. */
    public static String whyNotReadable(String servers, String topic) {
        Admin admin = null;
        try {
            admin = KafkaBrokerCheck.admin(servers);
            String noBroker = KafkaBrokerCheck.whyNoBroker(admin, servers);
            if (noBroker != null) {
                return noBroker;
            }
            if (!admin.listTopics().names().get(KafkaBrokerCheck.BROKER_WAIT.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
                return "the Kafka broker at " + servers + " has no topic '" + topic + "'. Send lines to it first (this"
                        + " creates it): mvn -q compile exec:java@kafka-send, or name another with --topic NAME";
            }
            return null;
        } catch (KafkaException e) {
            return KafkaBrokerCheck.cannotConnect(servers, e);
        } catch (ExecutionException | TimeoutException e) {
            return KafkaBrokerCheck.noBrokerAt(servers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            KafkaBrokerCheck.close(admin);
        }
    }

    /**
     * The one line for a query that failed because the broker stopped answering, else empty: a
     * Kafka client that gave up waiting for it (Kafka's TimeoutException, from the driver's offset
     * requests or a task's consumer), or a task that fetched nothing within its poll timeout
     * (Spark's own "Cannot fetch record for offset"). Any other failure keeps its stack trace.
     */
    public Optional<String> brokerGone(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException
                    || cause instanceof TimeoutException && String.valueOf(cause.getMessage()).startsWith("Cannot fetch record")) {
                return Optional.of("the Kafka broker at " + bootstrapServers + " stopped answering, so the query"
                        + " stopped. The records saved so far in " + output + " are kept. Start the broker again: "
                        + KafkaBrokerCheck.START_BROKER + ", then run this lesson again: it goes on from its checkpoint, " + checkpoint);
            }
        }
        return Optional.empty();
    }
}
