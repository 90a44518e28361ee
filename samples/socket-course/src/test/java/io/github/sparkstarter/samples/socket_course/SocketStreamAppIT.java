package io.github.sparkstarter.samples.socket_course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;

import io.github.sparkstarter.samples.socket_course.settings.StreamSettings;
import io.github.sparkstarter.samples.socket_course.support.SessionDefaults;
import io.github.sparkstarter.samples.socket_course.support.StreamEnd;
import io.github.sparkstarter.samples.socket_course.testkit.AppProcess;
import io.github.sparkstarter.samples.socket_course.testkit.TestLineServer;

/**
 * Lesson 1 itself, in a JVM of its own as {@code mvn exec:java} or {@code java -jar} runs it:
 * what it prints, and how it ends in each situation a learner meets. Run by {@code mvn verify}.
 */
class SocketStreamAppIT {

    /** A row of the console table, "|value   |", padded to the widest value of its batch. */
    static final Pattern CONSOLE_ROW = Pattern.compile("\\|(.*?) *\\|");

    @Test
    void printsEveryLineWholeAndInOrderAndEndsWhenTheServerCloses() throws Exception {
        String longLine = "x".repeat(300);
        List<String> burst = IntStream.rangeClosed(1, 10_000).mapToObj(i -> "burst line " + i).toList();
        try (TestLineServer server = TestLineServer.start();
             AppProcess app = AppProcess.start(SocketStreamApp.class, server.host(), String.valueOf(server.port()))) {
            app.awaitOutput("isStreaming: true");
            server.send("first line", longLine);
            app.awaitOutput(longLine);
            server.send(burst.toArray(String[]::new));
            server.closeConnection();

            assertEquals(0, app.awaitExit(), app::output);
            assertTrue(app.output().contains("closed the connection"), app::output);
            List<String> expected = new ArrayList<>(List.of("first line", longLine));
            expected.addAll(burst);
            assertEquals(expected, consoleRows(app.output()));
        }
    }

    @Test
    void aResetConnectionEndsItWithAMessageAndStatus1() throws Exception {
        try (TestLineServer server = TestLineServer.start();
             AppProcess app = AppProcess.start(SocketStreamApp.class, server.host(), String.valueOf(server.port()))) {
            server.send("before the crash");
            app.awaitOutput("|before the crash|");
            server.resetConnection();

            assertEquals(1, app.awaitExit(), app::output);
            assertTrue(app.output().contains("error: the connection to " + server.host() + ":" + server.port() + " was reset"), app::output);
            assertFalse(app.output().contains("Exception"), app::output);
        }
    }

    @Test
    void ctrlCWithTheServerStillConnectedIsAQuietStopNotACrash() throws Exception {
        ctrlCStopsQuietly(SocketStreamApp.class);
    }

    @Test
    void killIsAQuietStopToo() throws Exception {
        try (TestLineServer server = TestLineServer.start();
             AppProcess app = AppProcess.start(SocketStreamApp.class, server.host(), String.valueOf(server.port()))) {
            server.send("hello");
            app.awaitOutput("|hello|");
            app.terminate();

            assertEquals(143, app.awaitExit(), app::output);
            assertStoppedAsAsked(app.output());
        }
    }

    /**
     * Ctrl-C (a real SIGINT) once a line is printed, with the server still connected: the app says
     * it stopped as asked, with status 130 as the shell gives a program stopped by Ctrl-C, and
     * prints neither an error nor a stack trace.
     */
    static void ctrlCStopsQuietly(Class<?> mainClass, String... options) throws Exception {
        try (TestLineServer server = TestLineServer.start()) {
            List<String> args = new ArrayList<>(List.of(server.host(), String.valueOf(server.port())));
            args.addAll(List.of(options));
            try (AppProcess app = AppProcess.start(mainClass, args.toArray(String[]::new))) {
                server.send("hello");
                app.awaitOutput("|hello|");
                app.pressCtrlC();

                assertEquals(130, app.awaitExit(), app::output);
                assertStoppedAsAsked(app.output());
            }
        }
    }

