package io.github.sparkstarter.archetype;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;

/** Runs META-INF/archetype-post-generate.groovy as the archetype plugin does, on a rendered project. */
final class PostGenerateScript {

    /** What the script reads of the plugin's ArchetypeGenerationRequest. */
    public static final class Request {
        private final String outputDirectory;
        private final Map<String, String> coordinates;
        private final Properties properties = new Properties();

        Request(Path outputDirectory, Map<String, String> parameters) {
            this.outputDirectory = outputDirectory.toString();
            this.coordinates = parameters;
            // As the plugin does: the required properties only; the coordinates have getters.
            properties.putAll(parameters);
            properties.keySet().removeAll(java.util.List.of("groupId", "artifactId", "version"));
        }

        public String getGroupId() {
            return coordinates.get("groupId");
        }

        public String getVersion() {
            return coordinates.get("version");
        }

        public String getOutputDirectory() {
            return outputDirectory;
        }

        public String getArtifactId() {
            return coordinates.get("artifactId");
        }

        public Properties getProperties() {
            return properties;
        }
    }

    private PostGenerateScript() {
    }

    /** The script's rules, as Groovy reads them: parameter name to regular expression. */
    @SuppressWarnings("unchecked")
    static Map<String, String> rules() throws Exception {
        return (Map<String, String>) new GroovyShell().parse(ArchetypeTemplates.POST_GENERATE.toFile()).getProperty("RULES");
    }

    /** Runs the script for a project at outputDirectory/artifactId; throws what the script throws. */
    static void run(Path outputDirectory, Map<String, String> parameters) throws Exception {
        Binding binding = new Binding();
        binding.setVariable("request", new Request(outputDirectory, parameters));
        new GroovyShell(binding).evaluate(ArchetypeTemplates.POST_GENERATE.toFile());
    }
}
