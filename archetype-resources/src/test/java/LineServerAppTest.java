package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The Java line server does what nc -lk does: typed lines go to the client, Ctrl-D closes. */
class LineServerAppTest {

    @Test
    void sendsTypedLinesToTheClientAndClosesAtEndOfInput() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (AppProcess server = AppProcess.start(LineServerApp.class, String.valueOf(port))) {
            server.awaitOutput("Line server on 127.0.0.1:" + port);
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                client.setSoTimeout(60_000);
                BufferedReader received = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                server.awaitOutput("Client connected");

                server.type("hello, grüße");
                assertEquals("hello, grüße", received.readLine());

                server.endInput();
                assertNull(received.readLine(), "the connection stays open after the end of input");
            }
            assertEquals(0, server.awaitExit(), server::output);
        }
    }

    @Test
    void aBadPortIsRefused() throws Exception {
        try (AppProcess server = AppProcess.start(LineServerApp.class, "70000")) {
            assertEquals(2, server.awaitExit(), server::output);
            assertTrue(server.output().contains("port '70000'"), server::output);
        }
    }
}
