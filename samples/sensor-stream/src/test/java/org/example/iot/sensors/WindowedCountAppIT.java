package org.example.iot.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.example.iot.sensors.testkit.AppProcess;
import org.example.iot.sensors.testkit.TestLineServer;

/** Lesson 3 in a JVM of its own, as exec:java@windows runs it: counts per window, in update mode. */
class WindowedCountAppIT {

    @Test
    void printsTheCountsOfTheWindowOfEachLineAndEndsWhenTheServerCloses() throws Exception {
        try (TestLineServer server = TestLineServer.start();
             AppProcess app = AppProcess.start(WindowedCountApp.class, server.host(), String.valueOf(server.port()))) {
            app.awaitOutput("Streaming from");
            server.send("hello hello world");
            // A row holds the window (its start and end), the word and its count in that window.
            app.awaitLine(WordCountAppIT.row("hello", 2));
            assertTrue(app.output().lines().anyMatch(line -> line.matches("\\|\\{?\\[?\\d{4}-.*\\|world *\\|1 *\\|")), app::output);
            server.closeConnection();

            assertEquals(0, app.awaitExit(), app::output);
            assertTrue(app.output().contains("closed the connection"), app::output);
        }
    }
}
