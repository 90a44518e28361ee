package org.example.iot.sensors.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where lesson 4 reads and writes, from its command line, checked before Spark starts: the inbox
 * its files are dropped into ({@code --inbox}, by default data/inbox), the directory the lines are
 * saved to ({@code --output}, saved/lines) and the query's checkpoint ({@code --checkpoint},
 * saved/checkpoint).
 */
public record SaveSettings(Path inbox, Path output, Path checkpoint) {

    public static final String USAGE = "usage: [--inbox DIR] [--output DIR] [--checkpoint DIR]"
            + "   (defaults: data/inbox, saved/lines, saved/checkpoint)";

    public static final String SHOW_USAGE = "usage: [--output DIR]   (default: saved/lines)";

    /**
     * Beside the checkpoint, not in it (Spark owns that directory): which inbox and output the
     * checkpoint belongs to. Spark itself would take a checkpoint of another query and fail later,
     * or skip batches.
     */
    static final String OWNER_SUFFIX = ".belongs-to.txt";

    /** The file sink's log of committed batches, in the output directory. */
    static final String SINK_LOG = "_spark_metadata";

    /** The settings of this run; a bad argument or set-up ends the app naming it (status 2). */
    public static SaveSettings fromCommandLine(String... args) {
        return CommandLine.readOrExit(USAGE, args, given -> {
            SaveSettings settings = fromArgs(given);
            settings.prepare();
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
    public static Path savedLinesFromCommandLine(String... args) {
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
        Path absolute = checkpoint.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + OWNER_SUFFIX);
    }

    /**
     * Checks the three directories and claims the checkpoint for this inbox and output.
     *
     * @throws IllegalArgumentException naming the path, what is wrong and what to do
     */
    void prepare() {
        if (!Files.isDirectory(inbox)) {
            throw new IllegalArgumentException("the input directory '" + inbox + "' does not exist. Create it"
                    + " (mkdir -p " + inbox + "), or name another with --inbox DIR; scripts/drop-sample.sh fills it");
        }
        createWritable(output, "--output");
        String owner = "inbox=" + inbox.toAbsolutePath().normalize() + "\noutput=" + output.toAbsolutePath().normalize() + "\n";
        if (!isEmpty(checkpoint)) {
            String found = Files.isRegularFile(ownerFile()) ? read(ownerFile()) : null;
            if (found == null) {
                throw new IllegalArgumentException("the checkpoint '" + checkpoint + "' belongs to another query, not"
                        + " to lesson 4. Give this one its own with --checkpoint DIR, or delete that directory");
            }
            if (!found.equals(owner)) {
                throw new IllegalArgumentException("the checkpoint '" + checkpoint + "' belongs to another query ("
                        + found.strip().replace('\n', ' ') + "). Give this one its own with --checkpoint DIR,"
                        + " or delete that directory to start over");
            }
            return;
        }
        if (Files.isDirectory(output.resolve(SINK_LOG))) {
            // A new checkpoint would number its batches from 0 again, and the file sink would skip
            // every batch its log already holds: those lines would never be saved.
            throw new IllegalArgumentException("the output directory '" + output + "' holds lines saved with a checkpoint"
                    + " that is gone, so new lines would be skipped. Delete '" + output + "' to start over, or name"
                    + " another with --output DIR");
        }
        createWritable(checkpoint, "--checkpoint");
        write(ownerFile(), owner);
    }

    private static void createWritable(Path dir, String option) {
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(Files.createTempFile(dir, ".probe", ".tmp"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write to the directory '" + dir + "' (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "). Name one you can write to with " + option + " DIR");
        }
    }

    private static boolean isEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
