package org.example.iot.sensors.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

import org.example.iot.sensors.testkit.AppProcess;

/**
 * .mvn/jvm.config is the one list of JVM flags: Maven reads it for exec:java, the tests, scripts
 * and IDE run configurations pass it to Java as an @argfile. It follows the list Spark's own
 * launcher (spark-submit) uses, which differs between Spark 3.5, 4.0, 4.1 and 4.2 (the generated
 * file holds its line's); the jar's manifest repeats its packages for java -jar.
 */
class JvmFlagsTest {

    /**
     * Flags of Spark's launcher that make Java 24 and later print a warning at every start, left out
     * on both lines: Spark runs without them (every test here does), and a Spark 3.5 project started
     * on a Java it cannot run then prints its one-line refusal alone.
     */
    static final Set<String> WARN_ON_NEW_JAVA = Set.of(
            "--add-modules=jdk.incubator.vector",                  // "Using incubator modules"; Spark does without it
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED"); // "package ... not in java.base" since Java 24

    /** Not Spark's, but this project's: the socket source decodes with the default charset. */
    static final String UTF_8 = "-Dfile.encoding=UTF-8";

    @Test
    void theFlagsAreThoseOfSparksOwnLauncher() throws Exception {
        List<String> expected = new ArrayList<>(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        expected.removeAll(WARN_ON_NEW_JAVA);
        expected.add(UTF_8);

        assertEquals(expected, flags());
    }

    @Test
    void testsRunWithTheFlagsOfJvmConfig() throws Exception {
        List<String> testJvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> missing = flags().stream().filter(flag -> !testJvm.contains(flag)).toList();

        assertEquals(List.of(), missing, "in .mvn/jvm.config but not given to the test JVM");
    }

    @Test
    void theJarManifestOpensThePackagesOfJvmConfig() throws Exception {
        Matcher manifest = Pattern.compile("<spark.opened.packages>(.*)</spark.opened.packages>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(manifest.find(), "no spark.opened.packages in pom.xml");
        List<String> opened = flags().stream()
                .filter(flag -> flag.startsWith("--add-opens="))
                .map(flag -> flag.substring("--add-opens=".length(), flag.lastIndexOf('=')))
                .toList();

        assertEquals(opened, List.of(manifest.group(1).strip().split("\\s+")));
    }

    /** The flags of .mvn/jvm.config, one a line. */
    static List<String> flags() throws Exception {
        return Files.readAllLines(AppProcess.JVM_CONFIG).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
