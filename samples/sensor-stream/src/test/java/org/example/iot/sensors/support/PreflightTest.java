package org.example.iot.sensors.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import org.apache.hadoop.util.VersionInfo;
import org.junit.jupiter.api.Test;

/** Java releases are checked against the Spark and Hadoop on the classpath, before Spark starts. */
class PreflightTest {

    @Test
    void java23AndLaterNeedAHadoopThatDoesNotCallGetSubject() {
        assertNull(Preflight.unsupportedJava(17, "3.5.9", "3.3.4"));
        assertNull(Preflight.unsupportedJava(22, "3.5.9", "3.3.4"));
        assertNull(Preflight.unsupportedJava(25, "4.2.0", "3.5.0"));
        assertNull(Preflight.unsupportedJava(25, "4.1.3", "3.4.3"));

        String refused = Preflight.unsupportedJava(25, "3.5.9", "3.3.4");
        assertTrue(refused.contains("Spark 3.5.9 does not run on Java 25"), refused);
        assertTrue(refused.contains("Java 17 to 22"), refused);
        assertTrue(Preflight.unsupportedJava(23, "4.1.3", "3.4.2").contains("Hadoop 3.4.2"));
    }

    @Test
    void javaBefore17IsRefused() {
        assertTrue(Preflight.unsupportedJava(11, "3.5.9", "3.3.4").contains("Java 17 or newer"));
    }

    @Test
    void theVersionsAreReadFromTheClasspath() {
        assertTrue(Preflight.sparkVersion().matches("\\d+\\.\\d+\\.\\d+.*"), Preflight.sparkVersion());
        assertTrue(VersionInfo.getVersion().matches("\\d+\\.\\d+\\.\\d+.*"), VersionInfo.getVersion());
        // This JVM runs the tests, so the check must let it through.
        assertNull(Preflight.unsupportedJava(Runtime.version().feature(), Preflight.sparkVersion(), VersionInfo.getVersion()));
    }

    @Test
    void spark3WithoutItsJvmFlagsIsToldWhereTheyAre() {
        String missing = Preflight.missingFlags("3.5.9", false);

        assertTrue(missing.contains("@.mvn/jvm.config"), missing);
        assertNull(Preflight.missingFlags("3.5.9", true));
        assertNull(Preflight.missingFlags("4.2.0", false), "Spark 4.2 starts without them");
    }

    @Test
    void versionsCompareNumberByNumber() {
        assertTrue(Preflight.compareVersions("3.4.2", "3.4.3") < 0);
        assertTrue(Preflight.compareVersions("3.4.10", "3.4.3") > 0);
        assertTrue(Preflight.compareVersions("3.5.0", "3.4.3") > 0);
        assertEquals(0, Preflight.compareVersions("3.4.3", "3.4.3"));
    }

    @Test
    void onWindowsWithoutHadoopsHelpersTheLessonSaysSoBeforeSpark() {
        Set<Path> none = Set.of();
        String unset = Preflight.missingWindowsHelpers("Windows 11", null, null, none::contains);
        assertTrue(unset.contains("HADOOP_HOME is not set") && unset.contains("docs/windows.md"), unset);

        Path bin = Path.of("C:\\hadoop", "bin");
        String noDll = Preflight.missingWindowsHelpers("Windows 10", "C:\\hadoop", null, Set.of(bin.resolve("winutils.exe"))::contains);
        assertTrue(noDll.contains("needs hadoop.dll in") && !noDll.contains("winutils.exe"), noDll);

        Set<Path> both = Set.of(bin.resolve("winutils.exe"), bin.resolve("hadoop.dll"));
        assertNull(Preflight.missingWindowsHelpers("Windows 11", "C:\\hadoop", null, both::contains));
        assertNull(Preflight.missingWindowsHelpers("Windows 11", "D:\\elsewhere", "C:\\hadoop", both::contains),
                "hadoop.home.dir comes before HADOOP_HOME, as in Hadoop");
        assertNull(Preflight.missingWindowsHelpers("Linux", null, null, none::contains));
        assertNull(Preflight.missingWindowsHelpers("Mac OS X", null, null, none::contains));
    }
}
