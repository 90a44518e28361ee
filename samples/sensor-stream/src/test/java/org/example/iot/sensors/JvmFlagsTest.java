package org.example.iot.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Spark's JVM flags are written three times, for three ways of starting Java: .mvn/jvm.config
 * (exec:java, scripts), spark.jvm.flags in pom.xml (the tests) and spark.opened.packages in
 * pom.xml (the jar's manifest, for java -jar). They must say the same.
 */
class JvmFlagsTest {

    @Test
    void testsRunWithTheFlagsOfJvmConfig() throws Exception {
        List<String> testJvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> missing = AppProcess.jvmFlags().stream().filter(flag -> !testJvm.contains(flag)).toList();

        assertEquals(List.of(), missing, "in .mvn/jvm.config but not in spark.jvm.flags of pom.xml");
    }

    @Test
    void theJarManifestOpensThePackagesOfJvmConfig() throws Exception {
        Matcher manifest = Pattern.compile("<spark.opened.packages>(.*)</spark.opened.packages>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(manifest.find(), "no spark.opened.packages in pom.xml");
        List<String> opened = AppProcess.jvmFlags().stream()
                .filter(flag -> flag.startsWith("--add-opens="))
                .map(flag -> flag.substring("--add-opens=".length(), flag.lastIndexOf('=')))
                .toList();

        assertEquals(opened, List.of(manifest.group(1).strip().split("\\s+")));
    }
}
