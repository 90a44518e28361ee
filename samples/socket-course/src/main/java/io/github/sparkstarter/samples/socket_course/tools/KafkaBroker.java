package io.github.sparkstarter.samples.socket_course.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A single-node Kafka broker inside this JVM, in KRaft mode: one process that is both the broker
 * and its controller (the quorum that keeps the cluster's metadata), no ZooKeeper. It listens on
 * 127.0.0.1 only, so nothing outside this machine reaches it.
 *
 * <p>Run it for lesson 5: {@code mvn -q compile exec:java@kafka-broker} (port 9092), or
 * {@code mvn -q compile exec:java@kafka-broker -Dexec.args=9093}; Ctrl-C stops it. It keeps its
 * topics under target/kafka-broker/port-PORT, which {@code mvn clean} removes. The tests start one
 * with {@link KafkaTestBroker}.
 *
 * <p>The Kafka server jar is a provided dependency (pom.xml): on the compile classpath, which the
 * named run uses, but not in target/lib/ nor in the app's jar, which leaves this class out too: the
 * app talks to brokers, and a real cluster has brokers of its own.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Node id of the one node, both broker and controller. */
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final int port;
    private final Path dataDir;

    private KafkaBroker(KafkaRaftServer server, int port, Path dataDir) {
        this.server = server;
        this.port = port;
        this.dataDir = dataDir;
    }

    public static void main(String[] args) {
        int port = 9092;
        if (args.length > 1 || args.length == 1 && !args[0].matches("[1-9][0-9]{0,4}")) {
            exitWithUsage("'" + String.join(" ", args) + "' is not a port number");
        }
        if (args.length == 1) {
            port = Integer.parseInt(args[0]);
            if (port > 65535) {
                exitWithUsage("port " + port + " is above 65535");
            }
        }
        if (!isFree(port)) {
            System.err.println("error: port " + port + " on 127.0.0.1 is taken (a broker started before?). Stop what"
                    + " uses it, or start this broker on another port: mvn -q compile exec:java@kafka-broker -Dexec.args=9093");
            System.exit(1);
        }
        Path dataDir = Path.of("target", "kafka-broker", "port-" + port);
        KafkaBroker broker = start(port, dataDir);
        // Ctrl-C: the broker closes its logs, so its topics are whole at the next start.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the Kafka broker...");
            broker.close();
            System.out.println("Kafka broker stopped.");
        }, "kafka-broker-stop"));
        System.out.println("Kafka broker ready at " + broker.bootstrapServers() + ", data in " + dataDir
                + " (mvn clean removes it). Ctrl-C stops it.");
        broker.server.awaitShutdown();
    }

    private static void exitWithUsage(String problem) {
        System.err.println("error: " + problem + ": give a port from 1 to 65535, or none for 9092");
        System.err.println("usage: mvn -q compile exec:java@kafka-broker [-Dexec.args=PORT]");
        System.exit(2);
    }

    /** Starts a broker on 127.0.0.1:port with its data in dataDir (formatted at the first start). */
    public static KafkaBroker start(int port, Path dataDir) {
        try {
            Path data = dataDir.toAbsolutePath();
            format(data);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(settings(port, freePort(), data), false), Time.SYSTEM, scala.Option.empty());
            server.startup();
            return new KafkaBroker(server, port, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What {@code kafka-storage.sh format} does for a new node: a meta.properties in the data
     * directory that gives it a cluster id and its node id. A node starts only from a formatted
     * directory, so that it never joins a cluster it does not belong to by mistake. The cluster's
     * first metadata (its metadata.version) comes from the broker's defaults.
     */
    private static void format(Path data) throws IOException {
        Path meta = Files.createDirectories(data).resolve("meta.properties");
        if (!Files.exists(meta)) {
            Files.writeString(meta, "version=1\ncluster.id=" + Uuid.randomUuid() + "\nnode.id=" + NODE_ID + "\n",
                    StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> settings(int port, int controllerPort, Path data) {
        Map<String, Object> settings = new HashMap<>();
        // KRaft: this one process is both broker and controller, and the only voter of the quorum.
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", String.valueOf(NODE_ID));
        settings.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        settings.put("controller.listener.names", "CONTROLLER");
        // Clients on 127.0.0.1:port; the controller on a port of its own, loopback too.
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", data.toString());
        // One node: Kafka's internal topics cannot have the 3 copies a cluster gives them.
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // A misspelt topic is an error, not a new empty topic: kafka-send creates "lines" on purpose.
        settings.put("auto.create.topics.enable", "false");
        return settings;
    }

    /** The address clients give as bootstrap.servers. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker and waits until it has closed its files. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
