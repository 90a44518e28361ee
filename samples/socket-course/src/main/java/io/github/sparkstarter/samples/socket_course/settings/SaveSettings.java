package io.github.sparkstarter.samples.socket_course.settings;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.sparkstarter.samples.socket_course.support.CheckpointOwner;
import io.github.sparkstarter.samples.socket_course.support.CommandLine;

/**
 * Where lesson 4 reads and writes, from its command line, checked and its checkpoint locked before
 * Spark starts: the inbox
 * its files are dropped into ({@code --inbox}, by default data/inbox), the directory the lines are
 * saved to ({@code --output}, saved/lines) and the query's checkpoint ({@code --checkpoint},
 * saved/checkpoint).
 */
public record SaveSettings(Path inbox, Path output, Path checkpoint) {

    public static final String USAGE = "usage: [--inbox DIR] [--output DIR] [--checkpoint DIR]"
            + "   (defaults: data/inbox, saved/lines, saved/checkpoint)";

    public static final String SHOW_USAGE = "usage: [--output DIR]   (default: saved/lines)";

    /** The settings of this run; a bad argument or a missing inbox ends the app naming it (status 2). */
    public static SaveSettings fromCommandLineOrExit(String... args) {
        return CommandLine.readOrExit(USAGE, args, given -> {
            SaveSettings settings = fromArgs(given);
            settings.checkInbox();
            return settings;
        });
    }

    /** @throws IllegalArgumentException naming the bad argument */
    public static SaveSettings fromArgs(String... args) {
        CommandLine line = CommandLine.parse(args, 0, "inbox", "output", "checkpoint");
        return new SaveSettings(Path.of(line.option("inbox", "data/inbox")), Path.of(line.option("output", "saved/lines")),
                Path.of(line.option("checkpoint", "saved/checkpoint")));
    }

    /** ShowSavedLines' one option, the directory to read; one that does not exist ends the app (status 2). */
    public static Path savedLinesFromCommandLineOrExit(String... args) {
        return CommandLine.readOrExit(SHOW_USAGE, args, given -> {
            Path output = Path.of(CommandLine.parse(given, 0, "output").option("output", "saved/lines"));
            if (!Files.isDirectory(output)) {
                throw new IllegalArgumentException("nothing saved in '" + output + "' yet: run lesson 4 first,"
                        + " mvn -q compile exec:java@save-lines");
            }
            return output;
        });
    }

    /** The file that names the inbox and output the checkpoint belongs to, beside the checkpoint. */
    Path ownerFile() {
        return CheckpointOwner.ownerFile(checkpoint);
    }

    /** @throws IllegalArgumentException when the inbox does not exist, saying what to do */
    void checkInbox() {
        if (!Files.isDirectory(inbox)) {
            throw new IllegalArgumentException("the input directory '" + inbox + "' does not exist. Create it"
                    + " (mkdir -p " + inbox + "), or name another with --inbox DIR; scripts/drop-sample.sh fills it");
        }
    }

    /**
     * Creates the output and checkpoint directories, or checks that the checkpoint is this inbox's
     * and output's, and locks it for the life of this process ({@link CheckpointOwner}); otherwise
     * ends the app (status 2) with one line naming the directory and the fix, then the usage line.
     */
    public void lockCheckpointOrExit() {
        try {
            lockCheckpoint();
        } catch (IllegalArgumentException e) {
            CommandLine.exitWithUsage(USAGE, e);
        }
    }

    /** @throws IllegalArgumentException naming the path, what is wrong and what to do */
    void lockCheckpoint() {
        String owner = "inbox=" + inbox.toAbsolutePath().normalize() + "\noutput=" + output.toAbsolutePath().normalize() + "\n";
        CheckpointOwner.createAndLock(checkpoint, output, owner, "lesson 4");
    }
}
