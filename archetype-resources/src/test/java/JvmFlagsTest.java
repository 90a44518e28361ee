package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.Test;

/** exec:java (.mvn/jvm.config) and the tests (spark.jvm.flags in pom.xml) must run Spark alike. */
class JvmFlagsTest {

    @Test
    void testsRunWithTheFlagsOfJvmConfig() throws Exception {
        List<String> testJvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> missing = AppProcess.jvmFlags().stream().filter(flag -> !testJvm.contains(flag)).toList();

        assertEquals(List.of(), missing, "in .mvn/jvm.config but not in spark.jvm.flags of pom.xml");
    }
}
