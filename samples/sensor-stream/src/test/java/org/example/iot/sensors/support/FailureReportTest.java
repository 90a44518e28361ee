package org.example.iot.sensors.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.example.iot.sensors.settings.StreamSettings;

class FailureReportTest {

    private static final StreamSettings SETTINGS = new StreamSettings("app", "127.0.0.1", 9);

    @Test
    void nothingListeningGetsOneLineThatSaysHowToStartAServer() {
        String printed = report(new RuntimeException("query failed", new ConnectException("Connection refused")));

        assertEquals(1, printed.lines().count(), printed);
        assertTrue(printed.startsWith("error: nothing is listening at 127.0.0.1:9"), printed);
        assertTrue(printed.contains("scripts/netcat-server.sh 9"), printed);
    }

    @Test
    void anyOtherFailureShowsItsTraceOnceThenWhereInThisProjectItCameFrom() {
        IllegalStateException thrownByALesson = new IllegalStateException("boom");
        thrownByALesson.setStackTrace(new StackTraceElement[] {
                new StackTraceElement(FailureReport.SUPPORT_PACKAGE + ".Helper", "check", "Helper.java", 7),
                new StackTraceElement(FailureReport.PROJECT_PACKAGE + ".WordCountApp", "lambda$countWords$0", "WordCountApp.java", 42),
                new StackTraceElement("org.apache.spark.executor.Executor$TaskRunner", "run", "Executor.scala", 620)});
        RuntimeException failure = new RuntimeException("Job aborted", new RuntimeException("task failed", thrownByALesson));

        String printed = report(failure);

        assertEquals(1, printed.lines().filter(line -> line.contains("at " + FailureReport.PROJECT_PACKAGE + ".WordCountApp")).count(),
                "the trace once: " + printed);
        assertTrue(printed.startsWith("java.lang.IllegalStateException: boom"), printed);
        String last = printed.lines().reduce((first, second) -> second).orElseThrow();
        assertEquals("error: the stream failed: java.lang.IllegalStateException: boom (at WordCountApp.java:42)", last);
    }

    @Test
    void framesOfTheSupportPackageAreNotTheProjectsOwnCode() {
        assertEquals(Optional.empty(), FailureReport.ownFrame(new IllegalStateException("thrown here, in support")));
    }

    private static String report(Throwable failure) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertEquals(1, FailureReport.report(failure, cause -> FailureReport.knownCause(cause, SETTINGS), new PrintStream(printed, true, StandardCharsets.UTF_8)));
        return printed.toString(StandardCharsets.UTF_8);
    }
}
