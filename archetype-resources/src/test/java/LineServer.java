package ${package};

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

/**
 * A line server for tests, like {@code nc -l}: listens on a free loopback port, takes the one
 * connection that Spark's socket source opens, and sends it the lines a test gives.
 */
public final class LineServer implements AutoCloseable {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private final ServerSocket serverSocket;
    private final CompletableFuture<Socket> client = new CompletableFuture<>();

    private LineServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
        Thread acceptor = new Thread(this::acceptOne, "line-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts listening on 127.0.0.1 at a port the system picks. */
    public static LineServer start() {
        try {
            return new LineServer(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
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

    @Override
    public void close() throws IOException {
        serverSocket.close();
        if (client.isDone() && !client.isCompletedExceptionally()) {
            client.join().close();
        }
    }
}
