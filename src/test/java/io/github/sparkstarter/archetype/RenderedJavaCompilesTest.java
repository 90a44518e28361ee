package io.github.sparkstarter.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rendered Java, main and test, compiles without a warning against the jars of one Spark line:
 * the pom runs this test once per line, with that line's Spark alone on the classpath and its
 * version in the system property sparkVersion.
 */
class RenderedJavaCompilesTest {

    static final String SPARK_VERSION = System.getProperty("sparkVersion");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.sparkstarter.archetype.TemplateRenderingTest#parameterSets")
    void renderedJavaCompiles(String name, Map<String, String> parameterSet, @TempDir Path generated) throws Exception {
        assertTrue(SPARK_VERSION != null, "run by the pom's compile-spark-* executions, which set sparkVersion");
        List<String> sparkJars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(jar -> Path.of(jar).getFileName().toString())
                .filter(jar -> jar.startsWith("spark-sql_"))
                .toList();
        String scala = SPARK_VERSION.startsWith("3.") ? "2.12" : "2.13";
        assertEquals(List.of("spark-sql_" + scala + "-" + SPARK_VERSION + ".jar"), sparkJars, "the Spark on the classpath");
        Map<String, String> parameters = new HashMap<>(parameterSet);
        parameters.put("sparkVersion", SPARK_VERSION);
        Path project = generated.resolve(parameters.get("artifactId"));
        List<Path> rendered = ArchetypeTemplates.render(parameters, project);
        // As the plugin does: the post-generate script removes what this Spark line cannot compile.
        PostGenerateScript.run(generated, parameters);
        List<Path> sources = rendered.stream()
                .filter(file -> file.toString().endsWith(".java"))
                .map(project::resolve)
                .filter(Files::exists)
                .toList();

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            Path classes = Files.createDirectories(project.resolve("target/classes"));
            List<String> options = List.of("--release", "17", "-encoding", "UTF-8", "-Xlint:all,-processing,-serial", "-Werror",
                    "-d", classes.toString(), "-classpath", System.getProperty("java.class.path"));
            boolean compiled = compiler.getTask(new StringWriter(), files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();

            assertTrue(compiled, () -> diagnostics.getDiagnostics().stream().map(Object::toString)
                    .reduce("", (a, b) -> a + b + System.lineSeparator()));
        }
    }
}
