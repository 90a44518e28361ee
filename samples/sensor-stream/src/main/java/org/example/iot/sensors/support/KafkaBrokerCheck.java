package org.example.iot.sensors.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * A Kafka broker's address and topic names, read from the command line, and whether the broker
 * answers, asked with a bounded wait: Kafka's clients retry for ever, so a program that did not ask
 * first would hang when no broker answers. Used by the Kafka lessons' settings and by the producer
 * tool, kafka-send; each problem is one line that says what to do.
 */
public final class KafkaBrokerCheck {

    public static final String DEFAULT_SERVERS = "localhost:9092";

    /**
     * How long the checks wait for the broker before they give up; the lessons give Kafka's
     * clients the same bound for each call, so that a broker gone mid-stream ends the query too.
     */
    public static final Duration BROKER_WAIT = Duration.ofSeconds(10);

    /** The command that starts the project's own broker, named in the messages. */
    public static final String START_BROKER = "mvn -q compile exec:java@kafka-broker";

    private KafkaBrokerCheck() {
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

    /** The one line for a broker that does not answer at servers, saying how to start one. */
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
