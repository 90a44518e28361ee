package org.example.iot.sensors.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What {@code mvn exec:java} runs when no named run is given, or a name pom.xml does not have:
 * Maven then falls back to the plugin's own settings, and a misspelt {@code exec:java@wordcount}
 * would quietly run whatever they name. Here they name this class, which says so in one line with
 * the names there are, read from pom.xml itself, and ends with status 2.
 */
public final class NamedRuns {

    private NamedRuns() {
    }

    public static void main(String[] args) throws Exception {
        Path pom = Path.of("pom.xml");
        String names = Files.isRegularFile(pom) ? String.join(", ", namesIn(pom)) : "see the executions of exec-maven-plugin in pom.xml";
        System.err.println("error: no such named run. Name one: mvn -q compile exec:java@NAME, NAME one of: " + names);
        System.exit(2);
    }

    /** The ids of exec-maven-plugin's executions in the pom: the names of the named runs, in order. */
    static List<String> namesIn(Path pom) throws Exception {
        NodeList plugins = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getElementsByTagName("plugin");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (plugin.getElementsByTagName("artifactId").item(0).getTextContent().strip().equals("exec-maven-plugin")) {
                NodeList executions = plugin.getElementsByTagName("execution");
                for (int j = 0; j < executions.getLength(); j++) {
                    names.add(((Element) executions.item(j)).getElementsByTagName("id").item(0).getTextContent().strip());
                }
            }
        }
        return names;
    }
}
