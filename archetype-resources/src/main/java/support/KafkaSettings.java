package ${package}.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Where lesson 5 reads and writes, from the command line, checked before Spark starts:
 * {@code [--bootstrap-servers HOST:PORT] [--topic NAME] [--output DIR] [--checkpoint DIR] [--show]}.
 * Then {@link #checkBrokerAndTopicOrExit()} asks the broker, with a bounded wait: Kafka's clients retry
 * for ever, so an app that did not ask first would hang when no broker answers.
 */
public record KafkaSettings(String bootstrapServers, String topic, Path output, Path checkpoint, boolean show) {

    public static final String DEFAULT_SERVERS = "localhost:9092";
    public static final String DEFAULT_TOPIC = "lines";

    public static final String USAGE = "usage: [--bootstrap-servers HOST:PORT] [--topic NAME] [--output DIR]"
            + " [--checkpoint DIR] [--show]   (defaults: " + DEFAULT_SERVERS + " " + DEFAULT_TOPIC
            + " saved/kafka-lines saved/kafka-checkpoint)";

    /**
     * How long the checks wait for the broker before they give up; the lesson gives Kafka's
     * clients the same bound for each call, so that a broker gone mid-stream ends the query too.
     */
    public static final Duration BROKER_WAIT = Duration.ofSeconds(10);

    /** The command that starts the project's own broker, named in the messages. */
    public static final String START_BROKER = "mvn -q compile exec:java@kafka-broker";

    /** The settings of this run; a bad argument ends the app with a message naming it (status 2). */
    public static KafkaSettings fromCommandLineOrExit(String... args) {
        return CommandLine.readOrExit(USAGE, args, KafkaSettings::fromArgs);
    }

    /** @throws IllegalArgumentException naming the bad argument and what is allowed instead */
    public static KafkaSettings fromArgs(String... args) {
        CommandLine line = CommandLine.parse(args, 0, "bootstrap-servers", "topic", "output", "checkpoint", "show" + CommandLine.FLAG_SUFFIX);
        return new KafkaSettings(parseServers(line.option("bootstrap-servers", DEFAULT_SERVERS)),
                parseTopic(line.option("topic", DEFAULT_TOPIC)),
                Path.of(line.option("output", "saved/kafka-lines")), Path.of(line.option("checkpoint", "saved/kafka-checkpoint")),
                line.flag("show"));
    }

    /** HOST:PORT, or several separated by commas, as Kafka's bootstrap.servers takes them. */
    public static String parseServers(String text) {
        for (String server : text.split(",", -1)) {
            int colon = server.lastIndexOf(':');
            String host = colon < 0 ? "" : server.substring(0, colon);
            String port = colon < 0 ? "" : server.substring(colon + 1);
            if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace) || !port.matches("[1-9][0-9]{0,4}")
                    || Integer.parseInt(port) > 65535) {
                throw new IllegalArgumentException("bootstrap server '" + server + "' is not HOST:PORT;"
                        + " give one such as localhost:9092");
            }
        }
        return text;
    }

    /** Kafka's rule for topic names. */
    public static String parseTopic(String text) {
        if (!text.matches("[A-Za-z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("topic '" + text + "' is not a Kafka topic name: use 1 to 249 letters,"
                    + " digits, '.', '_' or '-'");
        }
        return text;
    }

    /**
     * Before Spark starts: creates the output and checkpoint directories, or checks that the
     * checkpoint is this query's (this topic, this output), and locks it for the life of this
     * process, as lesson 4 does; otherwise ends the app (status 2) with one line naming the
     * directory and the fix. A checkpoint of another topic would hold offsets of partitions this
     * one does not have.
     */
    public void lockCheckpointOrExit() {
        try {
            lockCheckpoint();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
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
        try {
            lockRealTimeCheckpoint();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
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
            admin = admin(bootstrapServers);
            problem = tooFewCores(topic, partitionsOf(admin, topic), cores);
        } catch (KafkaException | ExecutionException | TimeoutException e) {
            problem = noBrokerAt(bootstrapServers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        } finally {
            close(admin);
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

    /** The topic's number of partitions, 0 when there is no such topic; each call bounded by BROKER_WAIT. */
    public static int partitionsOf(Admin admin, String topic) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(BROKER_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic).partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw e;
        }
    }

    /**
     * Ends the app (status 1) with one line naming the address and what to do, when no broker
     * answers there within {@link #BROKER_WAIT}, or when it has no such topic.
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
            admin = admin(servers);
            String noBroker = whyNoBroker(admin, servers);
            if (noBroker != null) {
                return noBroker;
            }
            if (!admin.listTopics().names().get(BROKER_WAIT.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
                return "the Kafka broker at " + servers + " has no topic '" + topic + "'. Send lines to it first (this"
                        + " creates it): mvn -q compile exec:java@kafka-send, or name another with --topic NAME";
            }
            return null;
        } catch (KafkaException e) {
            return cannotConnect(servers, e);
        } catch (ExecutionException | TimeoutException e) {
            return noBrokerAt(servers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            close(admin);
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
                        + START_BROKER + ", then run this lesson again: it goes on from its checkpoint, " + checkpoint);
            }
        }
        return Optional.empty();
    }

    /** Closes without waiting for calls still retrying (close() would wait for their timeouts). */
    public static void close(Admin admin) {
        if (admin != null) {
            admin.close(Duration.ZERO);
        }
    }

    /** Null when a broker answers at servers within the bounded wait, else the one-line message. */
    public static String whyNoBroker(Admin admin, String servers) throws InterruptedException {
        try {
            admin.describeCluster().clusterId().get(BROKER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return noBrokerAt(servers);
        }
    }

    public static String noBrokerAt(String servers) {
        return "no Kafka broker answers at " + servers + " (waited " + BROKER_WAIT.toSeconds() + " s). Start the"
                + " project's broker in another terminal: " + START_BROKER + ", or name another with --bootstrap-servers HOST:PORT";
    }

    /** Kafka refuses an address it cannot resolve when the client is created. */
    public static String cannotConnect(String servers, KafkaException e) {
        return "cannot use the Kafka address " + servers + " (" + FailureReport.rootCause(e).getMessage() + ")."
                + " Give one such as localhost:9092 with --bootstrap-servers HOST:PORT";
    }

    /** An admin client whose every call gives up after the bounded wait. */
    public static Admin admin(String servers) {
        int wait = (int) BROKER_WAIT.toMillis();
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, wait,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, wait,
                // Not from 50 ms: a missing broker would be asked again and again within the wait.
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 500,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
    }
}
