package ${package}.settings;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ${package}.SaveLinesApp;
import ${package}.support.CheckpointOwner;
import ${package}.testkit.AppProcess;

/** Lesson 4's set-ups, good and bad: each bad one is named with its path and the fix, before Spark starts. */
class SaveSettingsTest {

    @Test
    void aNewSetUpClaimsItsCheckpointAndTheSameOneGoesOn(@TempDir Path dir) throws Exception {
        SaveSettings settings = setUp(dir);

        assertDoesNotThrow(settings::lockCheckpoint);
        assertTrue(Files.isRegularFile(settings.ownerFile()));
        assertTrue(settings.ownerFile().getFileName().toString().startsWith("checkpoint"), "beside the checkpoint it belongs to");
        assertTrue(isEmptyDirectory(settings.checkpoint()), "nothing of ours in Spark's checkpoint");
        assertDoesNotThrow(settings::lockCheckpoint, "started again on its own checkpoint");
    }

    @Test
    void anInputDirectoryThatDoesNotExistIsNamed(@TempDir Path dir) {
        SaveSettings settings = new SaveSettings(dir.resolve("no-inbox"), dir.resolve("saved"), dir.resolve("checkpoint"));

        assertNamed(settings, "the input directory '" + dir.resolve("no-inbox") + "' does not exist", "mkdir -p");
    }

    @Test
    void anOutputDirectoryThatCannotBeWrittenIsNamed(@TempDir Path dir) throws Exception {
        // Under a file: no one can create it, root included.
        Path output = Files.writeString(dir.resolve("a-file"), "").resolve("saved");
        SaveSettings settings = new SaveSettings(Files.createDirectories(dir.resolve("inbox")), output, dir.resolve("checkpoint"));

        assertNamed(settings, "cannot write to the directory '" + output + "'", "--output DIR");
    }

    @Test
    void theCheckpointOfAnotherQueryIsRefused(@TempDir Path dir) throws Exception {
        setUp(dir).lockCheckpoint();
        // What Spark writes at the first start of the query.
        Files.writeString(dir.resolve("checkpoint").resolve("metadata"), "{\"id\":\"lesson 4\"}");
        SaveSettings other = new SaveSettings(dir.resolve("inbox"), dir.resolve("elsewhere"), dir.resolve("checkpoint"));

        assertNamed(other, "the checkpoint '" + dir.resolve("checkpoint") + "' belongs to another query", "--checkpoint DIR");
    }

    @Test
    void aCheckpointThatIsNotLesson4sIsRefused(@TempDir Path dir) throws Exception {
        SaveSettings settings = setUp(dir);
        Files.writeString(Files.createDirectories(settings.checkpoint()).resolve("metadata"), "{\"id\":\"another query\"}");

        assertNamed(settings, "belongs to another query, not to lesson 4", "--checkpoint DIR");
    }

    @Test
    void savedLinesWhoseCheckpointIsGoneAreNotSilentlySkipped(@TempDir Path dir) throws Exception {
        SaveSettings settings = setUp(dir);
        Files.createDirectories(settings.output().resolve(CheckpointOwner.SINK_LOG));

        assertNamed(settings, "holds records saved with a checkpoint that is gone", "Delete '" + settings.output() + "'");
    }

    @Test
    void theAppSaysSoAndEndsWithStatus2BeforeSparkStarts(@TempDir Path dir) throws Exception {
        try (AppProcess app = AppProcess.start(SaveLinesApp.class, "--inbox", dir.resolve("missing").toString())) {
            assertTrue(app.awaitExit() == 2, app::output);
            assertTrue(app.output().startsWith("error: the input directory"), app::output);
            assertTrue(app.output().contains(SaveSettings.USAGE), app::output);
        }
    }

    @Test
    void theOptionsNameTheDirectories() {
        SaveSettings settings = SaveSettings.fromArgs("--output", "out", "--inbox", "in");

        assertTrue(settings.inbox().equals(Path.of("in")) && settings.output().equals(Path.of("out")), settings::toString);
        assertTrue(settings.checkpoint().equals(Path.of("saved", "checkpoint")), settings::toString);
        assertThrows(IllegalArgumentException.class, () -> SaveSettings.fromArgs("data/inbox"));
    }

    private static boolean isEmptyDirectory(Path dir) throws Exception {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static SaveSettings setUp(Path dir) throws Exception {
        return new SaveSettings(Files.createDirectories(dir.resolve("inbox")), dir.resolve("saved"), dir.resolve("checkpoint"));
    }

    private static void assertNamed(SaveSettings settings, String... parts) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> {
            settings.checkInbox();
            settings.lockCheckpoint();
        });
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), error::getMessage);
        }
    }
}
