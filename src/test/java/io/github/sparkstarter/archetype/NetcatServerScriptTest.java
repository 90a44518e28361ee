package io.github.sparkstarter.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** scripts/netcat-server.sh, rendered, with each real netcat that Linux distributions ship. */
class NetcatServerScriptTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/bin/nc.openbsd, openbsd", "/bin/nc.traditional, traditional", "/usr/bin/ncat, ncat"})
    void sendsTypedLinesToEachClientOnLoopback(String netcat, String flavor, @TempDir Path project) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(netcat)), netcat + " is not installed");
        ArchetypeTemplates.render(ParameterValidationTest.GOOD, project);
        int port = freePort();

        ProcessBuilder script = new ProcessBuilder("bash", "scripts/netcat-server.sh", String.valueOf(port))
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(project.resolve("server.log").toFile());
        script.environment().put("NETCAT", netcat);
        Process server = script.start();
        try {
            awaitListening(port);
            OutputStream typed = server.getOutputStream();
            for (String line : List.of("first client", "second client")) {
                // One client after the other, as when the app is restarted.
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    BufferedReader received = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                    assertEquals(line, typeUntilReceived(typed, line, client, received));
                }
                awaitListening(port);
            }
            String log = Files.readString(project.resolve("server.log"));
            assertTrue(log.contains("(" + flavor + " netcat)"), log);
            assertTrue(log.contains("127.0.0.1:" + port), log);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }

    /**
     * Types the line until the client gets it. A line typed while netcat still serves the client
     * before (its close not yet seen) goes to that one, as with nc -lk by hand: so the line is typed
     * again each second, within the time limit.
     */
    static String typeUntilReceived(OutputStream typed, String line, Socket client, BufferedReader received) throws IOException {
        client.setSoTimeout(1_000);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            typed.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            typed.flush();
            try {
                return received.readLine();
            } catch (SocketTimeoutException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    @Test
    void withoutNetcatItNamesTheJavaLineServerAndWhatToInstall(@TempDir Path project) throws Exception {
        ArchetypeTemplates.render(ParameterValidationTest.GOOD, project);
        ProcessBuilder script = new ProcessBuilder("bash", "scripts/netcat-server.sh").directory(project.toFile()).redirectErrorStream(true);
        script.environment().put("NETCAT", "no-such-netcat");

        Result result = run(script);

        assertEquals(127, result.exitCode(), result.output());
        assertTrue(result.output().contains("no netcat found"), result.output());
        assertTrue(result.output().contains("mvn -q compile exec:java@line-server -Dexec.args=" + ParameterValidationTest.GOOD.get("port")), result.output());
        assertTrue(result.output().contains("apt-get install netcat-openbsd"), result.output());
    }

    @Test
    void aBadPortIsRefused(@TempDir Path project) throws Exception {
        ArchetypeTemplates.render(ParameterValidationTest.GOOD, project);

        Result result = run(new ProcessBuilder("bash", "scripts/netcat-server.sh", "70000").directory(project.toFile()).redirectErrorStream(true));

        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("port '70000' is not a TCP port"), result.output());
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        assertTrue(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the script did not end");
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until 127.0.0.1:port is in LISTEN state, read from /proc/net/tcp rather than by
     * connecting: a traditional netcat would serve that probe instead of the real client.
     */
    static void awaitListening(int port) throws Exception {
        String loopbackListen = String.format(Locale.ROOT, "0100007F:%04X", port);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (Files.readAllLines(Path.of("/proc/net/tcp")).stream()
                .map(line -> line.trim().split("\\s+"))
                .noneMatch(fields -> fields[1].equals(loopbackListen) && fields[3].equals("0A"))) {
            assertTrue(System.nanoTime() < deadline, "nothing listens on 127.0.0.1:" + port + " after " + TIMEOUT);
            Thread.sleep(50);
        }
    }
}
