package ${package}.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts lines into a Kafka topic with nothing installed: the lines typed (as Kafka's console
 * producer does), or the lines of a file at a steady rate (as scripts/send-sample.sh does for the
 * socket). The topic is created, with 3 partitions, if it does not exist.
 *
 * <p>Run it: {@code mvn -q compile exec:java@kafka-send} and type lines (Ctrl-D ends), or
 * {@code mvn -q compile exec:java@kafka-send -Dexec.args="--file data/sensors.csv --rate 10 --key-field 2"}.
 *
 * <p>Which partition a line goes to: with {@code --key-field N}, the Nth comma-separated field is
 * the record's key, and Kafka puts all records of one key in one partition (by a hash of the key),
 * so the lines of one sensor stay in order. Without a key, the lines go to the partitions in turn.
 */
public final class KafkaSend {

    /** The partitions of a topic this tool creates, unless --partitions says otherwise. */
    public static final int DEFAULT_PARTITIONS = 3;

    public static final String USAGE = "usage: [--bootstrap-servers HOST:PORT] [--topic NAME] [--partitions N]"
            + " [--file FILE [--rate LINES_PER_SECOND]] [--key-field N]   (defaults: " + KafkaSettings.DEFAULT_SERVERS
            + " " + KafkaSettings.DEFAULT_TOPIC + " " + DEFAULT_PARTITIONS + ", typed lines, 5 a second, no key)";

    private KafkaSend() {
    }

    public static void main(String[] args) throws Exception {
        Options options = CommandLine.readOrExit(USAGE, args, Options::fromArgs);
        String servers = options.servers();
        String topic = options.topic();
        int partitions = options.partitions();
        Path file = options.file();
        double rate = options.rate();
        int keyField = options.keyField();
        String problem = createTopicIfMissing(servers, topic, partitions);
        if (problem != null) {
            System.err.println("error: " + problem);
            System.exit(1);
        }
        try (KafkaProducer<String, String> producer = producer(servers)) {
            AtomicReference<Exception> failure = new AtomicReference<>();
            int sent = 0;
            if (file == null) {
                System.out.println("Type lines; each goes to topic '" + topic + "' at " + servers + ". Ctrl-D ends.");
                BufferedReader typed = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line; (line = typed.readLine()) != null; sent++) {
                    producer.send(record(topic, partitions, sent, keyField, line), (meta, e) -> failure.compareAndSet(null, e));
                }
            } else {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                System.out.println("Sending the " + lines.size() + " lines of " + file + " to topic '" + topic + "' at "
                        + servers + ", " + rate + " a second.");
                long start = System.nanoTime();
                for (String line : lines) {
                    // The line's planned time, so that the rate holds however long a send takes.
                    long due = start + (long) (sent * 1e9 / rate);
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
                    producer.send(record(topic, partitions, sent++, keyField, line), (meta, e) -> failure.compareAndSet(null, e));
                }
            }
            producer.flush();
            if (failure.get() != null) {
                System.err.println("error: not every line reached " + servers + ": " + failure.get().getMessage());
                System.exit(1);
            }
            System.out.println("Sent " + sent + " lines to topic '" + topic + "'.");
        }
    }

    /** The command line: where to send, and what; file null for typed lines, keyField 0 for no key. */
    record Options(String servers, String topic, int partitions, Path file, double rate, int keyField) {

        /** @throws IllegalArgumentException naming the bad argument and what is allowed instead */
        static Options fromArgs(String... args) {
            CommandLine line = CommandLine.parse(args, 0, "bootstrap-servers", "topic", "partitions", "file", "rate", "key-field");
            String file = line.option("file", null);
            String keyField = line.option("key-field", null);
            return new Options(KafkaSettings.parseServers(line.option("bootstrap-servers", KafkaSettings.DEFAULT_SERVERS)),
                    KafkaSettings.parseTopic(line.option("topic", KafkaSettings.DEFAULT_TOPIC)),
                    positive("--partitions", line.option("partitions", String.valueOf(DEFAULT_PARTITIONS))),
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

    /** Null when the topic exists or was created, else a one-line message (no broker, for instance). */
    public static String createTopicIfMissing(String servers, String topic, int partitions) {
        Admin admin = null;
        try {
            admin = KafkaSettings.admin(servers);
            String noBroker = KafkaSettings.whyNoBroker(admin, servers);
            if (noBroker != null) {
                return noBroker;
            }
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
                        .get(KafkaSettings.BROKER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                System.out.println("Created topic '" + topic + "' with " + partitions + " partitions.");
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    return "cannot create topic '" + topic + "' at " + servers + ": " + e.getCause().getMessage();
                }
            }
            return null;
        } catch (KafkaException e) {
            return KafkaSettings.cannotConnect(servers, e);
        } catch (TimeoutException e) {
            return KafkaSettings.noBrokerAt(servers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            KafkaSettings.close(admin);
        }
    }

    /** A producer that waits for the broker's acknowledgement, and at most 10 s for a broker that went away. */
    public static KafkaProducer<String, String> producer(String servers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000),
                new StringSerializer(), new StringSerializer());
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
