package io.github.sparkstarter.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The post-generate script refuses every parameter that is not safe in generated Java, XML,
 * Markdown and shell, removes the project, and names the parameter and what is allowed.
 */
class ParameterValidationTest {

    static final Map<String, String> GOOD = Map.of("groupId", "com.example", "artifactId", "demo",
            "version", "1.0", "package", "com.example.demo", "appName", "Demo App", "host", "localhost", "port", "9999",
            "sparkVersion", TemplateRenderingTest.SPARK_3);

    @Test
    void goodParametersKeepTheProjectAndMakeScriptsExecutable(@TempDir Path out) throws Exception {
        ArchetypeTemplates.render(GOOD, out.resolve("demo"));

        PostGenerateScript.run(out, GOOD);

        assertTrue(Files.isExecutable(out.resolve("demo/scripts/netcat-server.sh")));
        assertTrue(Files.isExecutable(out.resolve("demo/scripts/run.sh")));
    }

    @ParameterizedTest(name = "{0} = [{1}]")
    @CsvSource(delimiter = '|', value = {
            "port     | abc",
            "port     | 0",
            "port     | 70000",
            "port     | 99999999999",
            "port     | 9999; rm -rf ~",
            "port     | ''",
            "port     | 08080",
            "port     | +80",
            "host     | local host",
            "host     | $(reboot)",
            "host     | `touch x`",
            "host     | evil.com;id",
            "host     | 300.1.1.1",
            "host     | ::1%eth0",
            "host     | -oProxyCommand=x",
            "host     | ''",
            "appName  | My \"quoted\" app",
            "appName  | back\\slash",
            "appName  | ${groupId}",
            "appName  | #set($x = 1)",
            "appName  | <b>bold</b>",
            "appName  | Tom & Jerry",
            "appName  | $(whoami)",
            "appName  | `id`",
            "appName  | a;b",
            "appName  | -leading dash",
            "appName  | ''",
            "package  | com.my-company",
            "package  | com.example.new",
            "package  | 1com.example",
            "package  | com..example",
            "package  | com.example.",
            "package  | com.example;import x",
            "sparkVersion | 3.4.1",
            "sparkVersion | 2.4.8",
            "sparkVersion | 4.2",
            "sparkVersion | 4.2.0_2.12",
            "sparkVersion | 3.5.9_2.13",
            "sparkVersion | 5.0.0",
            "sparkVersion | 4.2.0-preview5",
            "sparkVersion | latest",
            "groupId  | com.example;id",
            "groupId  | com example",
            "artifactId | my app",
            "artifactId | $(id)",
            "version  | 1.0 beta",
            "version  | 1.0&echo",
    })
    void aBadParameterIsNamedAndNoProjectIsLeft(String key, String value, @TempDir Path out) throws Exception {
        Map<String, String> parameters = new HashMap<>(GOOD);
        parameters.put(key, value);
        // Where the plugin writes the project: the folder named by the artifactId.
        Path project = out.resolve(parameters.get("artifactId"));
        ArchetypeTemplates.render(GOOD, project);

        Exception error = assertThrows(Exception.class, () -> PostGenerateScript.run(out, parameters));

        assertTrue(error.getMessage().contains(key + " '" + value + "'"), error.getMessage());
        assertTrue(error.getMessage().contains("e.g. -D" + key + "="), error.getMessage());
        assertFalse(Files.exists(project), "the project was left behind");
    }

    @Test
    void aNewlineInAValueIsRefused(@TempDir Path out) throws Exception {
        for (String key : new String[] {"appName", "host", "port", "package", "sparkVersion", "groupId", "version"}) {
            Map<String, String> parameters = new HashMap<>(GOOD);
            parameters.put(key, GOOD.get(key) + "\nrm -rf /");
            ArchetypeTemplates.render(GOOD, out.resolve("demo"));

            Exception error = assertThrows(Exception.class, () -> PostGenerateScript.run(out, parameters));

            assertTrue(error.getMessage().contains(key + " '"), error.getMessage());
            assertFalse(Files.exists(out.resolve("demo")));
        }
    }

