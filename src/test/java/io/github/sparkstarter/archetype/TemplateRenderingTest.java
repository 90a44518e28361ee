package io.github.sparkstarter.archetype;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every template rendered as the archetype plugin renders it, for default and unusual parameters. */
class TemplateRenderingTest {

    static final List<String> PARAMETERS = List.of("groupId", "artifactId", "version", "package", "appName", "host", "port",
            "sparkVersion");

    /** The two Spark lines, as the archetype's pom gives them to the tests. */
    static final String SPARK_3 = System.getProperty("spark.default.version");
    static final String SPARK_4 = System.getProperty("spark4.version");

    /** A Velocity directive alone on its line, as in templates that differ by Spark line. */
    static final Pattern DIRECTIVE_LINE = Pattern.compile("\\s*#(if|elseif|else|end)\\b.*");

    static Stream<Arguments> parameterSets() {
        return Stream.of(
                Arguments.of("defaults", Map.of("groupId", "com.example", "artifactId", "my-stream-app",
                        "version", "0.1.0-SNAPSHOT", "package", "com.example.my_stream_app",
                        "appName", "my-stream-app", "host", "localhost", "port", "9999", "sparkVersion", SPARK_3)),
                Arguments.of("custom", Map.of("groupId", "org.example.it", "artifactId", "custom-app",
                        "version", "1.2.3", "package", "org.example.it.custom",
                        "appName", "Strömung 流 Demo_1.0", "host", "127.0.0.1", "port", "12345", "sparkVersion", SPARK_4)),
                Arguments.of("ipv6", Map.of("groupId", "x", "artifactId", "y",
                        "version", "1", "package", "x.y_",
                        "appName", "नमस्ते स्पार्क", "host", "::1", "port", "1", "sparkVersion", SPARK_4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameterSets")
    void everyTemplateRendersWholeWithTheParameters(String name, Map<String, String> parameters, @TempDir Path project)
            throws Exception {
        List<Path> rendered = ArchetypeTemplates.render(parameters, project);
        // Pictures are copied byte for byte; the rest is text.
        List<Path> pictures = rendered.stream().filter(file -> file.toString().endsWith(".png")).toList();
        assertFalse(pictures.isEmpty(), "docs/streaming-page.png");
        for (Path picture : pictures) {
            assertArrayEquals(Files.readAllBytes(ArchetypeTemplates.TEMPLATES.resolve(picture)), Files.readAllBytes(project.resolve(picture)),
                    picture.toString());
        }
        List<Path> files = rendered.stream().filter(file -> !pictures.contains(file)).toList();

        for (Path file : files) {
            String text = Files.readString(project.resolve(file), StandardCharsets.UTF_8);
            for (String key : PARAMETERS) {
                assertFalse(text.contains("${" + key + "}"), file + " still holds ${" + key + "}");
            }
        }
        // Velocity deletes '##' lines and directives, and eats '\$' and '$!': every line of a template
        // must come out, and a line that names no parameter must come out unchanged. A template with
        // a directive per Spark line (#if ... #end) keeps one branch: samples/ shows both, rendered.
        for (Path file : files) {
            Path template = templateOf(file, parameters.get("package"));
            List<String> before = Files.readAllLines(template, StandardCharsets.UTF_8);
            List<String> after = Files.readAllLines(project.resolve(file), StandardCharsets.UTF_8);
            if (before.stream().anyMatch(line -> DIRECTIVE_LINE.matcher(line).matches())) {
                assertTrue(before.stream().noneMatch(line -> line.contains("##") || line.contains("\\$") || line.contains("$!")),
                        template + " has text Velocity would change");
                assertTrue(after.stream().noneMatch(line -> line.contains("#if") || line.contains("#end")), template + ": " + after);
                continue;
            }
            assertEquals(before.size(), after.size(), "lines lost rendering " + template);
            for (int i = 0; i < before.size(); i++) {
                String line = before.get(i);
                if (PARAMETERS.stream().noneMatch(key -> line.contains("${" + key + "}") || line.contains("$" + key + "."))) {
                    assertEquals(line, after.get(i), template + " line " + (i + 1) + " changed in rendering");
                }
            }
        }
        String settings = Files.readString(project.resolve("src/main/java/" + parameters.get("package").replace('.', '/')
                + "/settings/StreamSettings.java"), StandardCharsets.UTF_8);
        assertTrue(settings.contains("APP_NAME = \"" + parameters.get("appName") + "\""), settings);
        assertTrue(settings.contains("DEFAULT_PORT = " + parameters.get("port") + ";"), settings);
        assertTrue(Files.readString(project.resolve("scripts/netcat-server.sh")).contains("PORT=" + parameters.get("port") + "\n"));
        assertTrue(Files.exists(project.resolve(".gitignore")));
        String pom = Files.readString(project.resolve("pom.xml"), StandardCharsets.UTF_8);
        assertTrue(pom.contains("<spark.version>" + parameters.get("sparkVersion") + "</spark.version>"), pom);
        String scala = parameters.get("sparkVersion").startsWith("3.") ? "2.12" : "2.13";
        assertTrue(pom.contains("<scala.binary.version>" + scala + "</scala.binary.version>"), pom);
        assertFalse(pom.matches("(?s).*@[\\w.-]+@.*"), "a version token was not stamped into the template pom");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameterSets")
    void theJvmFlagsAreThoseOfTheSparkLine(String name, Map<String, String> parameters, @TempDir Path project) throws Exception {
        ArchetypeTemplates.render(parameters, project);
        List<String> flags = Files.readAllLines(project.resolve(".mvn/jvm.config"));
        String pom = Files.readString(project.resolve("pom.xml"), StandardCharsets.UTF_8);

        assertEquals("-XX:+IgnoreUnrecognizedVMOptions", flags.get(0), "Java 17 must start with the newer flags");
        assertTrue(flags.stream().noneMatch(String::isBlank), flags.toString());
        boolean spark3 = parameters.get("sparkVersion").startsWith("3.");
        // Java 24+ warns about a package it no longer has, before a Spark 3.5 lesson can refuse it in one line.
        assertTrue(flags.stream().noneMatch(flag -> flag.contains("sun.security.action")), flags.toString());
        assertTrue(!pom.contains("java.base/sun.security.action"), "the manifest's Add-Opens follows jvm.config");
        // Spark 4 on Java 24+: no warnings about native access or sun.misc.Unsafe.
        assertEquals(!spark3, flags.contains("--enable-native-access=ALL-UNNAMED"), flags.toString());
        assertEquals(!spark3, flags.contains("--sun-misc-unsafe-memory-access=allow"), flags.toString());
        assertTrue(flags.contains("-Dfile.encoding=UTF-8"), flags.toString());
    }

    @Test
    void theLoggingConfigurationQuietensBothSparkLines() throws Exception {
        String log4j = Files.readString(ArchetypeTemplates.TEMPLATES.resolve("src/main/resources/log4j2.properties"));
        // Spark 4.1 moved these classes into the runtime package; the same settings cover both names.
        for (String quiet : List.of("MicroBatchExecution", "ResolveWriteToStream", "ProcessingTimeExecutor")) {
            assertTrue(log4j.contains("org.apache.spark.sql.execution.streaming." + quiet + "\n"), quiet + " (Spark 3.5)");
            assertTrue(log4j.contains("org.apache.spark.sql.execution.streaming.runtime." + quiet + "\n"), quiet + " (Spark 4.1+)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameterSets")
    void renderedScriptsPassBashSyntaxCheck(String name, Map<String, String> parameters, @TempDir Path out) throws Exception {
        Path project = out.resolve(parameters.get("artifactId"));
        ArchetypeTemplates.render(parameters, project);
        PostGenerateScript.run(out, parameters); // sets line endings and the executable bit

        for (String script : List.of("scripts/netcat-server.sh", "scripts/run.sh", "scripts/local-cluster.sh")) {
            Process bash = new ProcessBuilder("bash", "-n", script).directory(project.toFile()).redirectErrorStream(true).start();
            assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash -n hangs on " + script);
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, bash.exitValue(), script + ": " + output);
            assertFalse(Files.readString(project.resolve(script)).contains("\r"), script + " has CR line endings");
            assertTrue(Files.isExecutable(project.resolve(script)), script + " is not executable");
        }
        for (String script : List.of("scripts/run.cmd", "scripts/line-server.cmd")) {
            String text = Files.readString(project.resolve(script));
            assertEquals(text.split("\n", -1).length, text.split("\r\n", -1).length, script + " needs CRLF line endings");
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "com.example,my-stream-app,com.example.my_stream_app",
            "org.acme,Stream,org.acme.stream",
            "io.github.user,2fast,io.github.user._2fast",
            "com.example,new,com.example.new_",
            "com.my-company.data,socket.app,com.my_company.data.socket.app",
            "org.example,int.class,org.example.int_.class_",
    })
    void thePackageDefaultIsAValidJavaPackage(String groupId, String artifactId, String expected) throws Exception {
        String template = ArchetypeTemplates.defaultValue("package");

        assertEquals(expected, ArchetypeTemplates.evaluate(template, Map.of("groupId", groupId, "artifactId", artifactId)));
    }

    private static Path templateOf(Path rendered, String pkg) {
        String path = rendered.toString().replace(File.separatorChar, '/').replace(pkg.replace('.', '/') + "/", "");
        return ArchetypeTemplates.TEMPLATES.resolve(path);
    }
}
