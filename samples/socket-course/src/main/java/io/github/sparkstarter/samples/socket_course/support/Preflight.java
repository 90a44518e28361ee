package io.github.sparkstarter.samples.socket_course.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.hadoop.util.VersionInfo;
import org.apache.spark.SparkContext;

/** Checks made before Spark starts, so that a known problem ends in one line that says what to do. */
public final class Preflight {

    /**
     * Hadoop releases before this one call Subject.getSubject, which Java 23 and later refuse:
     * Spark 3.5 (Hadoop 3.3), 4.0 and 4.1 (Hadoop 3.4.1 and 3.4.2) cannot start there.
     */
    static final String FIRST_HADOOP_FOR_JAVA_23 = "3.4.3";

    private Preflight() {
    }

    /**
     * Ends the app in one line if this JVM cannot run Spark (status 1), and warns in one line of
     * what would garble text or fail on Windows. Every class that starts Spark the lessons' way
     * calls it first, in its main, before Spark would fail with a stack trace.
     */
    public static void checkOrExit() {
        String problem = whyThisJvmCannotRunSpark();
        if (problem != null) {
            System.err.println("error: " + problem);
            System.exit(1);
        }
        // The socket source decodes bytes with the JVM's default charset; the project runs Java with UTF-8.
        if (!Charset.defaultCharset().equals(StandardCharsets.UTF_8)) {
            System.err.println("warning: the JVM's default charset is " + Charset.defaultCharset()
                    + ", so non-ASCII text may be garbled; run Java with -Dfile.encoding=UTF-8");
        }
        String windows = missingWindowsHelpers(System.getProperty("os.name"), System.getenv("HADOOP_HOME"),
                System.getProperty("hadoop.home.dir"), Files::isRegularFile);
        if (windows != null) {
            System.err.println("warning: " + windows);
        }
    }

    /**
     * On Windows, what Hadoop (inside Spark) lacks to write local files, or null. Hadoop sets file
     * permissions through %HADOOP_HOME%\bin\winutils.exe and calls hadoop.dll (NativeIO$Windows)
     * for every checkpoint and file sink, and from Hadoop 3.4 (Spark 4.2) for every local file it
     * creates; without them Spark fails with "HADOOP_HOME and hadoop.home.dir are unset" or an
     * UnsatisfiedLinkError on NativeIO$Windows.access0. Nothing is missing on other systems.
     */
    static String missingWindowsHelpers(String osName, String hadoopHomeEnv, String hadoopHomeProperty,
            Predicate<Path> fileExists) {
        if (osName == null || !osName.startsWith("Windows")) {
            return null;
        }
        String home = hadoopHomeProperty != null && !hadoopHomeProperty.isBlank() ? hadoopHomeProperty : hadoopHomeEnv;
        String fix = " See docs/windows.md, or run the project in WSL 2, where none of this is needed.";
        if (home == null || home.isBlank()) {
            return "on Windows, Spark's Hadoop needs winutils.exe and hadoop.dll to write checkpoints and files,"
                    + " and HADOOP_HOME is not set, so Spark will fail below." + fix;
        }
        List<String> missing = Stream.of("winutils.exe", "hadoop.dll")
                .filter(name -> !fileExists.test(Path.of(home, "bin", name)))
                .toList();
        if (missing.isEmpty()) {
            return null;
        }
        return "on Windows, Spark's Hadoop needs " + String.join(" and ", missing) + " in " + Path.of(home, "bin")
                + " (HADOOP_HOME), and it is not there, so Spark will fail below." + fix;
    }

    /**
     * Why this JVM cannot run the Spark on the classpath (wrong Java release, or started without the
     * flags of .mvn/jvm.config), or null when it can. The tests ask it too, through SparkTestSession.
     */
    public static String whyThisJvmCannotRunSpark() {
        String spark = sparkVersion();
        String problem = unsupportedJava(Runtime.version().feature(), spark, VersionInfo.getVersion());
        if (problem == null) {
            problem = missingFlags(spark, Object.class.getModule().isOpen("sun.nio.ch", Preflight.class.getModule()));
        }
        return problem;
    }

    /** Why the Spark and Hadoop on the classpath cannot run on this Java release, or null when they can. */
    static String unsupportedJava(int javaFeature, String sparkVersion, String hadoopVersion) {
        if (javaFeature < 17) {
            return "this project needs Java 17 or newer; this is Java " + javaFeature;
        }
        if (javaFeature >= 23 && compareVersions(hadoopVersion, FIRST_HADOOP_FOR_JAVA_23) < 0) {
            return "Spark " + sparkVersion + " does not run on Java " + javaFeature + ": the Hadoop " + hadoopVersion
                    + " inside it calls Subject.getSubject, which Java 23 and later refuse. Run it with Java 17 to 22"
                    + " (set JAVA_HOME), or move to Spark 4.2 (see \"Spark and Java versions\" in docs/settings.md)";
        }
        return null;
    }

    /**
     * Why Java was started without the flags the Spark on the classpath needs, or null. Spark 3.5
     * fails at its start with an IllegalAccessError on sun.nio.ch without them; an IDE's run
     * button, or java -cp, starts Java without them unless told.
     */
    static String missingFlags(String sparkVersion, boolean sunNioChOpen) {
        if (sunNioChOpen || !sparkVersion.startsWith("3.")) {
            return null;
        }
        return "Spark " + sparkVersion + " needs JVM flags (--add-opens ...) that this Java was started without."
                + " They are in .mvn/jvm.config: give Java that file, as java @.mvn/jvm.config ..., or in an IDE"
                + " use the run configurations in .run/ (IntelliJ IDEA) or .vscode/ (VS Code), which pass it, or set"
                + " the VM options to @.mvn/jvm.config (see docs/running.md, \"In an IDE\")";
    }

    /** The version of the Spark on the classpath, as its jar records it. */
    static String sparkVersion() {
        try (InputStream in = SparkContext.class.getResourceAsStream("/spark-version-info.properties")) {
            Properties info = new Properties();
            if (in != null) {
                info.load(in);
            }
            return info.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares dotted version numbers such as 3.4.2 and 3.4.10 number by number. */
    static int compareVersions(String a, String b) {
        int[] left = numbers(a);
        int[] right = numbers(b);
        return Arrays.compare(left, right);
    }

    private static int[] numbers(String version) {
        return Arrays.stream(version.split("[^0-9]+"))
                .filter(part -> !part.isEmpty())
                .mapToInt(Integer::parseInt)
                .toArray();
    }
}
