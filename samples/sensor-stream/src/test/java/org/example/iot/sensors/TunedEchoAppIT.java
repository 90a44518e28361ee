package org.example.iot.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.example.iot.sensors.settings.Tuning;
import org.example.iot.sensors.testkit.AppProcess;
import org.example.iot.sensors.testkit.TestLineServer;

/** TunedEchoApp in a JVM of its own: continuous processing ends and stops as cleanly as micro-batches. */
class TunedEchoAppIT {

    @Test
    void theContinuousTriggerPrintsTheLinesAndEndsWhenTheServerCloses() throws Exception {
        try (TestLineServer server = TestLineServer.start();
             AppProcess app = AppProcess.start(TunedEchoApp.class,
                     server.host(), String.valueOf(server.port()), "--trigger", "continuous")) {
            app.awaitOutput("Streaming from");
            server.send("first line", "second line");
            app.awaitOutput("|second line|");
            server.closeConnection();

            assertEquals(0, app.awaitExit(), app::output);
            assertEquals(List.of("first line", "second line"), SocketStreamAppIT.consoleRows(app.output()), app::output);
            assertTrue(app.output().contains("closed the connection"), app::output);
        }
    }

    @Test
    void ctrlCStopsAContinuousQueryWithoutStackTraces() throws Exception {
        SocketStreamAppIT.ctrlCStopsQuietly(TunedEchoApp.class, "--trigger", "continuous");
    }

    @Test
    void aBadSettingIsReportedBeforeSparkStarts() throws Exception {
        try (AppProcess app = AppProcess.start(TunedEchoApp.class, "--partitions", "0")) {
            assertEquals(2, app.awaitExit(), app::output);
            assertTrue(app.output().contains("--partitions '0'"), app::output);
            assertTrue(app.output().contains(Tuning.USAGE), app::output);
        }
    }
}
