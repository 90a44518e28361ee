package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/** The real entry point in a JVM of its own, as {@code mvn exec:java} or {@code java -jar} runs it. */
class SocketStreamAppEndToEndTest {

    @Test
    void printsTheLinesItReceivesAndEndsWhenTheServerCloses() throws Exception {
        try (LineServer server = LineServer.start();
             AppProcess app = AppProcess.start(SocketStreamApp.class, server.host(), String.valueOf(server.port()))) {
            app.awaitOutput("isStreaming: true");
            server.send("first line", "second line");
            app.awaitOutput("|second line|");
            server.closeConnection();

            assertEquals(0, app.awaitExit(), app::output);
            assertTrue(app.output().contains("|first line |"), app::output);
            assertTrue(app.output().contains("closed the connection"), app::output);
        }
    }

    @Test
    void withNoServerListeningItSaysHowToStartOneAndFails() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        try (AppProcess app = AppProcess.start(SocketStreamApp.class, "127.0.0.1", String.valueOf(freePort))) {
            assertEquals(1, app.awaitExit(), app::output);
            assertTrue(app.output().contains("nothing is listening at 127.0.0.1:" + freePort), app::output);
            assertTrue(app.output().contains("scripts/netcat-server.sh"), app::output);
        }
    }

    @Test
    void aBadArgumentIsReportedBeforeSparkStarts() throws Exception {
        try (AppProcess app = AppProcess.start(SocketStreamApp.class, "localhost", "abc")) {
            assertEquals(2, app.awaitExit(), app::output);
            assertTrue(app.output().contains("port 'abc'"), app::output);
            assertTrue(app.output().contains("usage:"), app::output);
        }
    }
}
