package io.github.sparkstarter.samples.socket_course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.github.sparkstarter.samples.socket_course.testkit.AppProcess;
import io.github.sparkstarter.samples.socket_course.testkit.TestLineServer;

/** Lesson 2 in a JVM of its own, as exec:java@word-count runs it: the running counts, batch after batch. */
class WordCountAppIT {

    @Test
    void printsTheWholeCountTableAfterEachBatchAndEndsWhenTheServerCloses() throws Exception {
        try (TestLineServer server = TestLineServer.start();
             AppProcess app = AppProcess.start(WordCountApp.class, server.host(), String.valueOf(server.port()))) {
            app.awaitOutput("Streaming from");
            server.send("spark streaming spark");
            app.awaitLine(row("spark", 2));
            server.send("spark");
            // The whole table again, state kept from the batch before: spark 3, streaming still 1.
            app.awaitLine(row("spark", 3));
            String lastTable = app.output().substring(app.output().lastIndexOf("|word"));
            assertTrue(row("streaming", 1).matcher(lastTable).find(), app::output);
            server.closeConnection();

            assertEquals(0, app.awaitExit(), app::output);
            assertTrue(app.output().contains("closed the connection"), app::output);
        }
    }

    /** A row of the console's table, "|spark    |2    |". */
    static Pattern row(String word, long count) {
        return Pattern.compile(".*\\|" + Pattern.quote(word) + " *\\|" + count + " *\\|.*");
    }
}
