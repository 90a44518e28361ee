package org.example.iot.sensors.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.example.iot.sensors.testkit.AppProcess;

/**
 * One run at a time on a checkpoint, between processes: a second claim is refused in one line
 * while the first process lives, and a process killed with kill -9 leaves the checkpoint free.
 */
class CheckpointOwnerTest {

    private static final Pattern CLAIMED = Pattern.compile("claimed by process (\\d+)");

    @Test
    void aSecondProcessIsRefusedWhileTheFirstLivesAndTheCheckpointIsFreeAfterKillDash9(@TempDir Path dir) throws Exception {
        String checkpoint = dir.resolve("checkpoint").toString();
        try (AppProcess first = AppProcess.start(Claimer.class, checkpoint)) {
            first.awaitOutput("claimed by process");
            Matcher claimed = CLAIMED.matcher(first.output());
            claimed.find();

            try (AppProcess second = AppProcess.start(Claimer.class, checkpoint)) {
                assertEquals(2, second.awaitExit(), second::output);
                List<String> lines = second.output().lines().toList();
                assertEquals(List.of("error: the checkpoint '" + checkpoint + "' is in use by another run (process " + claimed.group(1)
                        + "), and two runs on one checkpoint would overwrite each other's batches. Stop that one first"
                        + " (Ctrl-C in its terminal, or kill " + claimed.group(1) + "), or give this one its own with --checkpoint DIR"), lines);
            }

            first.kill();
        }
        try (AppProcess afterTheCrash = AppProcess.start(Claimer.class, checkpoint)) {
            afterTheCrash.awaitOutput("claimed by process");
        }
    }

    /** Claims the checkpoint given, as a lesson does, then holds it until its input ends. */
    public static final class Claimer {
        public static void main(String[] args) throws Exception {
            try {
                CheckpointOwner.createAndLock(Path.of(args[0]), null, "test\n", "the test");
            } catch (IllegalArgumentException e) {
                System.out.println("error: " + e.getMessage());
                System.exit(2);
            }
            System.out.println("claimed by process " + ProcessHandle.current().pid());
            System.in.read();
        }
    }
}
