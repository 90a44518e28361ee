package io.github.sparkstarter.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The invoker cases of src/it/refused share one check, src/test/resources/invoker/expect-refused.groovy,
 * which each case's post-build hook evaluates (the plugin gives a hook script its own folder as
 * basedir, so one named in the pom for all cases could not find its case). The plugin skips a case's
 * hook in silence when it is missing, and the case would then pass on its exit code alone: this test
 * checks that every case has the same hook, that the check it runs is there, and that each case
 * gives a value the descriptor's rule refuses.
 */
class RefusedCasesTest {

    private static final String EXECUTION = "refused-parameters";

    @Test
    void everyCaseRunsTheSharedCheck() throws Exception {
        Element configuration = invokerConfiguration();
        Path check = Path.of(text(configuration, "refusedCheck").replace("${project.build.testOutputDirectory}", "target/test-classes"));
        assertTrue(Files.isRegularFile(check), "refusedCheck (pom.xml): no " + check);

        // The plugin tries the name as given, then with .bsh and .groovy.
        String hook = text(configuration, "postBuildHookScript") + ".groovy";
        for (Path refusedCase : cases()) {
            Path script = refusedCase.resolve(hook);
            assertTrue(Files.isRegularFile(script), refusedCase + " has no " + hook + ": its build would not be checked");
            assertTrue(Files.readString(script).lines().anyMatch(line -> line.strip().equals("evaluate(new File(refusedCheck))")),
                    script + " does not run the shared check");
        }
    }

    @Test
    void everyCaseGivesAValueTheRuleRefuses() throws Exception {
        List<String> parameters = ArchetypeTemplates.requiredProperties();
        for (Path refusedCase : cases()) {
            Properties invoker = load(refusedCase.resolve("invoker.properties"));
            if (Files.exists(refusedCase.resolve("good.properties"))) {
                // The retry case: a bad value, then the same command with a good one.
                assertEquals("failure", invoker.getProperty("invoker.buildResult.1"), refusedCase.toString());
                assertEquals("success", invoker.getProperty("invoker.buildResult.2"), refusedCase.toString());
                assertRefused(refusedCase, load(refusedCase.resolve("bad.properties")), parameters, true);
                assertRefused(refusedCase, load(refusedCase.resolve("good.properties")), parameters, false);
            } else {
                assertEquals("failure", invoker.getProperty("invoker.buildResult"), refusedCase.toString());
                assertRefused(refusedCase, load(refusedCase.resolve("test.properties")), parameters, true);
            }
        }
    }

    private static void assertRefused(Path refusedCase, Properties values, List<String> parameters, boolean refused)
            throws Exception {
        assertEquals(1, values.size(), refusedCase + ": one parameter per case, so the message it names is known");
        String key = values.stringPropertyNames().iterator().next();
        assertTrue(parameters.contains(key), refusedCase + ": " + key + " is not a parameter of the descriptor");
        String value = values.getProperty(key);
        assertEquals(refused, !Pattern.matches(ArchetypeTemplates.validationRegex(key), value),
                refusedCase + ": " + key + " '" + value + "'");
    }

    private static List<Path> cases() throws Exception {
        Path projects = Path.of(text(invokerConfiguration(), "projectsDirectory"));
        try (Stream<Path> list = Files.list(projects)) {
            List<Path> cases = list.filter(Files::isDirectory).sorted().toList();
            assertFalse(cases.isEmpty(), "no cases in " + projects);
            return cases;
        }
    }

    private static Element invokerConfiguration() throws Exception {
        Element pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                .getDocumentElement();
        NodeList executions = pom.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            if (text(execution, "id").equals(EXECUTION)) {
                return (Element) execution.getElementsByTagName("configuration").item(0);
            }
        }
        throw new AssertionError("no execution " + EXECUTION + " in pom.xml");
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().strip();
    }

    private static Properties load(Path file) throws Exception {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        return properties;
    }
}
