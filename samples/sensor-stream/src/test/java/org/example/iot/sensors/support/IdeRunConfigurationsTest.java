package org.example.iot.sensors.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.example.iot.sensors.SocketStreamApp;
import org.example.iot.sensors.testkit.AppProcess;

/**
 * The run configurations shipped for IntelliJ IDEA (.run/) and VS Code (.vscode/), and the named
 * runs of pom.xml: each names a class of this project with a main method, and the IDEs' give Java
 * the flags of .mvn/jvm.config as an @argfile, as the tests and scripts do, so that pressing Run
 * works without set-up. Classes of your own need none of them: run them from the IDE's gutter
 * (the templates give them the flags) or add a configuration as you like.
 */
class IdeRunConfigurationsTest {

    /** What every configuration gives Java: the one list of flags, not a copy of it. */
    static final String FLAGS = "@" + AppProcess.JVM_CONFIG.toString().replace('\\', '/');

    /** VS Code's files may hold comments, as VS Code allows. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    @Test
    void intellijConfigurationsRunClassesOfThisProjectWithTheFlags() throws Exception {
        Set<String> configured = new TreeSet<>();
        for (Element configuration : intellijConfigurations()) {
            String name = configuration.getAttribute("name");
            assertEquals("$MODULE_WORKING_DIR$", option(configuration, "WORKING_DIRECTORY"), name + ": the flags file is found from the project folder");
            assertEquals("MANIFEST", child(configuration, "shortenClasspath").getAttribute("name"), name + ": an @argfile in an @argfile is not read");
            if (configuration.getAttribute("default").equals("true")) {
                assertTrue(List.of(option(configuration, "VM_PARAMETERS").split(" ")).contains(FLAGS), name + " template");
                continue;
            }
            assertEquals(FLAGS, option(configuration, "VM_PARAMETERS"), name);
            assertEquals(artifactId(), child(configuration, "module").getAttribute("name"), name);
            configured.add(option(configuration, "MAIN_CLASS_NAME"));
        }

        assertEachHasAMainMethod(configured);
    }

    @Test
    void intellijTemplatesGiveNewApplicationAndTestRunsTheFlags() throws Exception {
        Set<String> templates = new TreeSet<>();
        for (Element configuration : intellijConfigurations()) {
            if (configuration.getAttribute("default").equals("true")) {
                templates.add(configuration.getAttribute("type"));
            }
        }

        assertEquals(Set.of("Application", "JUnit"), templates);
    }

    @Test
    void vsCodeConfigurationsRunClassesOfThisProjectWithTheFlags() throws Exception {
        Set<String> configured = new TreeSet<>();
        for (JsonNode configuration : JSON.readTree(Path.of(".vscode", "launch.json").toFile()).get("configurations")) {
            String name = configuration.get("name").asText();
            assertEquals(FLAGS, configuration.get("vmArgs").asText(), name);
            assertEquals("jarmanifest", configuration.get("shortenCommandLine").asText(), name + ": an @argfile in an @argfile is not read");
            assertEquals(artifactId(), configuration.get("projectName").asText(), name);
            configured.add(configuration.get("mainClass").asText());
        }

        assertEachHasAMainMethod(configured);
    }

    @Test
    void vsCodeTestRunnerGetsTheFlags() throws Exception {
        JsonNode vmArgs = JSON.readTree(Path.of(".vscode", "settings.json").toFile()).get("java.test.config").get("vmArgs");

        assertEquals(List.of(FLAGS), JSON.convertValue(vmArgs, List.class));
    }

    @Test
    void namedRunsOfThePomRunClassesOfThisProject() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList mainClasses = pom.getElementsByTagName("mainClass");
        Set<String> named = new TreeSet<>();
        for (int i = 0; i < mainClasses.getLength(); i++) {
            named.add(mainClasses.item(i).getTextContent().strip().replace("${main.class}", SocketStreamApp.class.getName()));
        }

        assertTrue(named.contains(SocketStreamApp.class.getName()), named::toString);
        assertEachHasAMainMethod(named);
    }

    /** Each class is on this project's classpath, with a public static void main(String[]). */
    static void assertEachHasAMainMethod(Set<String> classNames) throws Exception {
        assertTrue(classNames.size() > 1, classNames::toString);
        for (String name : classNames) {
            Class<?> mainClass;
            try {
                mainClass = Class.forName(name, false, IdeRunConfigurationsTest.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError("a configuration names " + name + ", which this project does not have", e);
            }
            Method main = mainClass.getMethod("main", String[].class);
            assertTrue(Modifier.isStatic(main.getModifiers()), name + ".main is not static");
        }
    }

    static List<Element> intellijConfigurations() throws Exception {
        List<Element> configurations = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(".run"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".run.xml")).sorted().toList()) {
                Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
                assertEquals("ProjectRunConfigurationManager", document.getDocumentElement().getAttribute("name"), file.toString());
                NodeList nodes = document.getElementsByTagName("configuration");
                for (int i = 0; i < nodes.getLength(); i++) {
                    configurations.add((Element) nodes.item(i));
                }
            }
        }
        return configurations;
    }

    static String option(Element configuration, String name) {
        NodeList options = configuration.getElementsByTagName("option");
        for (int i = 0; i < options.getLength(); i++) {
            Element option = (Element) options.item(i);
            if (option.getAttribute("name").equals(name)) {
                return option.getAttribute("value");
            }
        }
        throw new AssertionError(configuration.getAttribute("name") + " has no option " + name);
    }

    static Element child(Element configuration, String tag) {
        NodeList children = configuration.getElementsByTagName(tag);
        assertEquals(1, children.getLength(), configuration.getAttribute("name") + ": <" + tag + ">");
        return (Element) children.item(0);
    }

    /** The module name IntelliJ IDEA and VS Code give the project: its artifactId. */
    static String artifactId() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList children = pom.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeName().equals("artifactId")) {
                return children.item(i).getTextContent().strip();
            }
        }
        throw new AssertionError("pom.xml has no artifactId");
    }
}