    /**
     * Each rule is written once, in src/main/filters/parameter-rules.properties, and the build stamps
     * it into the descriptor (XML) and the script (Groovy slashy strings). Read back the way the
     * plugin reads them, both hold every rule letter for letter: nothing lost to escaping or to a
     * token left unfilled.
     */
    @Test
    void theDescriptorAndTheScriptHoldTheRulesAsWritten() throws Exception {
        Map<String, String> rules = ParameterRules.read();
        Map<String, String> scriptRules = PostGenerateScript.rules();

        assertEquals(rules.get("rule.package.default"), ArchetypeTemplates.defaultValue("package"));
        for (String key : ArchetypeTemplates.requiredProperties()) {
            assertEquals(rules.get("rule." + key), ArchetypeTemplates.validationRegex(key), "descriptor, " + key);
            assertEquals(rules.get("rule." + key), scriptRules.get(key), "script, " + key);
        }
        for (String key : List.of("groupId", "artifactId", "version")) {
            assertEquals(rules.get("rule.coordinate"), scriptRules.get(key), "script, " + key);
        }
        assertEquals(ArchetypeTemplates.requiredProperties().size() + 3, scriptRules.size(),
                "the script checks a parameter the descriptor does not have: " + scriptRules.keySet());
    }

    @ParameterizedTest(name = "{0} = [{1}]")
    @MethodSource("everyValueTried")
    void descriptorAndScriptAgree(String key, String value, @TempDir Path out) throws Exception {
        Map<String, String> parameters = new HashMap<>(GOOD);
        parameters.put(key, value);
        ArchetypeTemplates.render(GOOD, out.resolve("demo"));
        boolean typedAnswerAccepted = Pattern.matches(ArchetypeTemplates.validationRegex(key), value);

        boolean scriptAccepted;
        try {
            PostGenerateScript.run(out, parameters);
            scriptAccepted = true;
        } catch (IllegalArgumentException refused) {
            scriptAccepted = false;
        }
        assertEquals(typedAnswerAccepted, scriptAccepted);
    }

    /** The values of the two tests above and below, for the descriptor's parameters. */
    static Stream<Arguments> everyValueTried() throws Exception {
        List<String> keys = ArchetypeTemplates.requiredProperties();
        List<Arguments> values = new ArrayList<>();
        for (String method : List.of("aBadParameterIsNamedAndNoProjectIsLeft", "unusualButSafeValuesAreAccepted")) {
            CsvSource rows = ParameterValidationTest.class.getDeclaredMethod(method, String.class, String.class, Path.class)
                    .getAnnotation(CsvSource.class);
            for (String row : rows.value()) {
                String[] cells = row.split("\\|", 2);
                String key = cells[0].strip();
                String value = cells[1].strip().equals("''") ? "" : cells[1].strip();
                if (keys.contains(key)) {
                    values.add(Arguments.of(key, value));
                }
            }
        }
        return values.stream();
    }

    @ParameterizedTest(name = "{0} = [{1}]")
    @CsvSource(delimiter = '|', value = {
            "appName | Strömung 流 Demo_1.0",
            "appName | नमस्ते स्पार्क",
            "appName | 2024 Stream.v2-final",
            "host    | 127.0.0.1",
            "host    | ::1",
            "host    | 2001:db8::42",
            "host    | spark-master.example.org",
            "port    | 1",
            "port    | 65535",
            "package | org.example.it.custom",
            "package | x.y_",
            "package | com.Example.App",
            "sparkVersion | 3.5.0",
            "sparkVersion | 4.0.1",
            "sparkVersion | 4.2.0",
            "sparkVersion | 4.10.12",
            "version | 1.0.0-SNAPSHOT",
    })
    void unusualButSafeValuesAreAccepted(String key, String value, @TempDir Path out) throws Exception {
        Map<String, String> parameters = new HashMap<>(GOOD);
        parameters.put(key, value);
        ArchetypeTemplates.render(parameters, out.resolve("demo"));

        PostGenerateScript.run(out, parameters);

        assertTrue(Files.exists(out.resolve("demo/pom.xml")));
    }
}
