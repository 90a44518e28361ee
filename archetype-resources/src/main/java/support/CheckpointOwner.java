package ${package}.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Which query a checkpoint belongs to, for the lessons that save a stream to files (4 and 5),
 * checked before Spark starts. Spark itself would take the checkpoint of another query and fail
 * later, or skip batches, or read on from offsets of another topic; so the first start writes
 * what the checkpoint is for into a file beside it (not in it: Spark owns that directory), and
 * every later start must be for the same.
 */
final class CheckpointOwner {

    /** The owner file is the checkpoint's name with this ending, in the same directory. */
    static final String OWNER_SUFFIX = ".belongs-to.txt";

    /** The file sink's log of committed batches, in the output directory. */
    static final String SINK_LOG = "_spark_metadata";

    private CheckpointOwner() {
    }

    /** The file that names what the checkpoint belongs to, beside the checkpoint. */
    static Path ownerFile(Path checkpoint) {
        Path absolute = checkpoint.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + OWNER_SUFFIX);
    }

    /**
     * Claims checkpoint for owner, the lines that say what it is for (such as "inbox=...",
     * "output=..."), or checks that it is already this owner's; first makes sure output can be
     * written. lesson names the query in the messages, as in "lesson 4".
     *
     * @throws IllegalArgumentException naming the checkpoint or output, what is wrong and what to do
     */
    static void claim(Path checkpoint, Path output, String owner, String lesson) {
        createWritable(output, "--output");
        Path ownerFile = ownerFile(checkpoint);
        if (!isEmpty(checkpoint)) {
            String found = Files.isRegularFile(ownerFile) ? read(ownerFile) : null;
            if (found == null) {
                throw new IllegalArgumentException("the checkpoint '" + checkpoint + "' belongs to another query, not"
                        + " to " + lesson + ". Give this one its own with --checkpoint DIR, or delete that directory");
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
            // every batch its log already holds: those records would never be saved.
            throw new IllegalArgumentException("the output directory '" + output + "' holds records saved with a"
                    + " checkpoint that is gone, so new ones would be skipped. Delete '" + output + "' to start over,"
                    + " or name another with --output DIR");
        }
        createWritable(checkpoint, "--checkpoint");
        write(ownerFile, owner);
    }

    /** Creates dir if missing and checks that files can be written in it; option names the fix. */
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
