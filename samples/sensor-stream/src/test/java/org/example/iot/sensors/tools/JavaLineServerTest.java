package org.example.iot.sensors.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.example.iot.sensors.testkit.AppProcess;
import org.example.iot.sensors.testkit.TestLineServer;

/** The Java line server does what nc -lk does: typed lines go to the client, Ctrl-D closes; and it replays files. */
class JavaLineServerTest {

    @Test
    void sendsTypedLinesToTheClientAndClosesAtEndOfInput() throws Exception {
        int port = TestLineServer.freePort();
        try (AppProcess server = AppProcess.start(JavaLineServer.class, String.valueOf(port))) {
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
    void aLineTypedBeforeTheAppConnectsWaitsForIt() throws Exception {
        int port = TestLineServer.freePort();
        try (AppProcess server = AppProcess.start(JavaLineServer.class, String.valueOf(port))) {
            server.awaitOutput("Line server on 127.0.0.1:" + port);
            server.type("typed early");
            server.awaitOutput("No app connected yet");
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                client.setSoTimeout(60_000);
                BufferedReader received = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));

                assertEquals("typed early", received.readLine());
                server.endInput();
            }
            assertEquals(0, server.awaitExit(), server::output);
        }
    }

    @Test
    void replaysAFileToTheAppOnceItConnectsThenCloses(@TempDir Path dir) throws Exception {
        Path sample = Files.write(dir.resolve("sample.csv"), List.of("t1,a,1", "t2,b,2", "t3,c,3"));
        int port = TestLineServer.freePort();
        try (AppProcess server = AppProcess.start(JavaLineServer.class, "--file", sample.toString(), "--rate", "1000", String.valueOf(port))) {
            server.awaitOutput("waiting for the app to connect");
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                client.setSoTimeout(60_000);
                BufferedReader received = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));

                assertEquals(List.of("t1,a,1", "t2,b,2", "t3,c,3"), List.of(received.readLine(), received.readLine(), received.readLine()));
                assertNull(received.readLine(), "the connection stays open after the end of the file");
            }
            assertEquals(0, server.awaitExit(), server::output);
        }
    }

    @Test
    void aBadRateIsRefused(@TempDir Path dir) throws Exception {
        Path sample = Files.write(dir.resolve("sample.csv"), List.of("line"));
        try (AppProcess server = AppProcess.start(JavaLineServer.class, "--file", sample.toString(), "--rate", "fast")) {
            assertEquals(2, server.awaitExit(), server::output);
            assertTrue(server.output().contains("rate 'fast'"), server::output);
        }
    }

    @Test
    void aBadPortIsRefused() throws Exception {
        try (AppProcess server = AppProcess.start(JavaLineServer.class, "70000")) {
            assertEquals(2, server.awaitExit(), server::output);
            assertTrue(server.output().contains("port '70000'"), server::output);
        }
    }
}
