package io.github.sparkstarter.samples.socket_course.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a main class of this project in a JVM of its own, as a user does, with the JVM flags of
 * .mvn/jvm.config, and records what it prints. For tests of exit codes and console output.
 */
public final class AppProcess implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** coreutils' env, which can reset a signal to its default before starting the app (Linux). */
    private static final Optional<String> RESTORE_CTRL_C = Stream.of("/usr/bin/env", "/bin/env")
            .filter(env -> Files.isExecutable(Path.of(env)) && Files.isDirectory(Path.of("/proc", "self")))
            .findFirst();

    /** The JVM flags Spark needs, one per line: read by Maven (exec:java), the tests, the scripts and the IDEs. */
    public static final Path JVM_CONFIG = Path.of(".mvn", "jvm.config");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread pump;

    private AppProcess(Process process) {
        this.process = process;
        this.pump = new Thread(() -> copy(process.getInputStream()), "app-output");
        pump.setDaemon(true);
        pump.start();
    }

    public static AppProcess start(Class<?> mainClass, String... args) throws IOException {
        return start(List.of(), mainClass, args);
    }

    /** Starts it with more JVM flags after those of .mvn/jvm.config, such as -Dfile.encoding=ISO-8859-1. */
    public static AppProcess start(List<String> moreJvmFlags, Class<?> mainClass, String... args) throws IOException {
        List<String> flags = new ArrayList<>();
        // The java launcher reads the flags from the file itself (an @argfile): one list for every way Java starts.
        flags.add("@" + JVM_CONFIG.toAbsolutePath());
        flags.addAll(moreJvmFlags);
        return startWithFlags(flags, mainClass, args);
    }

    /** Starts it with only these JVM flags: none of .mvn/jvm.config, as an IDE does unless told. */
    public static AppProcess startWithFlags(List<String> jvmFlags, Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (RESTORE_CTRL_C.isPresent()) {
            // A process started in the background (as by a build run from a script) inherits
            // Ctrl-C ignored, and Java then never sees it: give the app the terminal's default.
            command.add(RESTORE_CTRL_C.get());
            command.add("--default-signal=INT");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new AppProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                synchronized (this) {
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    /** Types a line into the process's standard input, as a user at its terminal does. */
    public void type(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Ends the process's standard input, as Ctrl-D does. */
    public void endInput() throws IOException {
        process.getOutputStream().close();
    }

    /** Everything the process printed so far, standard output and error together. */
    public String output() {
        return output.toString();
    }

    /** Waits until the output contains {@code text}; fails if the process ends first or time runs out. */
    public void awaitOutput(String text) throws InterruptedException {
        awaitOutput(text, TIMEOUT);
    }

    /** The same with a bound of its own, for output that comes after many batches. */
    public synchronized void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(text)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !process.isAlive() && !pump.isAlive()) {
                throw new AssertionError("expected output containing '" + text + "', got:\n" + output());
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, 200_000_000L));
        }
    }

    /**
     * Presses Ctrl-C: sends SIGINT, as a terminal does, after checking that the app does not
     * ignore it (else the test would prove nothing). Linux only: the check reads /proc.
     */
    public void pressCtrlC() throws IOException, InterruptedException {
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        String ignored = Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:")).findFirst().orElseThrow();
        long mask = Long.parseUnsignedLong(ignored.substring("SigIgn:".length()).strip(), 16);
        if ((mask & (1L << (2 - 1))) != 0) {
            throw new AssertionError("the app ignores SIGINT (" + ignored + "): Ctrl-C could not be tested");
        }
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start();
        if (!kill.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -INT " + process.pid() + " failed");
        }
    }

    /** Waits until a line of the output matches {@code line}; fails if the process ends first or time runs out. */
    public synchronized void awaitLine(Pattern line) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (output().lines().noneMatch(printed -> line.matcher(printed).matches())) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !process.isAlive() && !pump.isAlive()) {
                throw new AssertionError("expected a line matching '" + line + "', got:\n" + output());
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, 200_000_000L));
        }
    }

    /** Sends SIGTERM, as kill does, which runs the same shutdown hooks as Ctrl-C. */
    public void terminate() {
        // Through the handle: Process.destroy() would also close the pipe of the app's output,
        // and so lose what it prints while it stops.
        process.toHandle().destroy();
    }

    /** Kills the process at once (SIGKILL, as kill -9 does): no shutdown hook runs, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the app did not die within " + TIMEOUT);
        }
    }

    /** Waits for the process to end and returns its exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the app did not end within " + TIMEOUT + "; output:\n" + output());
        }
        pump.join(TIMEOUT.toMillis());
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
