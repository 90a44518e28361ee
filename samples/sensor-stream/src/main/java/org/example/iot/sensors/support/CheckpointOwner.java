package org.example.iot.sensors.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Which query a checkpoint belongs to, for the lessons that save a stream to files (4 and 5),
 * checked before Spark starts. Spark itself would take the checkpoint of another query and fail
 * later, or skip batches, or read on from offsets of another topic; so the first start writes
 * what the checkpoint is for into a file beside it (not in it: Spark owns that directory), and
 * every later start must be for the same.
 *
 * <p>One run at a time: two queries writing one checkpoint would each number batches the other
 * also writes. So {@link #createAndLock} also locks a file beside the checkpoint for the life of the process,
 * and a second run is refused while the first holds it. The lock is the operating system's
 * ({@link FileChannel#tryLock()}), which it frees when the process ends however it ends: a
 * {@code kill -9} never leaves a checkpoint locked.
 */
public final class CheckpointOwner {

    /** The owner file is the checkpoint's name with this ending, in the same directory. */
    static final String OWNER_SUFFIX = ".belongs-to.txt";

    /** The lock file is the checkpoint's name with this ending, in the same directory. */
    static final String LOCK_SUFFIX = ".lock";

    /** The file sink's log of committed batches, in the output directory. */
    public static final String SINK_LOG = "_spark_metadata";

    /**
     * The locks this process holds, by lock file, never released: the OS frees them when the
     * process ends. A second lock in the same process (a test) finds its own lock here, since the
     * OS would not tell one process's locks apart.
     */
    private static final Map<Path, FileLock> HELD = new ConcurrentHashMap<>();

    private CheckpointOwner() {
    }

    /** The file that names what the checkpoint belongs to, beside the checkpoint. */
    public static Path ownerFile(Path checkpoint) {
        Path absolute = checkpoint.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + OWNER_SUFFIX);
    }

    /**
     * Creates the checkpoint's directory and the file beside it that names owner, the lines that
     * say what it is for (such as "inbox=...", "output=..."), or checks that an existing checkpoint
     * is already this owner's; first creates output and makes sure it can be written (null for a
     * query that saves no files). Then locks the checkpoint for the life of this process. lesson
     * names the query in the messages, as in "lesson 4".
     *
     * @throws IllegalArgumentException naming the checkpoint or output, what is wrong and what to do
     */
    public static void createAndLock(Path checkpoint, Path output, String owner, String lesson) {
        if (output != null) {
            createWritable(output, "--output");
        }
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
            lock(checkpoint);
            return;
        }
        if (output != null && Files.isDirectory(output.resolve(SINK_LOG))) {
            // A new checkpoint would number its batches from 0 again, and the file sink would skip
            // every batch its log already holds: those records would never be saved.
            throw new IllegalArgumentException("the output directory '" + output + "' holds records saved with a"
                    + " checkpoint that is gone, so new ones would be skipped. Delete '" + output + "' to start over,"
                    + " or name another with --output DIR");
        }
        createWritable(checkpoint, "--checkpoint");
        write(ownerFile, owner);
        lock(checkpoint);
    }

    /** Runs lock, a call of {@link #createAndLock}; if it refuses, ends the app (status 2) with its one line. */
    public static void lockOrExit(Runnable lock) {
        try {
            lock.run();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Locks the file beside checkpoint for the rest of this process, and writes this process's id
     * in it for the message that refuses a second run.
     *
     * @throws IllegalArgumentException when another process holds it, naming that process
     */
    private static void lock(Path checkpoint) {
        Path absolute = checkpoint.toAbsolutePath().normalize();
        Path lockFile = absolute.resolveSibling(absolute.getFileName() + LOCK_SUFFIX);
        if (HELD.containsKey(lockFile)) {
            return;
        }
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).strip();
                channel.close();
                throw new IllegalArgumentException("the checkpoint '" + checkpoint + "' is in use by another run"
                        + (holder.isEmpty() ? "" : " (process " + holder + ")") + ", and two runs on one checkpoint"
                        + " would overwrite each other's batches. Stop that one first (Ctrl-C in its terminal"
                        + (holder.isEmpty() ? "" : ", or kill " + holder) + "), or give this one its own with --checkpoint DIR");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            HELD.put(lockFile, lock);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot lock '" + lockFile + "' (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "). Name a checkpoint in a directory you can write to with --checkpoint DIR");
        }
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
