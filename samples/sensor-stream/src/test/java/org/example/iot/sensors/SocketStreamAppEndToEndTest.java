package org.example.iot.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real entry point in a JVM of its own, as {@code mvn exec:java} or {@code java -jar} runs it. */
class SocketStreamAppEndToEndTest {

    /** A row of the console table, "|value   |", padded to the widest value of its batch. */
    private static final Pattern CONSOLE_ROW = Pattern.compile("\\|(.*?) *\\|");

    @Test
    void printsEveryLineItReceivesAndEndsWhenTheServerCloses() throws Exception {
        List<String> burst = IntStream.rangeClosed(1, 10_000).mapToObj(i -> "burst line " + i).toList();
        try (LineServer server = LineServer.start();
             AppProcess app = AppProcess.start(SocketStreamApp.class, server.host(), String.valueOf(server.port()))) {
            app.awaitOutput("isStreaming: true");
            server.send("first line", "second line");
            app.awaitOutput("second line");
            server.send(burst.toArray(String[]::new));
            server.closeConnection();

            assertEquals(0, app.awaitExit(), app::output);
            assertTrue(app.output().contains("closed the connection"), app::output);
            // Every line, in the order sent.
            List<String> rows = consoleRows(app.output());
            assertEquals(List.of("first line", "second line"), rows.subList(0, 2));
            assertEquals(burst, rows.subList(2, rows.size()));
        }
    }

    @Test
    void theContinuousTriggerPrintsTheLinesAndEndsWhenTheServerCloses() throws Exception {
        try (LineServer server = LineServer.start();
             AppProcess app = AppProcess.start(List.of("-Dstream.trigger=continuous"), SocketStreamApp.class,
                     server.host(), String.valueOf(server.port()))) {
            app.awaitOutput("isStreaming: true");
            server.send("first line", "second line");
            app.awaitOutput("|second line|");
            server.closeConnection();

            assertEquals(0, app.awaitExit(), app::output);
            assertEquals(List.of("first line", "second line"), consoleRows(app.output()), app::output);
            assertTrue(app.output().contains("closed the connection"), app::output);
        }
    }

    @ParameterizedTest(name = "-Dstream.trigger={0}")
    @ValueSource(strings = {"", "continuous"})
    void ctrlCStopsItWithoutStackTraces(String trigger) throws Exception {
        try (LineServer server = LineServer.start();
             AppProcess app = AppProcess.start(List.of("-Dstream.trigger=" + trigger), SocketStreamApp.class,
                     server.host(), String.valueOf(server.port()))) {
            server.send("hello");
            app.awaitOutput("|hello|");
            app.terminate();

            app.awaitExit();
            assertFalse(app.output().contains("Exception"), app::output);
            assertFalse(app.output().contains("ERROR"), app::output);
        }
    }

    @Test
    void withNoServerListeningItSaysHowToStartOneAndFails() throws Exception {
        int freePort = LineServer.freePort();
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

    @Test
    void aBadSettingIsReportedBeforeSparkStarts() throws Exception {
        try (AppProcess app = AppProcess.start(List.of("-Dstream.sourcePartitions=0"), SocketStreamApp.class)) {
            assertEquals(2, app.awaitExit(), app::output);
            assertTrue(app.output().contains("stream.sourcePartitions '0'"), app::output);
        }
    }

    /** The rows of all the console's tables, without their "value" headers. */
    private static List<String> consoleRows(String output) {
        return output.lines()
                .map(CONSOLE_ROW::matcher)
                .filter(Matcher::matches)
                .map(row -> row.group(1))
                .filter(row -> !row.equals("value"))
                .toList();
    }
}