    static void assertStoppedAsAsked(String output) {
        assertTrue(output.contains("Stopped, as you asked"), output);
        assertFalse(output.contains("error:"), output);
        assertFalse(output.contains("reset"), output);
        assertFalse(output.contains("Exception"), output);
        assertFalse(output.contains("ERROR"), output);
    }

    @Test
    void withNoServerListeningItSaysHowToStartOneAndFails() throws Exception {
        int freePort = TestLineServer.freePort();
        try (AppProcess app = AppProcess.start(SocketStreamApp.class, "127.0.0.1", String.valueOf(freePort))) {
            assertEquals(1, app.awaitExit(), app::output);
            assertTrue(app.output().contains("error: nothing is listening at 127.0.0.1:" + freePort), app::output);
            assertTrue(app.output().contains("scripts/netcat-server.sh"), app::output);
            assertTrue(app.output().contains("mvn -q compile exec:java@line-server -Dexec.args=" + freePort), app::output);
            assertFalse(app.output().contains("Exception"), app::output);
            assertFalse(app.output().contains("Streaming from"), "invited to type with nothing listening:\n" + app.output());
        }
    }

    @Test
    void aLonePortAndHostColonPortAreUnderstood() throws Exception {
        try (TestLineServer server = TestLineServer.start();
             AppProcess app = AppProcess.start(SocketStreamApp.class, server.host() + ":" + server.port())) {
            app.awaitOutput("Streaming from " + server.host() + ":" + server.port());
            server.send("over host:port");
            app.awaitOutput("|over host:port|");
            server.closeConnection();
            assertEquals(0, app.awaitExit(), app::output);
        }
    }

    @Test
    void aBadArgumentIsReportedBeforeSparkStarts() throws Exception {
        try (AppProcess app = AppProcess.start(SocketStreamApp.class, "localhost", "abc")) {
            assertEquals(2, app.awaitExit(), app::output);
            assertTrue(app.output().contains("port 'abc'"), app::output);
            assertTrue(app.output().contains("usage:"), app::output);
            assertFalse(app.output().contains("isStreaming"), app::output);
        }
    }

    @Test
    void aFailureInYourOwnCodeShowsItsTraceOnceAndWhereItCameFrom() throws Exception {
        try (TestLineServer server = TestLineServer.start();
             AppProcess app = AppProcess.start(BrokenLessonApp.class, server.host(), String.valueOf(server.port()))) {
            server.send("fine", "boom");

            assertEquals(1, app.awaitExit(), app::output);
            List<String> frames = app.output().lines().filter(line -> line.contains("BrokenLessonApp.lambda$")).toList();
            assertEquals(1, frames.size(), app::output);
            String last = app.output().strip().lines().reduce((first, second) -> second).orElseThrow();
            assertTrue(last.matches("error: the stream failed: java.lang.IllegalStateException: no boom, please"
                    + " \\(at SocketStreamAppIT.java:\\d+\\)"), app::output);
            assertFalse(app.output().contains(" ERROR "), app::output);
        }
    }

    /** A lesson whose transformation throws, as a mistake in your own code does. */
    static final class BrokenLessonApp {
        public static void main(String[] args) throws Exception {
            StreamSettings settings = StreamSettings.fromCommandLineOrExit(args);
            SparkSession spark = SparkSession.builder().appName("broken").config(SessionDefaults.forThisMachine()).getOrCreate();
            Dataset<String> checked = spark.readStream().format("socket")
                    .option("host", settings.host()).option("port", settings.port()).load()
                    .map((MapFunction<org.apache.spark.sql.Row, String>) line -> {
                        if (line.getString(0).equals("boom")) {
                            throw new IllegalStateException("no boom, please");
                        }
                        return line.getString(0);
                    }, Encoders.STRING());
            StreamingQuery query = checked.writeStream().format("console").start();
            StreamEnd.awaitAnyQueryThenExit(query, settings);
        }
    }

    /** The rows of all the console's tables, without their "value" headers. */
    static List<String> consoleRows(String output) {
        return output.lines()
                .map(CONSOLE_ROW::matcher)
                .filter(Matcher::matches)
                .map(row -> row.group(1))
                .filter(row -> !row.equals("value"))
                .toList();
    }
}
