package io.github.sparkstarter.samples.socket_course.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import io.github.sparkstarter.samples.socket_course.support.CommandLine;
import io.github.sparkstarter.samples.socket_course.support.KafkaBrokerCheck;

/**
 * Puts lines into a Kafka topic with nothing installed: the lines typed (as Kafka's console
 * producer does), or the lines of a file at a steady rate (as scripts/send-sample.sh does for the
 * socket). A missing topic is created, with 3 partitions unless {@code --partitions} says
 * otherwise; an existing topic keeps the partitions it has, and a {@code --partitions} that
 * disagrees with them is refused.
 *
 * <p>Run it: {@code mvn -q compile exec:java@kafka-send} and type lines (Ctrl-D ends), or
 * {@code mvn -q compile exec:java@kafka-send -Dexec.args="--file data/sensors.csv --rate 10 --key-field 2"}.
 *
 * <p>Which partition a line goes to: with {@code --key-field N}, the Nth comma-separated field is
 * the record's key, and Kafka puts all records of one key in one partition (by a hash of the key),
 * so the lines of one sensor stay in order. Without a key, the lines go to the topic's partitions
 * in turn.
 *
 * <p>It never waits in silence: every wait for the broker is bounded (Kafka's producer would
 * otherwise block for a minute on a partition or a broker that is not there), and a wait for the
 * broker's acknowledgements longer than a moment is announced. Ctrl-C says how many lines were
 * sent and acknowledged.
 */
public final class KafkaSend {

    /** The topic sent to without --topic, the one lesson 5 reads by default. */
    public static final String DEFAULT_TOPIC = "lines";

    /** Partitions of a topic created without --partitions. */
    public static final int DEFAULT_PARTITIONS = 3;

    public static final String USAGE = "usage: [--bootstrap-servers HOST:PORT] [--topic NAME] [--partitions N]"
            + " [--file FILE [--rate LINES_PER_SECOND]] [--key-field N]   (defaults: " + KafkaBrokerCheck.DEFAULT_SERVERS
            + " " + DEFAULT_TOPIC + ", the topic's partitions or " + DEFAULT_PARTITIONS
            + " for a new one, typed lines, 5 a second, no key)";

    /** How long the producer waits for the broker: to take a record, and to acknowledge it. */
    static final Duration SEND_WAIT = KafkaBrokerCheck.BROKER_WAIT;
    static final Duration DELIVERY_WAIT = SEND_WAIT.multipliedBy(2);

    private KafkaSend() {
    }

