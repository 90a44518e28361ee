package ${package};

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A line server in plain Java, for machines without netcat: does what {@code nc -lk PORT} does.
 * Every line typed here goes to every connected client. Run it with
 * {@code mvn -q compile exec:java@line-server} or {@code scripts/line-server.cmd} on Windows;
 * arguments {@code [port] [bind-address]}, bound to 127.0.0.1 unless told otherwise.
 */
public final class LineServerApp {

    public static void main(String[] args) throws IOException {
        int port;
        try {
            port = args.length >= 1 ? StreamSettings.parsePort(args[0]) : StreamSettings.DEFAULT_PORT;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        String bindAddress = args.length >= 2 ? args[1] : "127.0.0.1";
        ServerSocket server;
        try {
            server = new ServerSocket(port, 50, InetAddress.getByName(bindAddress));
        } catch (BindException e) {
            System.err.println("error: cannot listen on " + bindAddress + ":" + port + " (" + e.getMessage()
                    + "). Is another line server running? Stop it, or give another port.");
            System.exit(1);
            return;
        }
        System.err.println("Line server on " + bindAddress + ":" + port + " (Java). Type lines; Ctrl-C stops.");

        List<OutputStream> clients = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> acceptClients(server, clients), "line-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();

        BufferedReader typed = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = typed.readLine()) != null; ) {
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
        // End of input (Ctrl-D, or the end of a piped file): close every connection, as nc does.
        for (OutputStream client : clients) {
            client.close();
        }
        server.close();
    }

    private static void acceptClients(ServerSocket server, List<OutputStream> clients) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client.getOutputStream());
                System.err.println("Client connected from " + client.getRemoteSocketAddress());
            } catch (IOException e) {
                return; // the server was closed
            }
        }
    }
}
