package io.github.sparkstarter.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's one parser of the probe's progress line (bench/Bench.java, ProbeProgress.parse) reads
 * the line the probe formats (bench/app-src/bench/probe/ProbeLines, which ProgressProbe prints), and
 * its parser of StateCost's result line (StateCostLine.parse) the line ProbeLines.stateCost formats.
 * Both files are compiled from the working tree and the line comes from the probe's own code, so a
 * change to either that the other does not follow fails here. ProbeLines needs no Spark: this runs
 * in about a second, without starting a query.
 */
class BenchProgressLineTest {

    @TempDir
    static Path classes;

    static ClassLoader bench;

    @BeforeAll
    static void compileBenchAndProbeLines() throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean compiled = compiler.getTask(new StringWriter(), files, diagnostics,
                    List.of("--release", "17", "-encoding", "UTF-8", "-d", classes.toString()), null,
                    files.getJavaFileObjectsFromPaths(List.of(Path.of("bench/Bench.java"),
                            Path.of("bench/app-src/bench/probe/ProbeLines.java")))).call();
            assertTrue(compiled, () -> diagnostics.getDiagnostics().toString());
        }
        bench = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
    }

    /** ProbeLines.progress(batchId, rows, durations), as the probe prints it for a batch. */
    static String probeProgressLine(long batchId, long rows, Map<String, Long> durationMs) throws Exception {
        return (String) bench.loadClass("bench.probe.ProbeLines").getMethod("progress", long.class, long.class, Map.class)
                .invoke(null, batchId, rows, durationMs);
    }

    /** Bench's parse of the line: {batchId, rows, triggerMs}, or empty if it does not read it as progress. */
    static Optional<List<Long>> benchParse(String line) throws Exception {
        Class<?> progress = bench.loadClass("Bench$ProbeProgress");
        // Bench's members are package-private, in Bench's unnamed package.
        Method parse = progress.getDeclaredMethod("parse", String.class);
        parse.setAccessible(true);
        Optional<?> parsed = (Optional<?>) parse.invoke(null, line);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        List<Long> fields = new java.util.ArrayList<>();
        for (String field : List.of("batchId", "rows", "triggerMs")) {
            Method accessor = progress.getDeclaredMethod(field);
            accessor.setAccessible(true);
            fields.add((Long) accessor.invoke(parsed.get()));
        }
        return Optional.of(fields);
    }

    @Test
    void readsTheProbesProgressLineWithWhereTheTimeWent() throws Exception {
        String line = probeProgressLine(12, 50_000, Map.of("addBatch", 1800L, "latestOffset", 3L, "triggerExecution", 1950L));

        assertEquals(Optional.of(List.of(12L, 50_000L, 1950L)), benchParse(line), line);
    }

    @Test
    void readsABatchWithoutATriggerTimeAsMinusOne() throws Exception {
        String line = probeProgressLine(0, 0, Map.of());

        assertEquals(Optional.of(List.of(0L, 0L, -1L)), benchParse(line), line);
    }

    @Test
    void agreesOnTheStartedLine() throws Exception {
        Object probeStarted = bench.loadClass("bench.probe.ProbeLines").getField("STARTED").get(null);
        java.lang.reflect.Field benchStarted = bench.loadClass("Bench").getDeclaredField("PROBE_STARTED");
        benchStarted.setAccessible(true);

        assertEquals(probeStarted, benchStarted.get(null));
    }

    /** ProbeLines.stateCost(...) as probe/StateCost prints it, read back by Bench's StateCostLine.parse: its fields in order. */
    @Test
    void readsStateCostsResultLine() throws Exception {
        String line = (String) bench.loadClass("bench.probe.ProbeLines").getMethod("stateCost", String.class, long.class, long.class,
                long.class, long.class, int.class, long.class, long.class, long.class)
                .invoke(null, "rocksdb", 100_000L, 100_000L, 4586L, 491L, 10, 21_926_348L, 51_245_136L, 1_093_627_904L);
        Class<?> stateCost = bench.loadClass("Bench$StateCostLine");
        Method parse = stateCost.getDeclaredMethod("parse", String.class);
        parse.setAccessible(true);
        Optional<?> parsed = (Optional<?>) parse.invoke(null, line);

        assertTrue(parsed.isPresent(), line);
        List<Object> fields = new java.util.ArrayList<>();
        for (String field : List.of("store", "cards", "cardStateRows", "armingMs", "steadyMedianMs", "steadyBatches",
                "stateMemoryBytes", "heapAfterGcBytes", "rssBytes")) {
            Method accessor = stateCost.getDeclaredMethod(field);
            accessor.setAccessible(true);
            fields.add(accessor.invoke(parsed.get()));
        }
        assertEquals(List.of("rocksdb", 100_000L, 100_000L, 4586L, 491L, 10L, 21_926_348L, 51_245_136L, 1_093_627_904L), fields, line);
    }

    @Test
    void leavesAConsoleRowThatMentionsProgressAlone() throws Exception {
        assertEquals(Optional.empty(), benchParse("|BENCH progress batch=1 rows=2 triggerMs=3|"));
    }
}
