package io.github.sparkstarter.archetype;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The post-generate script refuses every parameter that is not safe in generated Java, XML,
 * Markdown and shell, removes the project, and names the parameter and what is allowed.
 */
class ParameterValidationTest {

    static final Map<String, String> GOOD = Map.of("groupId", "com.example", "artifactId", "demo",
            "version", "1.0", "package", "com.example.demo", "appName", "Demo App", "host", "localhost", "port", "9999");

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
    })
    void aBadParameterIsNamedAndNoProjectIsLeft(String key, String value, @TempDir Path out) throws Exception {
        Map<String, String> parameters = new HashMap<>(GOOD);
        parameters.put(key, value);
        ArchetypeTemplates.render(GOOD, out.resolve("demo"));

        Exception error = assertThrows(Exception.class, () -> PostGenerateScript.run(out, parameters));

        assertTrue(error.getMessage().contains(key + " '" + value + "'"), error.getMessage());
        assertTrue(error.getMessage().contains("e.g. -D" + key + "="), error.getMessage());
        assertFalse(Files.exists(out.resolve("demo")), "the project was left behind");
    }

    @Test
    void aNewlineInAValueIsRefused(@TempDir Path out) throws Exception {
        for (String key : new String[] {"appName", "host", "port", "package"}) {
            Map<String, String> parameters = new HashMap<>(GOOD);
            parameters.put(key, GOOD.get(key) + "\nrm -rf /");
            ArchetypeTemplates.render(GOOD, out.resolve("demo"));

            Exception error = assertThrows(Exception.class, () -> PostGenerateScript.run(out, parameters));

            assertTrue(error.getMessage().contains(key + " '"), error.getMessage());
            assertFalse(Files.exists(out.resolve("demo")));
        }
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
    })
    void unusualButSafeValuesAreAccepted(String key, String value, @TempDir Path out) throws Exception {
        Map<String, String> parameters = new HashMap<>(GOOD);
        parameters.put(key, value);
        ArchetypeTemplates.render(parameters, out.resolve("demo"));

        PostGenerateScript.run(out, parameters);

        assertTrue(Files.exists(out.resolve("demo/pom.xml")));
    }
}