    public static void main(String[] args) throws Exception {
        Options options = CommandLine.readOrExit(USAGE, args, Options::fromArgs);
        String servers = options.servers();
        String topic = options.topic();
        Target target = prepareTopic(servers, topic, options.partitions());
        if (target.problem() != null) {
            System.err.println("error: " + target.problem());
            System.exit(1);
        }
        Deliveries deliveries = new Deliveries();
        KafkaProducer<String, String> producer = producer(servers);
        // Ctrl-C: the lines handed to the producer are sent before it ends, and the count is said.
        Thread onCtrlC = new Thread(() -> {
            deliveries.awaitAll(servers);
            System.out.println("Stopped: " + deliveries.summary(topic));
        }, "kafka-send-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        String failure;
        try {
            failure = send(options, target.partitions(), producer, deliveries);
            if (failure == null) {
                failure = deliveries.awaitAll(servers);
            }
        } catch (KafkaException e) {
            failure = "the broker at " + servers + " did not take a line within " + SEND_WAIT.toSeconds() + " s ("
                    + e.getMessage() + ")";
        }
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
        producer.close(Duration.ZERO);
        if (failure != null) {
            System.err.println("error: " + failure + ". " + deliveries.summary(topic) + ". Is the broker running? "
                    + KafkaBrokerCheck.START_BROKER);
            System.exit(1);
        }
        System.out.println("Sent " + deliveries.acknowledged() + (deliveries.acknowledged() == 1 ? " line" : " lines") + " to topic '" + topic + "'.");
    }

    /** Sends the typed lines or the file's; null when all were handed over, else why it stopped. */
    private static String send(Options options, int partitions, KafkaProducer<String, String> producer, Deliveries deliveries)
            throws IOException, InterruptedException {
        String topic = options.topic();
        if (options.file() == null) {
            System.out.println("Type lines; each goes to topic '" + topic + "' (" + partitions(partitions) + ") at "
                    + options.servers() + ". Ctrl-D ends.");
            BufferedReader typed = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = typed.readLine()) != null; ) {
                if (deliveries.failure() != null) {
                    return deliveries.failure();
                }
                deliveries.send(producer, record(topic, partitions, deliveries.sent(), options.keyField(), line));
            }
            return null;
        }
        List<String> lines = Files.readAllLines(options.file(), StandardCharsets.UTF_8);
        System.out.println("Sending the " + lines.size() + " lines of " + options.file() + " to topic '" + topic + "' ("
                + partitions(partitions) + ") at " + options.servers() + ", " + options.rate() + " a second.");
        long start = System.nanoTime();
        for (String line : lines) {
            if (deliveries.failure() != null) {
                return deliveries.failure();
            }
            // The line's planned time, so that the rate holds however long a send takes.
            long due = start + (long) (deliveries.sent() * 1e9 / options.rate());
            TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
            deliveries.send(producer, record(topic, partitions, deliveries.sent(), options.keyField(), line));
        }
        return null;
    }

    /**
     * The lines handed to the producer and what the broker answered for each: a line counts as
     * sent once the broker has acknowledged it.
     */
    static final class Deliveries {
        private int handed;
        private int acknowledged;
        private int answered;
        private String failure;

        void send(KafkaProducer<String, String> producer, ProducerRecord<String, String> record) {
            synchronized (this) {
                handed++;
            }
            producer.send(record, (meta, e) -> answered(e));
        }

        private synchronized void answered(Exception e) {
            answered++;
            if (e == null) {
                acknowledged++;
            } else if (failure == null) {
                failure = "a line was not acknowledged by the broker (" + e.getMessage() + ")";
            }
            notifyAll();
        }

        synchronized int sent() {
            return handed;
        }

        synchronized int acknowledged() {
            return acknowledged;
        }

        synchronized String failure() {
            return failure;
        }

        /**
         * Waits until the broker has answered for every line handed over; the producer's delivery
         * timeout bounds it, since a line not acknowledged in time is answered with an error. Says
         * so when it takes longer than a moment. Null when all were acknowledged, else why not.
         */
        synchronized String awaitAll(String servers) {
            boolean told = false;
            long start = System.nanoTime();
            long deadline = start + DELIVERY_WAIT.plusSeconds(5).toNanos();
            try {
                while (answered < handed && System.nanoTime() < deadline) {
                    wait(200);
                    // Acknowledgements take milliseconds: a second without them is worth saying.
                    if (!told && answered < handed && System.nanoTime() - start > 1_000_000_000L) {
                        System.out.println("Waiting for the broker at " + servers + " to acknowledge " + (handed - answered)
                                + " more lines (at most " + DELIVERY_WAIT.toSeconds() + " s)...");
                        told = true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure == null && answered < handed) {
                failure = (handed - answered) + " lines were not acknowledged by the broker at " + servers;
            }
            return failure;
        }

        /** Such as "12 lines sent to topic 'lines' and acknowledged by the broker". */
        synchronized String summary(String topic) {
            String summary = acknowledged + " lines sent to topic '" + topic + "' and acknowledged by the broker";
            return handed == acknowledged ? summary : summary + ", " + (handed - acknowledged) + " not";
        }
    }

    /** The command line: where to send, and what; partitions 0 when not given, file null for typed lines, keyField 0 for no key. */
    record Options(String servers, String topic, int partitions, Path file, double rate, int keyField) {

        /** @throws IllegalArgumentException naming the bad argument and what is allowed instead */
        static Options fromArgs(String... args) {
            CommandLine line = CommandLine.parse(args, 0, "bootstrap-servers", "topic", "partitions", "file", "rate", "key-field");
            String partitions = line.option("partitions", null);
            String file = line.option("file", null);
            String keyField = line.option("key-field", null);
            return new Options(KafkaBrokerCheck.parseServers(line.option("bootstrap-servers", KafkaBrokerCheck.DEFAULT_SERVERS)),
                    KafkaBrokerCheck.parseTopic(line.option("topic", DEFAULT_TOPIC)),
                    partitions == null ? 0 : positive("--partitions", partitions),
                    file == null ? null : readable(file),
                    positive("--rate", line.option("rate", "5")),
                    keyField == null ? 0 : positive("--key-field", keyField));
        }
    }

    /** The record of the nth line: keyed by a field of it, or sent to partition n modulo partitions. */
    static ProducerRecord<String, String> record(String topic, int partitions, int n, int keyField, String line) {
        if (keyField > 0) {
            String[] fields = line.split(",", -1);
            String key = keyField <= fields.length ? fields[keyField - 1] : "";
            return new ProducerRecord<>(topic, key, line);
        }
        return new ProducerRecord<>(topic, n % partitions, null, line);
    }

    /** The partitions a topic has, or a one-line message saying why lines cannot be sent to it. */
    record Target(int partitions, String problem) {
    }

    /** Null when the topic exists with these partitions or was created with them, else a one-line message. */
    public static String createTopicIfMissing(String servers, String topic, int partitions) {
        return prepareTopic(servers, topic, partitions).problem();
    }

    /**
     * The topic's partitions, after creating it if missing, with wanted partitions (0: the default,
     * 3). An existing topic keeps its own: a wanted number that differs is refused, since Kafka can
     * add partitions but never remove them, and adding them moves keys to other partitions.
     */
    static Target prepareTopic(String servers, String topic, int wanted) {
        Admin admin = null;
        try {
            admin = KafkaBrokerCheck.admin(servers);
            String noBroker = KafkaBrokerCheck.whyNoBroker(admin, servers);
            if (noBroker != null) {
                return new Target(0, noBroker);
            }
            int existing = KafkaBrokerCheck.partitionsOf(admin, topic);
            if (existing == 0) {
                int partitions = wanted == 0 ? DEFAULT_PARTITIONS : wanted;
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
                            .get(KafkaBrokerCheck.BROKER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    System.out.println("Created topic '" + topic + "' with " + partitions(partitions) + ".");
                    return new Target(partitions, null);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        return new Target(0, "cannot create topic '" + topic + "' at " + servers + ": " + e.getCause().getMessage());
                    }
                    // Created meanwhile by another client: take it as it is.
                    existing = KafkaBrokerCheck.partitionsOf(admin, topic);
                }
            }
            if (wanted != 0 && wanted != existing) {
                return new Target(0, "topic '" + topic + "' at " + servers + " has " + partitions(existing)
                        + ", not the " + wanted + " of --partitions. Leave out --partitions to"
                        + " send to its " + existing + ", or name a new topic: --topic NAME --partitions " + wanted);
            }
            return new Target(existing, null);
        } catch (KafkaException e) {
            return new Target(0, KafkaBrokerCheck.cannotConnect(servers, e));
        } catch (ExecutionException | TimeoutException e) {
            return new Target(0, KafkaBrokerCheck.noBrokerAt(servers));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Target(0, "interrupted");
        } finally {
            KafkaBrokerCheck.close(admin);
        }
    }

    /**
     * A producer that waits for the broker's acknowledgement: at most SEND_WAIT for the broker to
     * take a record (Kafka's default, max.block.ms, is a minute), and DELIVERY_WAIT for it to
     * acknowledge one, retries included.
     */
    public static KafkaProducer<String, String> producer(String servers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_WAIT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_WAIT.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_WAIT.toMillis()),
                new StringSerializer(), new StringSerializer());
    }

    /** Such as "1 partition" or "3 partitions". */
    private static String partitions(int count) {
        return count + (count == 1 ? " partition" : " partitions");
    }

    private static int positive(String name, String value) {
        if (!value.matches("[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a whole number above 0");
        }
        return Integer.parseInt(value);
    }

    private static Path readable(String value) {
        Path file = Path.of(value);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read the file '" + value + "'; sample files are in data/");
        }
        return file;
    }
}
