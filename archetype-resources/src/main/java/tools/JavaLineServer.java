package ${package}.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ${package}.settings.StreamSettings;

/**
 * A line server in plain Java, for machines without netcat: does what {@code nc -lk PORT} does.
 * Every line typed here goes to every connected client. Run it with
 * {@code mvn -q compile exec:java@line-server} or {@code scripts/line-server.cmd} on Windows.
 *
 * <p>Arguments: {@code [--file FILE [--rate LINES_PER_SECOND]] [port] [bind-address]}, bound to
 * 127.0.0.1 unless told otherwise. With {@code --file} it replays the file instead of reading the
 * keyboard: it waits for the app to connect, sends the lines at the given rate (5 a second by
 * default), then closes the connection ({@code scripts/send-sample.sh}).
 */
public final class JavaLineServer {

    public static void main(String[] args) throws Exception {
        Path replay = null;
        double rate = 5;
        int port;
        List<String> rest = new ArrayList<>(List.of(args));
        try {
            if (rest.size() >= 2 && rest.get(0).equals("--file")) {
                replay = Path.of(rest.remove(1));
                rest.remove(0);
                if (!Files.isReadable(replay)) {
                    throw new IllegalArgumentException("cannot read the file '" + replay + "'");
                }
                if (rest.size() >= 2 && rest.get(0).equals("--rate")) {
                    rate = parseRate(rest.remove(1));
                    rest.remove(0);
                }
            }
            if (rest.size() > 2 || rest.stream().anyMatch(arg -> arg.startsWith("--"))) {
                throw new IllegalArgumentException("usage: [--file FILE [--rate LINES_PER_SECOND]] [port] [bind-address]");
            }
            port = rest.size() >= 1 ? StreamSettings.parsePort(rest.get(0)) : StreamSettings.DEFAULT_PORT;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        String bindAddress = rest.size() >= 2 ? rest.get(1) : "127.0.0.1";
        ServerSocket server;
        try {
            server = new ServerSocket(port, 50, InetAddress.getByName(bindAddress));
        } catch (BindException e) {
            System.err.println("error: cannot listen on " + bindAddress + ":" + port + " (" + e.getMessage()
                    + "). Is another line server running? Stop it, or give another port.");
            System.exit(1);
            return;
        }

        List<OutputStream> clients = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> acceptClients(server, clients), "line-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();

        if (replay == null) {
            System.err.println("Line server on " + bindAddress + ":" + port + " (Java). Type lines; Ctrl-C stops.");
            BufferedReader typed = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = typed.readLine()) != null; ) {
                // As nc: a line typed before the app connects waits for it, rather than being lost.
                if (clients.isEmpty()) {
                    System.err.println("No app connected yet: the line goes to the first one that connects.");
                    awaitClient(clients);
                }
                sendToAll(line, clients);
            }
        } else {
            System.err.println("Line server on " + bindAddress + ":" + port + " (Java): waiting for the app to connect,"
                    + " then sending " + replay + " at " + rate + " lines a second.");
            awaitClient(clients);
            long intervalNanos = (long) (1_000_000_000L / rate);
            long next = System.nanoTime();
            int sent = 0;
            for (String line : Files.readAllLines(replay, StandardCharsets.UTF_8)) {
                // Sleep until the line is due: a steady rate, whatever the sending took.
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                sendToAll(line, clients);
                sent++;
                next += intervalNanos;
            }
            System.err.println("Sent " + sent + " lines; closing the connection.");
        }
        // End of input (Ctrl-D, or the end of the file): close every connection, as nc does.
        for (OutputStream client : clients) {
            client.close();
        }
        server.close();
    }

    static double parseRate(String text) {
        double rate;
        try {
            rate = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            rate = -1;
        }
        if (!(rate > 0 && rate <= 1_000_000)) {
            throw new IllegalArgumentException("rate '" + text + "' is not a number of lines per second;"
                    + " give one from 0.001 to 1000000, such as 10");
        }
        return rate;
    }

    private static void awaitClient(List<OutputStream> clients) throws InterruptedException {
        synchronized (clients) {
            while (clients.isEmpty()) {
                clients.wait();
            }
        }
    }

    private static void sendToAll(String line, List<OutputStream> clients) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        for (OutputStream client : clients) {
            try {
                client.write(bytes);
                client.flush();
            } catch (IOException gone) {
                clients.remove(client);
            }
        }
    }

    private static void acceptClients(ServerSocket server, List<OutputStream> clients) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                OutputStream out = client.getOutputStream();
                synchronized (clients) {
                    clients.add(out);
                    clients.notifyAll();
                }
                System.err.println("Client connected from " + client.getRemoteSocketAddress());
                Thread watcher = new Thread(() -> awaitLeaving(client, out, clients), "line-server-client");
                watcher.setDaemon(true);
                watcher.start();
            } catch (IOException e) {
                return; // the server was closed
            }
        }
    }

    /** Clients send nothing: a read ends only when the client leaves (or its connection breaks). */
    private static void awaitLeaving(Socket client, OutputStream out, List<OutputStream> clients) {
        try {
            while (client.getInputStream().read() >= 0) {
                // Ignore anything a client sends.
            }
        } catch (IOException e) {
            // Reset, or closed by this server at the end: gone either way.
        }
        if (clients.remove(out)) {
            System.err.println("Client " + client.getRemoteSocketAddress() + " left; "
                    + (clients.isEmpty() ? "waiting for the next one." : clients.size() + " still connected."));
        }
    }
}
