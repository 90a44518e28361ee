package io.github.sparkstarter.samples.socket_course.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where lesson 4 reads and writes, from system properties, checked before Spark starts: the inbox
 * its files are dropped into ({@code -Dlesson4.inbox}, by default data/inbox), the directory the
 * lines are saved to ({@code -Dlesson4.output}, saved/lines) and the query's checkpoint
 * ({@code -Dlesson4.checkpoint}, saved/checkpoint).
 */
public record SaveSettings(Path inbox, Path output, Path checkpoint) {

    /**
     * Written into the checkpoint at the first start: which inbox and output it belongs to. Spark
     * itself would take a checkpoint of another query and fail later, or skip batches.
     */
    static final String OWNER_FILE = "lesson4-query.txt";

    /** The file sink's log of committed batches, in the output directory. */
    static final String SINK_LOG = "_spark_metadata";

    /** The settings of this run; a bad set-up ends the app with a message naming the path (status 2). */
    public static SaveSettings fromSystemProperties() {
        SaveSettings settings = new SaveSettings(
                Path.of(System.getProperty("lesson4.inbox", "data/inbox")),
                Path.of(System.getProperty("lesson4.output", "saved/lines")),
                Path.of(System.getProperty("lesson4.checkpoint", "saved/checkpoint")));
        try {
            settings.prepare();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
        Preflight.checkJavaAndCharset();
        return settings;
    }

    /**
     * Checks the three directories and claims the checkpoint for this inbox and output.
     *
     * @throws IllegalArgumentException naming the path, what is wrong and what to do
     */
    void prepare() {
        if (!Files.isDirectory(inbox)) {
            throw new IllegalArgumentException("the input directory '" + inbox + "' does not exist. Create it"
                    + " (mkdir -p " + inbox + "), or name another with -Dlesson4.inbox=DIR; scripts/drop-sample.sh fills it");
        }
        createWritable(output, "-Dlesson4.output");
        String owner = "inbox=" + inbox.toAbsolutePath().normalize() + "\noutput=" + output.toAbsolutePath().normalize() + "\n";
        Path ownerFile = checkpoint.resolve(OWNER_FILE);
        if (Files.isRegularFile(ownerFile)) {
            String found = read(ownerFile);
            if (!found.equals(owner)) {
                throw new IllegalArgumentException("the checkpoint '" + checkpoint + "' belongs to another query ("
                        + found.strip().replace('\n', ' ') + "). Give this one its own with -Dlesson4.checkpoint=DIR,"
                        + " or delete that directory to start over");
            }
            return;
        }
        if (!isEmpty(checkpoint)) {
            throw new IllegalArgumentException("the checkpoint '" + checkpoint + "' belongs to another query, not"
                    + " to lesson 4. Give this one its own with -Dlesson4.checkpoint=DIR, or delete that directory");
        }
        if (Files.isDirectory(output.resolve(SINK_LOG))) {
            // A new checkpoint would number its batches from 0 again, and the file sink would skip
            // every batch its log already holds: those lines would never be saved.
            throw new IllegalArgumentException("the output directory '" + output + "' holds lines saved with a checkpoint"
                    + " that is gone, so new lines would be skipped. Delete '" + output + "' to start over, or name"
                    + " another with -Dlesson4.output=DIR");
        }
        createWritable(checkpoint, "-Dlesson4.checkpoint");
        write(ownerFile, owner);
    }

    private static void createWritable(Path dir, String option) {
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(Files.createTempFile(dir, ".probe", ".tmp"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write to the directory '" + dir + "' (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "). Name one you can write to with " + option + "=DIR");
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
