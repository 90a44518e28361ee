package org.example.iot.sensors.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.example.iot.sensors.SocketStreamApp;
import org.example.iot.sensors.testkit.AppProcess;
import org.example.iot.sensors.testkit.TestLineServer;

/** Lesson 1 started as an IDE's run button or java -cp starts it: without the flags of .mvn/jvm.config. */
class PreflightIT {

    @Test
    void startedWithoutTheJvmFlagsItSaysWhereTheyAreOrRunsWhereNoneAreNeeded() throws Exception {
        try (TestLineServer server = TestLineServer.start();
             AppProcess app = AppProcess.startWithFlags(List.of("-Dfile.encoding=UTF-8"), SocketStreamApp.class,
                     server.host(), String.valueOf(server.port()))) {
            if (Preflight.sparkVersion().startsWith("3.")) {
                assertEquals(1, app.awaitExit(), app::output);
                assertTrue(app.output().startsWith("error: Spark " + Preflight.sparkVersion() + " needs JVM flags"), app::output);
                assertTrue(app.output().contains("@.mvn/jvm.config"), app::output);
                assertFalse(app.output().contains("IllegalAccessError"), app::output);
            } else {
                server.send("no flags needed");
                app.awaitOutput("|no flags needed|");
                server.closeConnection();
                assertEquals(0, app.awaitExit(), app::output);
            }
        }
    }
}
