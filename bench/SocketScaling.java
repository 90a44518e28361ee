import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the socket source's read time grows with a partition's rows: bench/app-src's probe/OursNoop
 * (our session, the socket source into N partitions, the noop sink) in the project the bench
 * compiled, fed bursts of lines at once.
 *
 * <p>Usage, after bench/run.sh (which leaves the compiled project in target/bench/app):
 * {@code java bench/SocketScaling.java APP_DIR PARTITIONS BURST...}, e.g.
 * {@code java bench/SocketScaling.java target/bench/app 1 5000 12500 25000 50000}. The first burst
 * warms the JVM up. For each burst it prints lines/s (first write to the progress event whose
 * cumulative row count covers the burst, as the bench does) and each batch that read its rows:
 * rows and triggerExecution ms.
 */
public final class SocketScaling {

    private static final Pattern PROGRESS = Pattern.compile("^BENCH progress batch=(\\d+) rows=(\\d+) triggerMs=(-?\\d+)$");

    record Progress(long at, long rows, long cumulative, long triggerMs) {}

    private static final List<Progress> progress = new ArrayList<>();
    private static long total;

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]).toAbsolutePath();
        String partitions = args[1];
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "@" + app.resolve(".mvn/jvm.config"),
                    "-cp", app.resolve("target/classes") + ":" + Files.readString(app.resolve("target/bench-classpath.txt")).strip(),
                    "-Dspark.sql.streaming.streamingQueryListeners=bench.probe.ProgressProbe",
                    "bench.probe.OursNoop", "127.0.0.1", String.valueOf(server.getLocalPort()), partitions);
            Process process = new ProcessBuilder(command).directory(app.toFile())
                    .redirectError(Path.of("/dev/null").toFile()).start();
            try {
                Thread reader = new Thread(() -> read(process));
                reader.setDaemon(true);
                reader.start();
                server.setSoTimeout(120_000);
                try (Socket client = server.accept();
                     Writer out = new BufferedWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8))) {
                    out.write("L0\n");
                    out.flush();
                    long sent = 1;
                    awaitRows(sent);
                    for (int b = 2; b < args.length; b++) {
                        int burst = Integer.parseInt(args[b]);
                        int before;
                        synchronized (SocketScaling.class) {
                            before = progress.size();
                        }
                        long start = System.nanoTime();
                        for (int i = 0; i < burst; i++) {
                            out.write("B" + b + "-" + i + "\n");
                        }
                        out.flush();
                        sent += burst;
                        awaitRows(sent);
                        synchronized (SocketScaling.class) {
                            List<Progress> batches = progress.subList(before, progress.size()).stream()
                                    .filter(p -> p.rows() > 0).toList();
                            Progress last = batches.get(batches.size() - 1);
                            StringBuilder detail = new StringBuilder();
                            for (Progress p : batches) {
                                detail.append(String.format(Locale.ROOT, " [%d rows, %d ms]", p.rows(), p.triggerMs()));
                            }
                            System.out.printf(Locale.ROOT, "partitions=%s burst=%d%s: %.0f lines/s, %.2f s; batches:%s%n",
                                    partitions, burst, b == 2 ? " (warm-up)" : "", burst / ((last.at() - start) / 1e9),
                                    (last.at() - start) / 1e9, detail);
                        }
                    }
                }
            } finally {
                process.destroy();
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    private static void read(Process process) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher m = PROGRESS.matcher(line);
                if (m.matches()) {
                    synchronized (SocketScaling.class) {
                        total += Long.parseLong(m.group(2));
                        progress.add(new Progress(System.nanoTime(), Long.parseLong(m.group(2)), total, Long.parseLong(m.group(3))));
                        SocketScaling.class.notifyAll();
                    }
                }
            }
        } catch (Exception e) {
            // the process ended
        }
    }

    private static void awaitRows(long target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        synchronized (SocketScaling.class) {
            while (total < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no progress up to " + target + " rows within 300 s");
                }
                SocketScaling.class.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }
}
