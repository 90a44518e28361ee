import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Benchmark of the generated project against a baseline written the way the Spark guide writes it.
 *
 * <p>Run from the repository root: {@code java bench/Bench.java [options]} (bench/run.sh does it), or
 * {@code java bench/Bench.java socket-scaling ...} (see SocketScaling).
 * It installs the archetype, generates projects, copies the baseline and probe sources of
 * bench/app-src into one of them, then starts each app in its own JVM against a line server of its
 * own on 127.0.0.1, reads the app's stdout as it streams, and prints one Markdown table on stdout.
 * Progress goes to stderr; every file it writes is under target/bench/ (logs in target/bench/logs).
 *
 * <p>Options: --spark-version V (the archetype's default line, the pom's spark.version: the
 * generated project, and so every app, ours and the baseline, runs that Spark), --no-verify,
 * --kafka-only (lesson 5's rows only), --state-only (lesson 7's state rows only), --state-batches N (10 steady
 * batches measured per store and number of cards), --state-rows N (1000 payments a steady batch), --runs N (3: the cold start and latency rows are medians of
 * N alternating runs), --lines N (300), --rate N lines/s (20), --burst N (50000), --bursts N (3, throughput is their median),
 * --count-batches N (6, at most 35 s of input), --gen-runs N (3), --continuous-interval TEXT
 * ("100 milliseconds"), --ours-trigger VALUE ("continuous": the latency run of our TunedEchoApp with
 * --trigger VALUE, its low-latency switch), --ours-source-partitions N (cores; the throughput
 * runs of our TunedEchoApp with --partitions N, and of probe/OursNoop with N partitions),
 * --baseline-jvm-flag FLAG (repeatable; e.g. -Dspark.sql.shuffle.partitions=2 or
 * -Dspark.ui.enabled=false, which SparkSession.builder() reads, to see what one of our defaults is worth).
 *
 * <p>The archetype's coordinates, the archetype plugin's version and the default Spark line are read
 * from the repository's pom.xml (its first version, and the properties archetype.version and
 * spark.version), so they are written down in one place only.
 *
 * <p>One run is one Bench instance: its options, paths, the figures it measured and the processes it
 * started are its fields, set once in the constructor (apart from the maps and the list it fills).
 * The table's rows are declared in the enum Row; a measurement records its figures for a Row.
 */
public final class Bench {

    /** An archetype's coordinates. */
    record Archetype(String groupId, String artifactId, String version) {
        @Override
        public String toString() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    static final Archetype QUICKSTART = new Archetype("org.apache.maven.archetypes", "maven-archetype-quickstart", "1.5");
    /** The generated project's package, so the copied bench sources can import it. */
    static final String OURS_PACKAGE = "bench.ours";
    static final String BASELINE = "bench.baseline.";
    /** Added to every app through a Spark setting, so no app's code changes (see ProgressProbe). */
    static final String PROBE = "-Dspark.sql.streaming.streamingQueryListeners=bench.probe.ProgressProbe";
    /** The probe's line when a query started (bench/app-src/bench/probe/ProbeLines.STARTED). */
    static final String PROBE_STARTED = "BENCH started";

    /**
     * A batch as the probe reports it (bench/app-src/bench/probe/ProbeLines.progress); the one
     * parser of that line, for the bench and its socket-scaling mode. BenchProgressLineTest, in the
     * archetype's build, feeds it the line ProbeLines formats.
     */
    record ProbeProgress(long batchId, long rows, long triggerMs) {
        // What follows triggerMs (durations=...) is for the logs only.
        private static final Pattern LINE = Pattern.compile("^BENCH progress batch=(\\d+) rows=(\\d+) triggerMs=(-?\\d+)(?: .*)?$");

