package io.github.sparkstarter.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every class the template ships with a main method can be run three ways without set-up: by a
 * named run, {@code mvn -q compile exec:java@NAME} (an exec-maven-plugin execution of the template
 * pom), by an IntelliJ IDEA configuration in .run/ and by a VS Code entry in .vscode/launch.json. A
 * test-scope class with a named run gets the IDE configurations too. The generated project does not
 * check this itself, so that a learner's own main class never breaks its build.
 */
class NamedRunsTest {

    private static final Pattern MAIN = Pattern.compile("\\bstatic\\s+void\\s+main\\s*\\(\\s*(final\\s+)?String\\b");
    private static final Pattern VS_CODE_MAIN_CLASS = Pattern.compile("\"mainClass\"\\s*:\\s*\"([^\"]+)\"");

    static Stream<Arguments> sparkLines() {
        // 4.0.1 too: a 4.x line before real-time mode (4.1), whose real-time lesson is not kept.
        return Stream.of(Arguments.of(TemplateRenderingTest.SPARK_3), Arguments.of("4.0.1"), Arguments.of(TemplateRenderingTest.SPARK_4));
    }

    @ParameterizedTest(name = "Spark {0}")
    @MethodSource("sparkLines")
    void everyShippedMainClassHasANamedRunAndIdeConfigurations(String sparkVersion, @TempDir Path generated) throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>(ParameterValidationTest.GOOD);
        parameters.put("sparkVersion", sparkVersion);
        Path project = generated.resolve(parameters.get("artifactId"));
        ArchetypeTemplates.render(parameters, project);
        // As the plugin does: the post-generate script removes what this Spark line cannot run.
        PostGenerateScript.run(generated, parameters);
        String pkg = parameters.get("package");
        Set<String> mainScope = mainClasses(project.resolve("src/main/java"), pkg);
        Set<String> testScope = mainClasses(project.resolve("src/test/java"), pkg);
        assertTrue(mainScope.contains(pkg + ".SocketStreamApp") && mainScope.contains(pkg + ".tools.JavaLineServer"),
                "main classes not found: " + mainScope);
        Map<String, String> namedRuns = namedRuns(project.resolve("pom.xml"));

        Set<String> needed = new TreeSet<>(mainScope);
        // What exec:java runs for no name or an unknown one: the plugin's own setting, not a run.
        assertTrue(needed.remove(pkg + ".tools.NamedRuns"), "tools.NamedRuns not found: " + mainScope);
        assertTrue(Files.readString(project.resolve("pom.xml")).contains("<mainClass>" + pkg + ".tools.NamedRuns</mainClass>"),
                "exec-maven-plugin's own mainClass is not NamedRuns");
        for (String mainClass : namedRuns.values()) {
            assertTrue(mainScope.contains(mainClass) || testScope.contains(mainClass), "a named run of no main class: " + mainClass);
            if (testScope.contains(mainClass)) {
                needed.add(mainClass);
            }
        }
        Set<String> intellij = intellijMainClasses(project.resolve(".run"));
        Set<String> vsCode = vsCodeMainClasses(project.resolve(".vscode/launch.json"));
        for (String mainClass : needed) {
            assertTrue(namedRuns.containsValue(mainClass), mainClass + " has no named run (exec-maven-plugin execution) in pom.xml");
            assertTrue(intellij.contains(mainClass), mainClass + " has no IntelliJ configuration in .run/");
            assertTrue(vsCode.contains(mainClass), mainClass + " has no entry in .vscode/launch.json");
        }
    }

    /** The classes under sources with a main method, by their source files. */
    static Set<String> mainClasses(Path sources, String pkg) throws Exception {
        Set<String> classes = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return classes;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                if (MAIN.matcher(Files.readString(file)).find()) {
                    String path = sources.relativize(file).toString().replace('\\', '/');
                    String name = path.substring(0, path.length() - ".java".length()).replace('/', '.');
                    assertTrue(name.startsWith(pkg + "."), file + " is outside the package " + pkg);
                    classes.add(name);
                }
            }
        }
        return classes;
    }

    /** The pom's exec-maven-plugin executions of the java goal: id to main class, each id once. */
    static Map<String, String> namedRuns(Path pom) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        Element plugins = child(child(project, "build"), "plugins");
        Map<String, String> runs = new LinkedHashMap<>();
        for (Element plugin : children(plugins, "plugin")) {
            if (!text(plugin, "artifactId").equals("exec-maven-plugin")) {
                continue;
            }
            for (Element execution : children(child(plugin, "executions"), "execution")) {
                String id = text(execution, "id");
                List<String> goals = children(child(execution, "goals"), "goal").stream().map(Node::getTextContent).toList();
                assertEquals(List.of("java"), goals, "named run " + id);
                String mainClass = text(child(execution, "configuration"), "mainClass");
                assertFalse(runs.containsKey(id), "two named runs " + id);
                runs.put(id, mainClass);
            }
        }
        return runs;
    }

    static Set<String> intellijMainClasses(Path runDirectory) throws Exception {
        Set<String> classes = new TreeSet<>();
        try (Stream<Path> files = Files.list(runDirectory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".run.xml")).toList()) {
                NodeList options = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                        .getElementsByTagName("option");
                for (int i = 0; i < options.getLength(); i++) {
                    Element option = (Element) options.item(i);
                    if (option.getAttribute("name").equals("MAIN_CLASS_NAME")) {
                        classes.add(option.getAttribute("value"));
                    }
                }
            }
        }
        return classes;
    }

    /** The mainClass of each launch configuration (the generated project's own test reads the JSON whole). */
    static Set<String> vsCodeMainClasses(Path launchJson) throws Exception {
        Set<String> classes = new TreeSet<>();
        Matcher mainClass = VS_CODE_MAIN_CLASS.matcher(Files.readString(launchJson));
        while (mainClass.find()) {
            classes.add(mainClass.group(1));
        }
        return classes;
    }

    private static Element child(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        assertEquals(1, found.size(), "<" + tag + "> in <" + parent.getTagName() + ">");
        return found.get(0);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String tag) {
        return child(parent, tag).getTextContent().strip();
    }
}
