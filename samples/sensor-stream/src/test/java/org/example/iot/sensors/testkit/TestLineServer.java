package org.example.iot.sensors.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;

/**
 * A line server that a test drives, like {@code nc -l}: listens on a free loopback port, takes the
 * one connection that Spark's socket source opens, and sends it the lines the test gives.
 */
public final class TestLineServer implements AutoCloseable {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private final ServerSocket serverSocket;
    private final CompletableFuture<Socket> client = new CompletableFuture<>();

    private TestLineServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
        Thread acceptor = new Thread(this::acceptOne, "line-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts listening on 127.0.0.1 at a port the system picks. */
    public static TestLineServer start() {
        try {
            return new TestLineServer(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port that nothing listens on right now: for a server still to start, or none at all. */
    public static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    public String host() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptOne() {
        try {
            client.complete(serverSocket.accept());
        } catch (IOException e) {
            client.completeExceptionally(e);
        }
    }

    /** Waits until the reader has connected; fails the test after {@link #CONNECT_TIMEOUT}. */
    public Socket awaitClient() {
        try {
            return client.get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no reader connected to " + host() + ":" + port() + " within " + CONNECT_TIMEOUT);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("line server on port " + port() + " failed", e);
        }
    }

    /** Sends each line, UTF-8 encoded and ended by a newline, to the connected reader. */
    public void send(String... lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        sendBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Sends raw bytes, for tests of input that is not UTF-8 text. */
    public void sendBytes(byte[] bytes) {
        try {
            OutputStream out = awaitClient().getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the connection, as a server that goes away does. */
    public void closeConnection() {
        try {
            awaitClient().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resets the connection (a TCP RST instead of a clean close), as a server that crashed or was killed does. */
    public void resetConnection() {
        try {
            Socket socket = awaitClient();
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of this server as a stream, read the way lesson 1 reads them: one partition, in arrival order. */
    public Dataset<Row> linesIn(SparkSession spark) {
        return reader(spark).option("numPartitions", 1).load();
    }

    /** The same, with the "timestamp" column of lesson 3: when each line arrived. */
    public Dataset<Row> timestampedLinesIn(SparkSession spark) {
        return reader(spark).option("numPartitions", 1).option("includeTimestamp", true).load();
    }

    /** A socket reader for this server, for other options such as numPartitions. */
    public DataStreamReader reader(SparkSession spark) {
        return spark.readStream().format("socket").option("host", host()).option("port", port());
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        if (client.isDone() && !client.isCompletedExceptionally()) {
            client.join().close();
        }
    }
}