        static Optional<ProbeProgress> parse(String line) {
            Matcher m = LINE.matcher(line);
            return m.matches()
                    ? Optional.of(new ProbeProgress(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))))
                    : Optional.empty();
        }
    }
    /**
     * probe/StateCost's result (bench/app-src/bench/probe/ProbeLines.stateCost): the store, the cards
     * armed and the rows of the card state, the arming batch's and the steady batches' median ms,
     * and memory in bytes. BenchProgressLineTest feeds it the line ProbeLines formats.
     */
    record StateCostLine(String store, long cards, long cardStateRows, long armingMs, long steadyMedianMs, long steadyBatches,
                         long stateMemoryBytes, long heapAfterGcBytes, long rssBytes) {
        private static final Pattern LINE = Pattern.compile("^BENCH state store=(\\S+) cards=(\\d+) cardStateRows=(-?\\d+)"
                + " armingMs=(\\d+) steadyMedianMs=(\\d+) steadyBatches=(\\d+) stateMemoryBytes=(-?\\d+)"
                + " heapAfterGcBytes=(\\d+) rssBytes=(-?\\d+)$");

        static Optional<StateCostLine> parse(String line) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                return Optional.empty();
            }
            long[] n = new long[8];
            for (int i = 0; i < n.length; i++) {
                n[i] = Long.parseLong(m.group(i + 2));
            }
            return Optional.of(new StateCostLine(m.group(1), n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]));
        }
    }
    /** The baseline has no log4j2.properties of its own: it gets Spark's default profile (INFO). */
    static final String SPARK_DEFAULT_LOGGING = "-Dlog4j2.configurationFile=org/apache/spark/log4j2-defaults.properties";
    /** The generated project's runtime dependencies (the apps', the sender's), written by dependency:build-classpath. */
    static final String RUNTIME_CLASSPATH = "target/bench-classpath.txt";
    /** Its compile dependencies, with the provided Kafka server: the broker's. */
    static final String BROKER_CLASSPATH = "target/bench-broker-classpath.txt";

    record Options(String sparkVersion, boolean verify, boolean kafkaOnly, boolean stateOnly, int stateBatches, int stateRows, int runs, int lines, int rate, int burst, int bursts, int countBatches, int genRuns,
                   String continuousInterval, String oursTrigger, int oursSourcePartitions, List<String> baselineFlags) {
        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            List<String> baselineFlags = new ArrayList<>();
            boolean verify = true;
            boolean kafkaOnly = false;
            boolean stateOnly = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--no-verify" -> verify = false;
                    case "--kafka-only" -> kafkaOnly = true;
                    case "--state-only" -> stateOnly = true;
                    case "--baseline-jvm-flag" -> {
                        if (i + 1 == args.length) {
                            throw new IllegalArgumentException(args[i] + " needs a value");
                        }
                        baselineFlags.add(args[++i]);
                    }
                    case "--spark-version", "--state-batches", "--state-rows", "--runs", "--lines", "--rate", "--burst", "--bursts", "--count-batches", "--gen-runs",
                         "--continuous-interval", "--ours-trigger", "--ours-source-partitions" -> {
                        if (i + 1 == args.length) {
                            throw new IllegalArgumentException(args[i] + " needs a value");
                        }
                        values.put(args[i], args[++i]);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; options: --spark-version V --no-verify --kafka-only --state-only --state-batches N --state-rows N --runs N --lines N --rate N --burst N --bursts N --count-batches N --gen-runs N"
                            + " --continuous-interval TEXT --ours-trigger VALUE --ours-source-partitions N"
                            + " --baseline-jvm-flag FLAG; or the mode " + SocketScaling.MODE + " APP_DIR PARTITIONS BURST...");
                }
            }
            if (kafkaOnly && stateOnly) {
                throw new IllegalArgumentException("--kafka-only and --state-only: one or the other");
            }
            return new Options(values.get("--spark-version"), verify, kafkaOnly, stateOnly,
                    Integer.parseInt(values.getOrDefault("--state-batches", "10")),
                    Integer.parseInt(values.getOrDefault("--state-rows", "1000")),
                    Integer.parseInt(values.getOrDefault("--runs", "3")),
                    Integer.parseInt(values.getOrDefault("--lines", "300")),
                    Integer.parseInt(values.getOrDefault("--rate", "20")),
                    Integer.parseInt(values.getOrDefault("--burst", "50000")),
                    Integer.parseInt(values.getOrDefault("--bursts", "3")),
                    Integer.parseInt(values.getOrDefault("--count-batches", "6")),
                    Integer.parseInt(values.getOrDefault("--gen-runs", "3")),
                    values.getOrDefault("--continuous-interval", "100 milliseconds"),
                    values.getOrDefault("--ours-trigger", "continuous"),
                    Integer.parseInt(values.getOrDefault("--ours-source-partitions",
                            String.valueOf(Runtime.getRuntime().availableProcessors()))),
                    List.copyOf(baselineFlags));
        }
    }

    /**
     * A part of the bench. A scenario that did not run (--kafka-only, --state-only) has no rows in the table; one
     * that was skipped has one row that says why, where its first row would be.
     */
    enum Scenario {
        GENERATE("`archetype:generate -o`"),
        VERIFY("`mvn -o verify` of the generated project"),
        ECHO("echo"),
        NOOP("echo into the noop sink"),
        WORD_COUNT("word count"),
        WINDOWED_COUNT("windowed count"),
        LOW_LATENCY("low-latency trigger"),
        KAFKA("Kafka"),
        KAFKA_REAL_TIME("Kafka, real-time mode"),
        STATE_1K("lesson 7's state, 1,000 cards"),
        STATE_10K("lesson 7's state, 10,000 cards"),
        STATE_100K("lesson 7's state, 100,000 cards");

        final String title;

        Scenario(String title) {
            this.title = title;
        }
    }

    /**
     * The rows of the table, in its order: the scenario that measures each, its metric and unit, and
     * how it is measured (the start of its note; the run adds what it saw, such as rows seen or the
     * spread of alternating runs). {NAME} stands for an option or a fact of the machine (see
     * textValues); bench/README.md says exactly what each row measures.
     */
    enum Row {
        GENERATE(Scenario.GENERATE, "`archetype:generate -o`, median of {genRuns}", "s",
                "baseline = maven-archetype-quickstart 1.5"),
        VERIFY(Scenario.VERIFY, "`mvn -o verify` of the generated project", "s", "tests included; no baseline"),
        COLD_START(Scenario.ECHO, "cold start: JVM start to query started and socket connected", "s", ""),
        FIRST_LINE(Scenario.ECHO, "first line sent to its row on the console (first batch)", "s",
                "sent at once after the cold start: waits out Spark's first, empty, batch"),
        LATENCY_P50(Scenario.ECHO, "line to console latency p50, {lines} lines at {rate}/s", "ms", ""),
        LATENCY_P99(Scenario.ECHO, "line to console latency p99", "ms", ""),
        RSS_AFTER_LATENCY(Scenario.ECHO, "peak RSS (VmHWM) after the latency run", "MB", "run 1"),
        CONSOLE_THROUGHPUT(Scenario.ECHO, "echo throughput into the console sink, median of {bursts} bursts of {burst}", "lines/s",
                "source partitions: ours 1 (keeps line order), baseline {cores} (= cores); ours prints every row, baseline 20 a batch"),
        CONSOLE_THROUGHPUT_PARTITIONS(Scenario.ECHO, "the same, ours: `TunedEchoApp` with `--partitions {partitions}`", "lines/s",
                "ours {partitions} partitions: lines out of order within a batch"),
        RSS_AFTER_BURST(Scenario.ECHO, "peak RSS (VmHWM) after the burst", "MB", ""),
        NOOP_THROUGHPUT(Scenario.NOOP, "echo throughput into the noop sink, median of {bursts} bursts of {burst}", "lines/s",
                "source partitions: ours 1, baseline {cores} (= cores)"),
        NOOP_THROUGHPUT_PARTITIONS(Scenario.NOOP, "the same, ours with {partitions} source partitions", "lines/s", ""),
        WORD_COUNT_STEADY_BATCH(Scenario.WORD_COUNT, "word count: batch duration p50 at steady state", "ms", "triggerExecution"),
        WORD_COUNT_FIRST_BATCH(Scenario.WORD_COUNT, "word count: first batch duration", "ms", "includes the first shuffle's setup"),
        WINDOWED_COUNT_STEADY_BATCH(Scenario.WINDOWED_COUNT, "windowed count: batch duration p50 at steady state", "ms",
                "triggerExecution; ours: 5 s trigger, update mode, watermark; baseline: guide example, complete mode, sorted"),
        WINDOWED_COUNT_FIRST_BATCH(Scenario.WINDOWED_COUNT, "windowed count: first batch duration", "ms",
                "includes the first shuffle's setup"),
        LOW_LATENCY_P50(Scenario.LOW_LATENCY, "low-latency trigger: latency p50", "ms",
                "baseline: Trigger.Continuous({continuousInterval}); ours: TunedEchoApp --trigger {oursTrigger}"),
        LOW_LATENCY_P99(Scenario.LOW_LATENCY, "low-latency trigger: latency p99", "ms", ""),
        KAFKA_COLD_START(Scenario.KAFKA, "Kafka: cold start, JVM start to query started", "s", "ours asks the broker for the topic first"),
        KAFKA_FIRST_RECORD(Scenario.KAFKA, "Kafka: first record, produced to its batch committed", "s",
                "produced at once after the cold start"),
        KAFKA_COMMITTED_P50(Scenario.KAFKA, "Kafka: record produced to its batch committed, p50, {lines} records at {rate}/s", "ms",
                "micro-batch; ours: KafkaLinesApp, JSON files, exactly once; baseline: console"),
        KAFKA_COMMITTED_P99(Scenario.KAFKA, "Kafka: record produced to its batch committed, p99", "ms", ""),
        KAFKA_REAL_TIME_P50(Scenario.KAFKA_REAL_TIME,
                "Kafka, real-time mode: record produced to its row printed, p50, {lines} records at {rate}/s", "ms",
                "ours: KafkaRealTimeApp, Trigger.RealTime, foreach sink; baseline: the micro-batch query above, its console row"),
        KAFKA_REAL_TIME_P99(Scenario.KAFKA_REAL_TIME, "Kafka, real-time mode: record produced to its row printed, p99", "ms", ""),
        KAFKA_THROUGHPUT(Scenario.KAFKA, "Kafka: ordered throughput from a 1-partition topic, median of {bursts} bursts of {burst}",
                "records/s", "ours: JSON files and checkpoint; baseline: console, 20 rows a batch"),
        STATE_1K_BATCH(Scenario.STATE_1K, "lesson 7's rule, 1,000 cards armed: batch duration p50", "ms", STATE_BATCH_HOW),
        STATE_1K_STATE_MEMORY(Scenario.STATE_1K, "the same: state memory (memoryUsedBytes)", "MB", STATE_MEMORY_HOW),
        STATE_1K_HEAP(Scenario.STATE_1K, "the same: JVM heap used after GC", "MB", STATE_HEAP_HOW),
        STATE_1K_RSS(Scenario.STATE_1K, "the same: resident set (VmRSS)", "MB", STATE_RSS_HOW),
        STATE_10K_BATCH(Scenario.STATE_10K, "lesson 7's rule, 10,000 cards armed: batch duration p50", "ms", ""),
        STATE_10K_STATE_MEMORY(Scenario.STATE_10K, "the same: state memory (memoryUsedBytes)", "MB", ""),
        STATE_10K_HEAP(Scenario.STATE_10K, "the same: JVM heap used after GC", "MB", ""),
        STATE_10K_RSS(Scenario.STATE_10K, "the same: resident set (VmRSS)", "MB", ""),
        STATE_100K_BATCH(Scenario.STATE_100K, "lesson 7's rule, 100,000 cards armed: batch duration p50", "ms", ""),
        STATE_100K_STATE_MEMORY(Scenario.STATE_100K, "the same: state memory (memoryUsedBytes)", "MB", ""),
        STATE_100K_HEAP(Scenario.STATE_100K, "the same: JVM heap used after GC", "MB", ""),
        STATE_100K_RSS(Scenario.STATE_100K, "the same: resident set (VmRSS)", "MB", "");

        final Scenario scenario;
        final String metric;
        final String unit;
        final String howMeasured;

        Row(Scenario scenario, String metric, String unit, String howMeasured) {
            this.scenario = scenario;
            this.metric = metric;
            this.unit = unit;
            this.howMeasured = howMeasured;
        }
    }

    // How lesson 7's state rows are measured (bench/app-src/bench/probe/StateCost); said once, on the 1,000 cards rows.
    static final String STATE_BATCH_HOW = "probe/StateCost: the lesson's sequenceAlerts into the noop sink, one file a batch;"
            + " after the batch that arms the cards, {stateBatches} batches of {stateRows} test payments to armed cards (2 warm-up"
            + " ones before them left out); ours: RocksDB, the lesson's store; baseline: Spark's default, HDFS-backed, store";
    static final String STATE_MEMORY_HOW = "Spark's figure after the last batch, summed over the rule's two state operators"
            + " (duplicates: a row per transaction, here cards + batches x rows; cards: a row per card);"
            + " default store: its maps, on the heap; RocksDB: its native memory, off the heap";
    static final String STATE_HEAP_HOW = "System.gc() with the query running, its stores loaded: holds the default store's maps, not RocksDB's";
    static final String STATE_RSS_HOW = "the app's process after the last batch: heap as the JVM sized it, plus native memory (RocksDB)";

    /** When the JVM started the bench: the origin of the times in its progress lines. */
    static final long benchStart = System.nanoTime();

    private final Options opt;
    /** The repository root, where the bench runs. */
    private final Path repo;
    /** target/bench: everything the bench writes. */
    private final Path work;
    private final Path logs;
    /** The generated project the apps run from (target/bench/app). */
    private final Path app;
    /** From pom.xml (see readPom): the archetype plugin's generate goal, and our archetype's coordinates. */
    private final String generateGoal;
    private final Archetype ours;
    /** The Spark version the project is generated with: --spark-version, else the pom's spark.version. */
    private final String sparkVersion;
    /** The figures of the table's rows measured so far; printed even when a step fails. */
    private final Map<Row, Figures> measured = new EnumMap<>(Row.class);
    /** The scenarios skipped, with why. */
    private final Map<Scenario, String> skipped = new EnumMap<>(Scenario.class);
    /** Every process started and not yet stopped, for the shutdown hook. */
    private final List<Process> running = new CopyOnWriteArrayList<>();

    Bench(Options opt, Path repo, Map<String, String> pom) {
        this.opt = opt;
        this.repo = repo;
        this.work = repo.resolve("target/bench");
        this.logs = work.resolve("logs");
        this.app = work.resolve("app");
        this.generateGoal = "org.apache.maven.plugins:maven-archetype-plugin:" + pom.get("archetype.version") + ":generate";
        this.ours = new Archetype(pom.get("groupId"), pom.get("artifactId"), pom.get("version"));
        this.sparkVersion = opt.sparkVersion() != null ? opt.sparkVersion() : pom.get("spark.version");
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(SocketScaling.MODE)) {
            SocketScaling.run(List.of(args).subList(1, args.length));
            return;
        }
        Options opt;
        try {
            opt = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path repo = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(repo.resolve("bench/app-src")) || !Files.exists(repo.resolve("pom.xml"))) {
            throw new IllegalStateException("run from the repository root (bench/run.sh does)");
        }
        System.exit(new Bench(opt, repo, readPom(repo.resolve("pom.xml"))).run());
    }

    /** The whole bench: builds, measures, prints the table; returns the exit status. */
    int run() throws IOException {
        deleteTree(work);
        Files.createDirectories(logs);
        // Ctrl-C or kill: the JVM runs this hook, so no app or Maven process outlives the bench.
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll));
        String loadAtStart = loadAverage();
        int status = 0;
        try {
            buildWithMaven();
            measureApps();
        } catch (Exception e) {
            status = 1;
            log("FAILED: " + e.getMessage() + " (logs in " + repo.relativize(logs) + ")");
        } finally {
            stopAll();
        }
        printTable(loadAtStart);
        return status;
    }

    // ---------------------------------------------------------------- Maven: install, generate, build

    /**
     * The archetype's groupId, artifactId and version (the first of each in the pom: the project's
     * own, it has no parent), and the properties archetype.version (the archetype plugin's version)
     * and spark.version (the default Spark line of the generated project).
     */
    static Map<String, String> readPom(Path pomFile) throws IOException {
        String text = Files.readString(pomFile).replaceAll("(?s)<!--.*?-->", "");
        Map<String, String> pom = new HashMap<>();
        for (String tag : List.of("groupId", "artifactId", "version", "archetype.version", "spark.version")) {
            Matcher m = Pattern.compile("<" + Pattern.quote(tag) + ">\\s*([^<\\s]+)\\s*</" + Pattern.quote(tag) + ">").matcher(text);
            if (!m.find()) {
                throw new IllegalStateException(pomFile + " has no <" + tag + ">");
            }
            pom.put(tag, m.group(1));
        }
        return pom;
    }

    void buildWithMaven() throws Exception {
        log("installing the archetype " + ours + "; generating with Spark " + sparkVersion);
        mvn(repo, "install", Duration.ofMinutes(5),
                "-q", "-B", "install", "-DskipTests", "-Darchetype.test.skip=true", "-Dinvoker.skip=true");

        Path gen = Files.createDirectories(work.resolve("gen"));
        // Untimed first runs: the quickstart one (online) puts that archetype in the local repository
        // if it is missing; ours makes the project the apps run from, app.
        log("generating (untimed warm-up runs)");
        generate(gen, QUICKSTART, "qs-warmup", false);
        generate(app.getParent(), ours, app.getFileName().toString(), true);

        log("timing archetype:generate, " + opt.genRuns() + " runs each, offline");
        List<Double> oursTimes = new ArrayList<>();
        List<Double> quickstart = new ArrayList<>();
        for (int i = 1; i <= opt.genRuns(); i++) {
            oursTimes.add(generate(gen, ours, "ours-" + i, true));
            quickstart.add(generate(gen, QUICKSTART, "qs-" + i, true));
        }
        record(Row.GENERATE, Optional.ofNullable(median(oursTimes)), Optional.ofNullable(median(quickstart)), "");

        log("copying bench/app-src into the app project and compiling it");
        Path sources = repo.resolve("bench/app-src");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = app.resolve("src/main/java").resolve(sources.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        // Classes plus the dependency classpath: what the jar and its lib/ hold, without packaging.
        // Online, as a first build on a new machine is: this downloads what the timed, offline, verify needs.
        mvn(app, "compile", Duration.ofMinutes(10), "-q", "-B", "compile", "dependency:build-classpath",
                "-Dmdep.outputFile=" + RUNTIME_CLASSPATH, "-Dmdep.includeScope=runtime");
        // The project's broker (tools/KafkaBroker, main code) needs the Kafka server, a provided
        // dependency: the compile classpath has it, the runtime one not. The project runs its broker
        // with that classpath too (exec:java@kafka-broker, classpathScope compile).
        mvn(app, "broker-classpath", Duration.ofMinutes(5), "-q", "-B", "dependency:build-classpath",
                "-Dmdep.outputFile=" + BROKER_CLASSPATH, "-Dmdep.includeScope=compile");

        if (opt.verify()) {
            log("timing mvn verify of a freshly generated project (its tests start Spark and a Kafka broker: about 5 minutes)");
            double verify = mvn(gen.resolve("ours-1"), "verify", Duration.ofMinutes(15), "-q", "-B", "-o", "verify");
            record(Row.VERIFY, Optional.of(verify), Optional.empty(), "");
        } else {
            skipped.put(Scenario.VERIFY, "--no-verify");
        }
    }

    /** Generates a project named artifactId into dir (dir/artifactId) and returns the seconds it took. */
    double generate(Path dir, Archetype archetype, String artifactId, boolean offline) throws Exception {
        List<String> args = new ArrayList<>(List.of("-B", "-q"));
        if (offline) {
            args.add("-o");
        }
        args.addAll(List.of(generateGoal, "-DarchetypeCatalog=local",
                "-DarchetypeGroupId=" + archetype.groupId(), "-DarchetypeArtifactId=" + archetype.artifactId(),
                "-DarchetypeVersion=" + archetype.version(),
                "-DgroupId=bench", "-DartifactId=" + artifactId, "-Dversion=1.0.0-SNAPSHOT",
                "-Dpackage=" + (archetype.equals(ours) ? OURS_PACKAGE : "bench.qs")));
        if (archetype.equals(ours)) {
            args.add("-DsparkVersion=" + sparkVersion);
        }
        return mvn(dir, "generate-" + artifactId, Duration.ofMinutes(3), args.toArray(String[]::new));
    }

    /** Runs mvn in dir, output to logs/NAME.log, and returns the seconds it took; fails on an error. */
    double mvn(Path dir, String name, Duration timeout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn"));
        command.addAll(List.of(args));
        Path logFile = logs.resolve(name + ".log");
        long start = System.nanoTime();
        Process process = start(new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(logFile.toFile()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("mvn " + name + " took longer than " + timeout.toMinutes() + " min");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("mvn " + name + " failed (exit " + process.exitValue() + "):\n"
                        + tail(logFile, 30));
            }
            return seconds(System.nanoTime() - start);
        } finally {
            stop(process);
        }
    }

    // ---------------------------------------------------------------- the apps

    /** Which side of the comparison an app is: the baseline runs with Spark's default logging and --baseline-jvm-flag. */
    enum Side { OURS, BASELINE }

    /** One app's JVM: its label (for logs and topic names), its main class, its side and its arguments. */
    record Launch(String label, String mainClass, Side side, List<String> args) {
        static Launch ours(String label, String mainClass, String... args) {
            return new Launch(label, mainClass, Side.OURS, List.of(args));
        }

        static Launch baseline(String label, String mainClass, String... args) {
            return new Launch(label, mainClass, Side.BASELINE, List.of(args));
        }
    }

    /** Where an echo app writes its rows, and so how the bench sees a line arrive: its console row, or the probe's row count. */
    enum Sink { CONSOLE, NOOP }

    /** What an echo run does after its cold start and first line: lines at --rate (0: none), then bursts of burst lines (0: none). */
    record EchoPlan(Sink sink, int lines, int burst) {}

    /** What a run measures; a row of the table shows one of them, from one run or the median of several. */
    enum Measure {
        COLD_START, FIRST_LINE, LATENCY_P50, LATENCY_P99, ROWS_SEEN, RSS_AFTER_LATENCY, THROUGHPUT, RSS_AFTER_BURST,
        COMMITTED_P50, COMMITTED_P99, STEADY_BATCH_MS, FIRST_BATCH_MS, BATCHES
    }

    /**
     * What one run of an app measured: a figure for each measure it got to. A run that fails
     * part-way keeps the figures it measured before, and has none for the rest.
     */
    static final class RunFigures {
        private final Map<Measure, Double> figures = new EnumMap<>(Measure.class);

        void put(Measure measure, Double value) {
            if (value != null && !value.isNaN()) {
                figures.put(measure, value);
            }
        }

        Optional<Double> get(Measure measure) {
            return Optional.ofNullable(figures.get(measure));
        }

        /** A count (rows seen, batches) for a note; "-" if the run did not get to it. */
        String count(Measure measure) {
            return get(measure).map(v -> String.valueOf(v.longValue())).orElse("-");
        }
    }

    void measureApps() throws Exception {
        if (!opt.kafkaOnly() && !opt.stateOnly()) {
            measureSocketApps();
        }
        if (!opt.stateOnly()) {
            measureKafka();
        }
        if (!opt.kafkaOnly()) {
            measureState();
        }
    }

    void measureSocketApps() {
        String oursEcho = OURS_PACKAGE + ".SocketStreamApp";
        // The echo with the options --partitions and --trigger (SocketStreamApp has none).
        String oursTuned = OURS_PACKAGE + ".TunedEchoApp";
        String parts = String.valueOf(opt.oursSourcePartitions());
        // Start and latency drift between runs on 2 cores: they are measured in --runs alternating runs
        // (ours, baseline, ours, ...); the bursts only in the first pair, as each is already a median.
        List<RunFigures> oursRuns = new ArrayList<>();
        List<RunFigures> baseRuns = new ArrayList<>();
        for (int r = 1; r <= opt.runs(); r++) {
            int burst = r == 1 ? opt.burst() : 0;
            log("echo, run " + r + " of " + opt.runs() + ", ours then baseline: cold start, " + opt.lines() + " lines at "
                    + opt.rate() + "/s" + (burst > 0 ? ", " + opt.bursts() + " bursts of " + burst : ""));
            EchoPlan plan = new EchoPlan(Sink.CONSOLE, opt.lines(), burst);
            oursRuns.add(echo(Launch.ours("ours-echo-" + r, oursEcho), plan));
            baseRuns.add(echo(Launch.baseline("baseline-echo-" + r, BASELINE + "BaselineEcho"), plan));
        }
        log("echo, ours: TunedEchoApp with --partitions " + parts + ": bursts only");
        RunFigures oursParts = echo(Launch.ours("ours-echo-partitions", oursTuned, "--partitions", parts),
                new EchoPlan(Sink.CONSOLE, 0, opt.burst()));
        RunFigures ours = oursRuns.get(0);
        RunFigures base = baseRuns.get(0);
        recordRepeated(Row.COLD_START, oursRuns, baseRuns, Measure.COLD_START, "");
        recordRepeated(Row.FIRST_LINE, oursRuns, baseRuns, Measure.FIRST_LINE, "");
        recordRepeated(Row.LATENCY_P50, oursRuns, baseRuns, Measure.LATENCY_P50,
                "rows seen in run 1: " + ours.count(Measure.ROWS_SEEN) + " vs " + base.count(Measure.ROWS_SEEN) + " of " + opt.lines());
        recordRepeated(Row.LATENCY_P99, oursRuns, baseRuns, Measure.LATENCY_P99, "");
        recordOnce(Row.RSS_AFTER_LATENCY, ours, base, Measure.RSS_AFTER_LATENCY);
        recordOnce(Row.CONSOLE_THROUGHPUT, ours, base, Measure.THROUGHPUT);
        recordOnce(Row.CONSOLE_THROUGHPUT_PARTITIONS, oursParts, base, Measure.THROUGHPUT);
        recordOnce(Row.RSS_AFTER_BURST, ours, base, Measure.RSS_AFTER_BURST);

        log("echo into the noop sink: ours, ours with " + parts + " source partitions, baseline");
        EchoPlan bursts = new EchoPlan(Sink.NOOP, 0, opt.burst());
        RunFigures oursNoop = echo(Launch.ours("ours-noop", "bench.probe.OursNoop"), bursts);
        RunFigures oursNoopParts = echo(Launch.ours("ours-noop-partitions", "bench.probe.OursNoop", parts), bursts);
        RunFigures baseNoop = echo(Launch.baseline("baseline-noop", BASELINE + "BaselineEcho", "noop"), bursts);
        recordOnce(Row.NOOP_THROUGHPUT, oursNoop, baseNoop, Measure.THROUGHPUT);
        recordOnce(Row.NOOP_THROUGHPUT_PARTITIONS, oursNoopParts, baseNoop, Measure.THROUGHPUT);

        measureCount(Scenario.WORD_COUNT, "WordCountApp", BASELINE + "BaselineWordCount",
                Row.WORD_COUNT_STEADY_BATCH, Row.WORD_COUNT_FIRST_BATCH);
        measureCount(Scenario.WINDOWED_COUNT, "WindowedCountApp", BASELINE + "BaselineWindowedCount",
                Row.WINDOWED_COUNT_STEADY_BATCH, Row.WINDOWED_COUNT_FIRST_BATCH);

        String interval = opt.continuousInterval();
        List<RunFigures> oursTriggerRuns = new ArrayList<>();
        List<RunFigures> continuousRuns = new ArrayList<>();
        for (int r = 1; r <= opt.runs(); r++) {
            log("low latency, run " + r + " of " + opt.runs() + ": ours, TunedEchoApp with --trigger " + opt.oursTrigger()
                    + ", then the baseline with Trigger.Continuous(\"" + interval + "\")");
            EchoPlan plan = new EchoPlan(Sink.CONSOLE, opt.lines(), 0);
            oursTriggerRuns.add(echo(Launch.ours("ours-trigger-" + r, oursTuned, "--trigger", opt.oursTrigger()), plan));
            continuousRuns.add(echo(Launch.baseline("baseline-continuous-" + r, BASELINE + "BaselineEcho", "continuous", interval),
                    plan));
        }
        recordRepeated(Row.LOW_LATENCY_P50, oursTriggerRuns, continuousRuns, Measure.LATENCY_P50,
                "rows seen in run 1: " + oursTriggerRuns.get(0).count(Measure.ROWS_SEEN)
                        + " vs " + continuousRuns.get(0).count(Measure.ROWS_SEEN));
        recordRepeated(Row.LOW_LATENCY_P99, oursTriggerRuns, continuousRuns, Measure.LATENCY_P99, "");
    }

    /**
     * One JVM of an echo app: cold start, first line, then (if plan.lines() > 0, into the console)
     * the steady-rate latency run, and (if plan.burst() > 0) bursts whose lines/s come from the
     * probe's row counts, so the console's own truncation of what it shows does not matter.
     */
    RunFigures echo(Launch launch, EchoPlan plan) {
        RunFigures result = new RunFigures();
        try (App a = socketApp(launch)) {
            result.put(Measure.COLD_START, a.awaitReady());
            long sent = a.server.send("L0");
            if (plan.sink() == Sink.CONSOLE) {
                a.out.await(() -> a.out.seen.containsKey(0), 60, "line L0 on the console");
                result.put(Measure.FIRST_LINE, seconds(a.out.seen.get(0) - sent));
            } else {
                a.out.await(() -> a.out.rowsTotal() >= 1, 60, "progress of line L0");
                result.put(Measure.FIRST_LINE, seconds(a.out.timeRowsReached(1) - sent));
            }
            if (plan.lines() > 0) {
                List<Double> latencies = printedLatencies(a.out, sendAtRate(a.server, plan.lines()));
                result.put(Measure.ROWS_SEEN, (double) latencies.size());
                result.put(Measure.LATENCY_P50, percentile(latencies, 0.50));
                result.put(Measure.LATENCY_P99, percentile(latencies, 0.99));
            }
            result.put(Measure.RSS_AFTER_LATENCY, a.peakRssMb());
            if (plan.burst() > 0) {
                result.put(Measure.THROUGHPUT, burstThroughput(a.out, a.server, 1 + plan.lines(), plan.burst()));
                result.put(Measure.RSS_AFTER_BURST, a.peakRssMb());
            }
        } catch (Exception e) {
            log(launch.label() + " failed: " + e.getMessage());
        }
        return result;
    }

    /** Batch durations of a counting app, ours against the baseline; the scenario is skipped if ours is not in the template. */
    void measureCount(Scenario scenario, String oursClass, String baselineMain, Row steadyBatch, Row firstBatch) {
        if (!hasOursClass(oursClass)) {
            log(scenario.title + ": skipped, " + oursClass + " is not in the template yet");
            skipped.put(scenario, "no " + oursClass + " in the template yet");
            return;
        }
        log(scenario.title + ", ours then baseline: 8 words a line, 10 lines/s, until " + opt.countBatches() + " batches");
        String label = scenario.title.replace(' ', '-');
        RunFigures ours = countBatches(Launch.ours(label + "-ours", OURS_PACKAGE + "." + oursClass));
        RunFigures base = countBatches(Launch.baseline(label + "-baseline", baselineMain));
        record(steadyBatch, ours.get(Measure.STEADY_BATCH_MS), base.get(Measure.STEADY_BATCH_MS),
                "batches: " + ours.count(Measure.BATCHES) + " vs " + base.count(Measure.BATCHES));
        recordOnce(firstBatch, ours, base, Measure.FIRST_BATCH_MS);
    }

    /**
     * Sends lines of 8 words (200 distinct, the same sequence for every app) at 10 lines/s until the
     * app has run --count-batches batches with data, or for at most 35 s: the p50 of
     * triggerExecution ms after 2 warm-up batches, the first batch's, and how many batches had data.
     */
    RunFigures countBatches(Launch launch) {
        RunFigures result = new RunFigures();
        try (App a = socketApp(launch)) {
            a.awaitReady();
            Random random = new Random(42);
            long t0 = System.nanoTime();
            long end = t0 + TimeUnit.SECONDS.toNanos(35);
            int lines = 0;
            for (int i = 0; System.nanoTime() < end && a.out.batchDurations().size() < opt.countBatches(); i++) {
                StringBuilder line = new StringBuilder();
                for (int w = 0; w < 8; w++) {
                    line.append(w == 0 ? "" : " ").append("w").append(random.nextInt(200));
                }
                long due = t0 + i * TimeUnit.MILLISECONDS.toNanos(100);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                a.server.send(line.toString());
                lines++;
            }
            long sent = lines;
            a.out.await(() -> a.out.rowsTotal() >= sent, 60, "progress of all lines");
            List<Double> durations = a.out.batchDurations();
            List<Double> steady = durations.size() > 2 ? durations.subList(2, durations.size()) : durations;
            result.put(Measure.STEADY_BATCH_MS, percentile(steady, 0.5));
            result.put(Measure.FIRST_BATCH_MS, durations.get(0));
            result.put(Measure.BATCHES, (double) durations.size());
        } catch (Exception e) {
            log(launch.label() + " failed: " + e.getMessage());
        }
        return result;
    }

    // ---------------------------------------------------------------- Kafka (lesson 5)

    /** How a Kafka app shows a record: in a micro-batch, committed with its batch; or printed by real-time mode as it arrives. */
    enum KafkaMode { MICRO_BATCH, REAL_TIME }

    /**
     * Lesson 5 against a baseline written as Spark's Kafka integration guide writes it, both reading
     * topics of the project's own broker (tools/KafkaBroker, in a JVM of its own, the same for
     * every run). Each run reads a new topic of 1 partition from its first record, so that record
     * n is offset n: a record reached the sink when the probe reports a batch whose rows, counted
     * from the first, include it. One partition keeps the records in order, and real-time mode holds
     * a task slot per partition for its whole batch (2 cores here).
     */
    void measureKafka() throws Exception {
        if (!hasOursClass("KafkaLinesApp")) {
            log("Kafka: skipped, KafkaLinesApp is not in the template");
            skipped.put(Scenario.KAFKA, "no KafkaLinesApp in the template");
            return;
        }
        boolean realTime = hasOursClass("KafkaRealTimeApp");
        try (Helper broker = startBroker()) {
            // "Kafka broker ready at 127.0.0.1:PORT, data in ...": the address, for the apps.
            String servers = broker.readyLine.substring(BROKER_READY.length()).split(",")[0];
            List<RunFigures> oursRuns = new ArrayList<>();
            List<RunFigures> baseRuns = new ArrayList<>();
            List<RunFigures> realTimeRuns = new ArrayList<>();
            for (int r = 1; r <= opt.runs(); r++) {
                int burst = r == 1 ? opt.burst() : 0;
                log("Kafka, run " + r + " of " + opt.runs() + ": ours (KafkaLinesApp), baseline"
                        + (realTime ? ", ours in real-time mode (KafkaRealTimeApp)" : "") + ": cold start, "
                        + opt.lines() + " records at " + opt.rate() + "/s" + (burst > 0 ? ", " + opt.bursts() + " bursts of " + burst : ""));
                oursRuns.add(kafka(kafkaLaunch(Side.OURS, "ours-kafka-" + r, OURS_PACKAGE + ".KafkaLinesApp", servers),
                        KafkaMode.MICRO_BATCH, servers, burst));
                baseRuns.add(kafka(kafkaLaunch(Side.BASELINE, "baseline-kafka-" + r, BASELINE + "BaselineKafka", servers),
                        KafkaMode.MICRO_BATCH, servers, burst));
                if (realTime) {
                    realTimeRuns.add(kafka(kafkaLaunch(Side.OURS, "ours-realtime-" + r, OURS_PACKAGE + ".KafkaRealTimeApp", servers),
                            KafkaMode.REAL_TIME, servers, 0));
                }
            }
            recordRepeated(Row.KAFKA_COLD_START, oursRuns, baseRuns, Measure.COLD_START, "");
            recordRepeated(Row.KAFKA_FIRST_RECORD, oursRuns, baseRuns, Measure.FIRST_LINE, "");
            recordRepeated(Row.KAFKA_COMMITTED_P50, oursRuns, baseRuns, Measure.COMMITTED_P50, "");
            recordRepeated(Row.KAFKA_COMMITTED_P99, oursRuns, baseRuns, Measure.COMMITTED_P99, "");
            if (realTime) {
                recordRepeated(Row.KAFKA_REAL_TIME_P50, realTimeRuns, baseRuns, Measure.LATENCY_P50,
                        "rows seen in run 1: " + realTimeRuns.get(0).count(Measure.ROWS_SEEN)
                                + " vs " + baseRuns.get(0).count(Measure.ROWS_SEEN));
                recordRepeated(Row.KAFKA_REAL_TIME_P99, realTimeRuns, baseRuns, Measure.LATENCY_P99, "");
            } else {
                skipped.put(Scenario.KAFKA_REAL_TIME, "Spark 4.1 and later, not on this line");
            }
            recordOnce(Row.KAFKA_THROUGHPUT, oursRuns.get(0), baseRuns.get(0), Measure.THROUGHPUT);
        }
    }

    // ---------------------------------------------------------------- lesson 7's state

    /** The rows of one number of armed cards: batch duration, state memory, heap after GC, resident set. */
    record StateRows(Scenario scenario, int cards, Row batch, Row stateMemory, Row heap, Row rss) {}

    static final List<StateRows> STATE_ROWS = List.of(
            new StateRows(Scenario.STATE_1K, 1_000, Row.STATE_1K_BATCH, Row.STATE_1K_STATE_MEMORY, Row.STATE_1K_HEAP, Row.STATE_1K_RSS),
            new StateRows(Scenario.STATE_10K, 10_000, Row.STATE_10K_BATCH, Row.STATE_10K_STATE_MEMORY, Row.STATE_10K_HEAP, Row.STATE_10K_RSS),
            new StateRows(Scenario.STATE_100K, 100_000, Row.STATE_100K_BATCH, Row.STATE_100K_STATE_MEMORY, Row.STATE_100K_HEAP,
                    Row.STATE_100K_RSS));

    /**
     * Lesson 7's rule as its state grows (probe/StateCost, one JVM per store and number of cards):
     * ours is RocksDB, the store the lesson sets; the baseline Spark's default store, which only
     * the 3.5 line's flatMapGroupsWithState runs on (Spark 4's transformWithState refuses it).
     */
    void measureState() {
        if (!hasOursClass("SequenceAlertsApp")) {
            log("lesson 7's state: skipped, SequenceAlertsApp is not in the template");
            STATE_ROWS.forEach(rows -> skipped.put(rows.scenario(), "no SequenceAlertsApp in the template"));
            return;
        }
        boolean defaultStoreRuns = sparkVersion.startsWith("3.");
        for (StateRows rows : STATE_ROWS) {
            log(rows.scenario().title + ": RocksDB" + (defaultStoreRuns ? ", then Spark's default store" : "") + "; "
                    + opt.stateBatches() + " batches of " + opt.stateRows() + " payments after arming");
            Optional<StateCostLine> rocksDb = stateCost("rocksdb", rows.cards());
            Optional<StateCostLine> byDefault = defaultStoreRuns ? stateCost("default", rows.cards()) : Optional.empty();
            String observed = "card state rows: " + rocksDb.map(r -> String.valueOf(r.cardStateRows())).orElse("-")
                    + (defaultStoreRuns ? " vs " + byDefault.map(r -> String.valueOf(r.cardStateRows())).orElse("-") : "")
                    + "; arming batch (" + rows.cards() + " payments): " + rocksDb.map(r -> r.armingMs() + " ms").orElse("-")
                    + (defaultStoreRuns ? " vs " + byDefault.map(r -> r.armingMs() + " ms").orElse("-") : "")
                    + (defaultStoreRuns ? "" : "; no baseline: Spark 4's transformWithState refuses the default store"
                            + " (UNSUPPORTED_FEATURE.STORE_BACKEND_NOT_SUPPORTED_FOR_TWS)");
            record(rows.batch(), rocksDb.map(r -> (double) r.steadyMedianMs()), byDefault.map(r -> (double) r.steadyMedianMs()), observed);
            record(rows.stateMemory(), rocksDb.map(r -> megabytes(r.stateMemoryBytes())),
                    byDefault.map(r -> megabytes(r.stateMemoryBytes())), "");
            record(rows.heap(), rocksDb.map(r -> megabytes(r.heapAfterGcBytes())), byDefault.map(r -> megabytes(r.heapAfterGcBytes())), "");
            record(rows.rss(), rocksDb.map(r -> megabytes(r.rssBytes())), byDefault.map(r -> megabytes(r.rssBytes())), "");
        }
    }

    /** One JVM of probe/StateCost with the given store and cards; its result line, or empty if it failed (logged). */
    Optional<StateCostLine> stateCost(String store, int cards) {
        String label = "state-" + store + "-" + cards;
        Path dir = work.resolve("state").resolve(label);
        try (App a = kafkaApp(Launch.ours(label, "bench.probe.StateCost", store, String.valueOf(cards),
                String.valueOf(opt.stateRows()), String.valueOf(opt.stateBatches()), dir.toString()))) {
            // The arming batch of 100,000 cards and the rest take a minute or two on 2 busy cores. The
            // process ending wakes no one: look every 5 s, then give its last lines 5 s to be read.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (a.out.stateCost().isEmpty() && a.process.isAlive() && System.nanoTime() < deadline) {
                a.out.await(() -> a.out.stateCost().isPresent(), 5, null);
            }
            a.out.await(() -> a.out.stateCost().isPresent(), 5, null);
            if (a.out.stateCost().isEmpty()) {
                throw new IllegalStateException("it ended without a result; its stderr:\n" + tail(logs.resolve(label + ".err"), 10));
            }
            return a.out.stateCost();
        } catch (Exception e) {
            log(label + " failed: " + e.getMessage());
            return Optional.empty();
        }
    }

    static double megabytes(long bytes) {
        return bytes < 0 ? Double.NaN : bytes / (1024.0 * 1024.0);
    }

    /** The new topic a Kafka run reads: its own, so that record n is offset n. */
    static String kafkaTopic(String label) {
        return "bench-" + label;
    }

    /** A Kafka app reading its run's topic; ours saves it under target/bench/kafka/LABEL. */
    Launch kafkaLaunch(Side side, String label, String mainClass, String servers) {
        String topic = kafkaTopic(label);
        Path dir = work.resolve("kafka").resolve(label);
        List<String> args = side == Side.BASELINE ? List.of(servers, topic)
                : List.of("--bootstrap-servers", servers, "--topic", topic,
                        "--output", dir.resolve("output").toString(), "--checkpoint", dir.resolve("checkpoint").toString());
        return new Launch(label, mainClass, side, args);
    }

    /**
     * One JVM of a Kafka app, reading the new topic of its own that a sender JVM (the project's
     * KafkaSend, typed lines from the bench) creates and writes: cold start, the first record, then
     * the records at a steady rate, then (if burst > 0) bursts, as the echo runs do.
     */
    RunFigures kafka(Launch launch, KafkaMode mode, String servers, int burst) {
        RunFigures result = new RunFigures();
        try (Helper sender = new Helper(launch.label() + "-sender", classpath(app, RUNTIME_CLASSPATH), "Type lines",
                OURS_PACKAGE + ".tools.KafkaSend", "--bootstrap-servers", servers, "--topic", kafkaTopic(launch.label()),
                "--partitions", "1");
             App a = kafkaApp(launch)) {
            result.put(Measure.COLD_START, a.awaitReady());
            if (mode == KafkaMode.REAL_TIME) {
                // Record 0 is sent again until it shows: the first real-time batch prints nothing
                // until its tasks run, and the delay measured is that of a record sent once they do.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!a.out.seen.containsKey(0)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no record L0 printed within 60 s");
                    }
                    sender.send("L0");
                    a.out.await(() -> a.out.seen.containsKey(0), 1, null);
                }
            } else {
                long sent = sender.send("L0");
                a.out.await(() -> a.out.rowsTotal() >= 1, 60, "progress of record L0");
                result.put(Measure.FIRST_LINE, seconds(a.out.timeRowsReached(1) - sent));
            }

            int lines = opt.lines();
            long[] sentAt = sendAtRate(sender, lines);
            if (mode == KafkaMode.MICRO_BATCH) {
                a.out.await(() -> a.out.rowsTotal() >= lines + 1, 60, "progress of all records");
                List<Double> committed = new ArrayList<>();
                for (int i = 1; i <= lines; i++) {
                    committed.add((a.out.timeRowsReached(i + 1) - sentAt[i]) / 1e6);
                }
                result.put(Measure.COMMITTED_P50, percentile(committed, 0.50));
                result.put(Measure.COMMITTED_P99, percentile(committed, 0.99));
            }
            List<Double> printed = printedLatencies(a.out, sentAt); // ours saves to files: prints none
            result.put(Measure.ROWS_SEEN, (double) printed.size());
            result.put(Measure.LATENCY_P50, percentile(printed, 0.50));
            result.put(Measure.LATENCY_P99, percentile(printed, 0.99));

            if (burst > 0) {
                result.put(Measure.THROUGHPUT, burstThroughput(a.out, sender, 1 + lines, burst));
            }
        } catch (Exception e) {
            log(launch.label() + " failed: " + e.getMessage());
        }
        return result;
    }

    /** How the project's broker says it is ready (tools/KafkaBroker's main). */
    static final String BROKER_READY = "Kafka broker ready at ";

    /** The project's broker on a free port of 127.0.0.1, with the compile classpath; its ready line names its address. */
    Helper startBroker() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        log("Kafka: starting the project's broker on 127.0.0.1:" + port);
        return new Helper("kafka-broker", classpath(app, BROKER_CLASSPATH), BROKER_READY, OURS_PACKAGE + ".tools.KafkaBroker", String.valueOf(port));
    }

    /**
     * A JVM of the generated project's own tools (the broker, the sender), started from its
     * classes: lines written to its stdin, its stdout to a log, watched for the line that says
     * it is ready (the constructor waits for it, at most 2 minutes).
     */
    final class Helper implements LineTarget, AutoCloseable {
        final Process process;
        private final Writer stdin;
        volatile String readyLine;

        Helper(String label, String classpath, String readyPrefix, String mainClass, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "@" + app.resolve(".mvn/jvm.config"), "-cp", classpath, mainClass));
            command.addAll(List.of(args));
            Path logFile = logs.resolve(label + ".out");
            process = start(new ProcessBuilder(command).directory(app.toFile())
                    .redirectError(logs.resolve(label + ".err").toFile()));
            stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            CountDownLatch ready = new CountDownLatch(1);
            readLines(process, logFile, label + "-stdout", line -> {
                if (readyLine == null && line.startsWith(readyPrefix)) {
                    readyLine = line;
                    ready.countDown();
                }
            });
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!ready.await(200, TimeUnit.MILLISECONDS)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    stop(process);
                    throw new IllegalStateException(label + (process.isAlive() ? " was not ready within 2 min" : " ended")
                            + "; its stderr:\n" + tail(logs.resolve(label + ".err"), 10));
                }
            }
        }

        @Override
        public Writer writer() {
            return stdin;
        }

        @Override
        public void close() {
            stop(process);
        }
    }

    boolean hasOursClass(String simpleName) {
        return Files.exists(app.resolve("target/classes/" + OURS_PACKAGE.replace('.', '/') + "/" + simpleName + ".class"));
    }

    /**
     * Sends L1..Llines at --rate on a fixed schedule: each line waits for its slot, rather than a
     * fixed sleep after each send, so the rate holds. Returns when each line left (index = n).
     */
    long[] sendAtRate(LineTarget target, int lines) throws IOException {
        long[] sentAt = new long[lines + 1];
        long period = TimeUnit.SECONDS.toNanos(1) / opt.rate();
        long t0 = System.nanoTime();
        for (int i = 1; i <= lines; i++) {
            long due = t0 + i * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            sentAt[i] = target.send("L" + i);
        }
        return sentAt;
    }

    /** For each line sent, the ms from its sending to its row on the app's stdout; lines not shown are left out. */
    static List<Double> printedLatencies(Output out, long[] sentAt) throws InterruptedException {
        int lines = sentAt.length - 1;
        out.await(() -> out.seenCount() > lines, 15, null); // some may not show: not fatal
        List<Double> latencies = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            Long seenAt = out.seen.get(i);
            if (seenAt != null) {
                latencies.add((seenAt - sentAt[i]) / 1e6);
            }
        }
        return latencies;
    }

    /**
     * --bursts bursts of burst lines, each once the app has read all sent before it (sentBefore,
     * then each burst); lines/s from the first write to the probe's report that the rows read
     * cover the burst. One burst's time varies by a third from run to run (2 cores, GC): the
     * median of a few. Null for burst 0.
     */
    Double burstThroughput(Output out, LineTarget target, long sentBefore, int burst) throws Exception {
        List<Double> throughputs = new ArrayList<>();
        for (int b = 0; burst > 0 && b < opt.bursts(); b++) {
            long before = sentBefore + (long) b * burst;
            out.await(() -> out.rowsTotal() >= before, 180, "progress of the lines sent so far");
            long start = System.nanoTime();
            target.sendBurst("B" + b + "-", burst);
            long reached = before + burst;
            out.await(() -> out.rowsTotal() >= reached, 180, "progress of the burst");
            throughputs.add(burst / seconds(out.timeRowsReached(reached) - start));
        }
        return median(throughputs);
    }

    /** Where the bench writes lines: the socket of an app's line server, or the standard input of the Kafka sender. */
    interface LineTarget {
        Writer writer();

        /** Sends one line now and returns when it left (System.nanoTime). */
        default long send(String line) throws IOException {
            writer().write(line + "\n");
            writer().flush();
            return System.nanoTime();
        }

        default void sendBurst(String prefix, int count) throws IOException {
            for (int i = 0; i < count; i++) {
                writer().write(prefix + i + "\n");
            }
            writer().flush();
        }
    }

    /** A socket app: its own line server on 127.0.0.1, whose address the app gets before its arguments. */
    App socketApp(Launch launch) throws IOException {
        return new App(launch, new LineServer());
    }

    /** A Kafka app: no line server, its arguments as they are. */
    App kafkaApp(Launch launch) throws IOException {
        return new App(launch, null);
    }

    /** An app in its own JVM, with its own line server (socket apps) and a reader of its stdout; started by this bench run. */
    final class App implements AutoCloseable {
        final String label;
        final LineServer server;
        final Output out;
        final Process process;
        final long startedAt;

        /** server: the app's own line server, whose address comes before launch.args(); null for an app that reads no socket (Kafka). */
        private App(Launch launch, LineServer server) throws IOException {
            this.label = launch.label();
            this.server = server;
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "@" + app.resolve(".mvn/jvm.config"), // the flags Spark needs on Java 17, for both apps
                    "-cp", classpath(app, RUNTIME_CLASSPATH),
                    PROBE));
            if (launch.side() == Side.BASELINE) {
                command.add(SPARK_DEFAULT_LOGGING);
                command.addAll(opt.baselineFlags()); // after it, so a -Dlog4j2.configurationFile here wins
            }
            command.add(launch.mainClass());
            if (server != null) {
                command.addAll(List.of("127.0.0.1", String.valueOf(server.port())));
            }
            command.addAll(launch.args());
            startedAt = System.nanoTime();
            try {
                process = start(new ProcessBuilder(command).directory(app.toFile())
                        .redirectError(logs.resolve(label + ".err").toFile()));
            } catch (IOException e) {
                if (server != null) {
                    server.close();
                }
                throw e;
            }
            out = new Output(process, logs.resolve(label + ".out"));
        }

        /** Waits for the query to start (and connect, for a socket app); returns the seconds since the JVM started. */
        double awaitReady() throws Exception {
            out.await(() -> out.startedAt() > 0, 120, "the query to start (BENCH started)");
            if (server == null) {
                return seconds(out.startedAt() - startedAt);
            }
            if (!server.awaitClient(60)) {
                throw new IllegalStateException(label + ": the app did not connect to the line server");
            }
            return seconds(Math.max(out.startedAt(), server.acceptedAt) - startedAt);
        }

        double peakRssMb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
            return Double.NaN;
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
            stop(process);
        }
    }

    /** A one-client line server on 127.0.0.1 and an ephemeral port. */
    static final class LineServer implements LineTarget, AutoCloseable {
        private final ServerSocket serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final CountDownLatch connected = new CountDownLatch(1);
        private volatile Socket client;
        private volatile Writer writer;
        volatile long acceptedAt;

        LineServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                try {
                    client = serverSocket.accept();
                    acceptedAt = System.nanoTime();
                    writer = new BufferedWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8));
                    connected.countDown();
                } catch (IOException e) {
                    // closed before a client came: awaitClient reports it
                }
            }, "line-server-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return serverSocket.getLocalPort();
        }

        boolean awaitClient(int seconds) throws InterruptedException {
            return connected.await(seconds, TimeUnit.SECONDS);
        }

        @Override
        public Writer writer() {
            return writer;
        }

        @Override
        public void close() {
            try {
                serverSocket.close();
                if (client != null) {
                    client.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** Reads an app's stdout line by line, copies it to a log and notes when each marker arrived. */
    static final class Output {
        // A line the bench sent, as an app prints it: a console row whose last column holds it ("|L12|",
        // "|  L12|" right-aligned, "|L12 |", "|null|L12|" with a Kafka key before it), or a line ending
        // in ": L12" (the real-time lesson prints each record so).
        private static final Pattern ECHO_ROW = Pattern.compile("^(?:\\|(?:[^|]*\\|)*\\s*L(\\d+)\\s*\\||.*: L(\\d+))$");

        /** A progress line of the probe, when it was read, with the rows of all batches so far. */
        record Progress(long at, long rows, long cumulativeRows, long triggerMs) {}

        final Map<Integer, Long> seen = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<Progress> progress = new ArrayList<>();
        private long started = -1;
        private long rowsTotal;
        private StateCostLine stateCost;

        Output(Process process, Path logFile) {
            readLines(process, logFile, "stdout-reader", line -> accept(line, System.nanoTime()));
        }

        private synchronized void accept(String line, long now) {
            Matcher m = ECHO_ROW.matcher(line);
            Optional<ProbeProgress> batch;
            if (m.matches()) {
                seen.putIfAbsent(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)), now);
            } else if ((batch = ProbeProgress.parse(line)).isPresent()) {
                rowsTotal += batch.get().rows();
                progress.add(new Progress(now, batch.get().rows(), rowsTotal, batch.get().triggerMs()));
            } else if (line.equals(PROBE_STARTED) && started < 0) {
                started = now;
            } else if (stateCost == null && StateCostLine.parse(line).isPresent()) {
                stateCost = StateCostLine.parse(line).get();
            } else {
                return;
            }
            notifyAll();
        }

        synchronized long startedAt() {
            return started;
        }

        synchronized long rowsTotal() {
            return rowsTotal;
        }

        /** probe/StateCost's result line, once it printed it. */
        synchronized Optional<StateCostLine> stateCost() {
            return Optional.ofNullable(stateCost);
        }

        int seenCount() {
            return seen.size();
        }

        /** How many progress lines were read so far. */
        synchronized int progressCount() {
            return progress.size();
        }

        /** The progress lines read since the first count ones. */
        synchronized List<Progress> progressAfter(int count) {
            return List.copyOf(progress.subList(count, progress.size()));
        }

        /** When the probe reported that the rows read so far reached target. */
        synchronized long timeRowsReached(long target) {
            return progress.stream().filter(p -> p.cumulativeRows() >= target).findFirst().orElseThrow().at();
        }

        /** triggerExecution of every batch that read rows (idle progress reports left out). */
        synchronized List<Double> batchDurations() {
            return progress.stream().filter(p -> p.rows() > 0).map(p -> (double) p.triggerMs()).toList();
        }

        /** Waits at most seconds for condition; if what is given, not getting there is an error. */
        synchronized void await(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    if (what != null) {
                        throw new IllegalStateException("no " + what + " within " + seconds + " s");
                    }
                    return;
                }
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    // ---------------------------------------------------------------- socket-scaling mode

    /**
     * How the socket source's read time grows with a partition's rows (bench/socket-scaling.md):
     * bench/app-src's probe/OursNoop (our session, the socket source into N partitions, the noop
     * sink) in the project a bench run compiled, fed bursts of lines at once. A mode of this file
     * rather than a file of its own, so that it reads the probe's lines with the bench's parser.
     *
     * <p>Usage, after bench/run.sh (which leaves the compiled project in target/bench/app):
     * {@code java bench/Bench.java socket-scaling APP_DIR PARTITIONS BURST...}, e.g.
     * {@code java bench/Bench.java socket-scaling target/bench/app 1 5000 12500 25000 50000}. The
     * first burst warms the JVM up. For each burst it prints lines/s (first write to the progress
     * event whose cumulative row count covers the burst, as the bench does) and each batch that
     * read its rows: rows and triggerExecution ms.
     */
    static final class SocketScaling {
        static final String MODE = "socket-scaling";

        static void run(List<String> args) throws Exception {
            if (args.size() < 3) {
                System.err.println("usage: java bench/Bench.java " + MODE + " APP_DIR PARTITIONS BURST...");
                System.exit(2);
            }
            Path app = Path.of(args.get(0)).toAbsolutePath();
            String partitions = args.get(1);
            List<Integer> bursts = args.subList(2, args.size()).stream().map(Integer::parseInt).toList();
            try (LineServer server = new LineServer()) {
                List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "@" + app.resolve(".mvn/jvm.config"),
                        "-cp", classpath(app, RUNTIME_CLASSPATH),
                        PROBE, "bench.probe.OursNoop", "127.0.0.1", String.valueOf(server.port()), partitions);
                Process process = new ProcessBuilder(command).directory(app.toFile())
                        .redirectError(app.resolve("target/socket-scaling.err").toFile()).start();
                try {
                    Output out = new Output(process, app.resolve("target/socket-scaling.out"));
                    if (!server.awaitClient(120)) {
                        throw new IllegalStateException("OursNoop did not connect within 120 s (target/socket-scaling.err)");
                    }
                    long sent = 1;
                    server.send("L0");
                    out.await(() -> out.rowsTotal() >= 1, 300, "progress of line L0");
                    for (int b = 0; b < bursts.size(); b++) {
                        int burst = bursts.get(b);
                        int before = out.progressCount();
                        long start = System.nanoTime();
                        server.sendBurst("B" + b + "-", burst);
                        sent += burst;
                        long reached = sent;
                        out.await(() -> out.rowsTotal() >= reached, 300, "progress up to " + reached + " rows");
                        List<Output.Progress> batches = out.progressAfter(before).stream().filter(p -> p.rows() > 0).toList();
                        double took = seconds(out.timeRowsReached(reached) - start);
                        StringBuilder detail = new StringBuilder();
                        for (Output.Progress p : batches) {
                            detail.append(String.format(Locale.ROOT, " [%d rows, %d ms]", p.rows(), p.triggerMs()));
                        }
                        System.out.printf(Locale.ROOT, "partitions=%s burst=%d%s: %.0f lines/s, %.2f s; batches:%s%n",
                                partitions, burst, b == 0 ? " (warm-up)" : "", burst / took, took, detail);
                    }
                } finally {
                    process.destroy();
                    if (!process.waitFor(15, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- processes

    /**
     * Reads the process's stdout line by line in a daemon thread until it ends: each line to
     * onLine as soon as it is read, then to a copy in logFile.
     */
    static void readLines(Process process, Path logFile, String threadName, java.util.function.Consumer<String> onLine) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 Writer copy = Files.newBufferedWriter(logFile)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    onLine.accept(line);
                    copy.write(line);
                    copy.write('\n');
                }
            } catch (IOException e) {
                // the process ended
            }
        }, threadName);
        reader.setDaemon(true);
        reader.start();
    }

    Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        running.add(process);
        return process;
    }

    /** SIGTERM to the process and its children, SIGKILL after 15 s. */
    void stop(Process process) {
        try {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            running.remove(process);
        }
    }

    void stopAll() {
        running.forEach(this::stop);
    }

    // ---------------------------------------------------------------- the table

    /** A row's figures as measured (empty: not measured, shown as a dash) and what the run saw, for its note. */
    record Figures(Optional<Double> ours, Optional<Double> baseline, String observed) {}

    void record(Row row, Optional<Double> ours, Optional<Double> baseline, String observed) {
        measured.put(row, new Figures(ours, baseline, observed));
    }

    /** A row measured in one run of each side (the first, where there were several). */
    void recordOnce(Row row, RunFigures ours, RunFigures baseline, Measure measure) {
        record(row, ours.get(measure), baseline.get(measure), "");
    }

    /**
     * A row of a measurement repeated in alternating runs: the medians of ours and of the baseline,
     * and in the note how many runs gave a figure and their spread (lowest to highest).
     */
    void recordRepeated(Row row, List<RunFigures> oursRuns, List<RunFigures> baseRuns, Measure measure, String observed) {
        List<Double> ours = oursRuns.stream().flatMap(run -> run.get(measure).stream()).toList();
        List<Double> base = baseRuns.stream().flatMap(run -> run.get(measure).stream()).toList();
        String spread = "median of " + runs(ours.size(), oursRuns.size()) + " vs " + runs(base.size(), baseRuns.size())
                + " alternating runs; spread ours " + range(ours) + ", baseline " + range(base);
        record(row, Optional.ofNullable(median(ours)), Optional.ofNullable(median(base)),
                observed.isEmpty() ? spread : observed + "; " + spread);
    }

    private static String runs(int withFigure, int all) {
        return withFigure == all ? String.valueOf(all) : withFigure + " (of " + all + ")";
    }

    private static String range(List<Double> values) {
        return values.isEmpty() ? "-"
                : figure(values.stream().min(Double::compare)) + " to " + figure(values.stream().max(Double::compare));
    }

    /** What {NAME} stands for in the table's metrics and notes. */
    Map<String, String> textValues() {
        return Map.ofEntries(Map.entry("genRuns", String.valueOf(opt.genRuns())), Map.entry("lines", String.valueOf(opt.lines())),
                Map.entry("rate", String.valueOf(opt.rate())), Map.entry("bursts", String.valueOf(opt.bursts())),
                Map.entry("burst", String.valueOf(opt.burst())), Map.entry("partitions", String.valueOf(opt.oursSourcePartitions())),
                Map.entry("cores", String.valueOf(Runtime.getRuntime().availableProcessors())),
                Map.entry("continuousInterval", opt.continuousInterval()), Map.entry("oursTrigger", opt.oursTrigger()),
                Map.entry("stateBatches", String.valueOf(opt.stateBatches())), Map.entry("stateRows", String.valueOf(opt.stateRows())));
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + m.group(1) + "} in: " + text);
            }
            m.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return m.appendTail(filled).toString();
    }

    /** The Markdown table of the declared rows, of the scenarios that ran or were skipped. */
    String markdownRows() {
        Map<String, String> values = textValues();
        StringBuilder table = new StringBuilder();
        table.append("| metric | unit | ours | baseline | ours/baseline | note |\n");
        table.append("|---|---|---:|---:|---:|---|\n");
        Set<Scenario> skipShown = EnumSet.noneOf(Scenario.class);
        for (Row row : Row.values()) {
            Scenario scenario = row.scenario;
            if (skipped.containsKey(scenario)) {
                if (skipShown.add(scenario)) {
                    List<String> units = Stream.of(Row.values()).filter(r -> r.scenario == scenario).map(r -> r.unit).distinct().toList();
                    table.append(String.format(Locale.ROOT, "| %s | %s | - | - | - | skipped: %s |%n",
                            scenario.title, units.size() == 1 ? units.get(0) : "-", skipped.get(scenario)));
                }
                continue;
            }
            if (measured.keySet().stream().noneMatch(r -> r.scenario == scenario)) {
                continue; // not run, or the bench failed before it
            }
            Figures f = measured.getOrDefault(row, new Figures(Optional.empty(), Optional.empty(), "not measured"));
            String ratio = f.ours().isPresent() && f.baseline().isPresent() && f.baseline().get() != 0
                    ? String.format(Locale.ROOT, "%.2f", f.ours().get() / f.baseline().get()) : "-";
            String note = Stream.of(fill(row.howMeasured, values), f.observed()).filter(s -> !s.isEmpty())
                    .collect(Collectors.joining("; "));
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n",
                    fill(row.metric, values), row.unit, figure(f.ours()), figure(f.baseline()), ratio, note));
        }
        return table.toString();
    }

    void printTable(String loadAtStart) {
        StringBuilder table = new StringBuilder(markdownRows());
        // The Spark the apps ran: the spark-sql jar on their classpath, as Maven resolved it.
        String spark = "? (asked for " + sparkVersion + ")";
        try {
            Matcher m = Pattern.compile("spark-sql_(2\\.1[0-9])-([^/:]+)\\.jar")
                    .matcher(Files.readString(app.resolve(RUNTIME_CLASSPATH)));
            spark = m.find() ? m.group(2) + " (Scala " + m.group(1) + ")" : spark;
        } catch (Exception e) {
            // not generated or not compiled
        }
        table.append(String.format(Locale.ROOT,
                "%nMachine: %d cores; apps run on Java %s (%s), Spark %s; load average %s at start, %s at end;"
                        + " bench took %.0f s.%n"
                        + "Ours = the generated SocketStreamApp, TunedEchoApp and lessons; baseline = bench/app-src/bench/baseline"
                        + " (Spark guide style, Spark defaults and Spark's default INFO logging)%s.%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), spark, loadAtStart, loadAverage(), seconds(System.nanoTime() - benchStart),
                opt.baselineFlags().isEmpty() ? "" : ", run with " + String.join(" ", opt.baselineFlags())));
        System.out.print(table);
    }

    static String figure(Optional<Double> figure) {
        if (figure.isEmpty() || figure.get().isNaN()) {
            return "-";
        }
        double value = figure.get();
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    // ---------------------------------------------------------------- small helpers

    /** Nearest-rank percentile; null for no values. */
    static Double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    static Double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** A project's classes and the dependency classpath listed in its file dependencyList. */
    static String classpath(Path project, String dependencyList) throws IOException {
        return project.resolve("target/classes") + ":" + Files.readString(project.resolve(dependencyList)).strip();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static String tail(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    static void log(String message) {
        System.err.printf(Locale.ROOT, "[bench %3.0fs] %s%n", seconds(System.nanoTime() - benchStart), message);
    }
}
