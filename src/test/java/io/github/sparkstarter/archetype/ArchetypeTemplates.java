package io.github.sparkstarter.archetype;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Renders archetype-resources/ the way maven-archetype-plugin 3.4.1 does, following the fileSets of
 * the descriptor, so the template tests see the files a user gets, in milliseconds. It reads them as
 * the archetype jar holds them: from target/classes, with this build's versions stamped in.
 */
final class ArchetypeTemplates {

    static final Path CLASSES = Path.of("target/classes");
    static final Path TEMPLATES = CLASSES.resolve("archetype-resources");
    static final Path DESCRIPTOR = CLASSES.resolve("META-INF/maven/archetype-metadata.xml");
    static final Path POST_GENERATE = CLASSES.resolve("META-INF/archetype-post-generate.groovy");

    /** One fileSet of the descriptor. */
    record FileSet(String directory, boolean filtered, boolean packaged, List<String> includes, List<String> excludes) {

        boolean includes(Path relativeToDirectory) {
            String path = relativeToDirectory.toString().replace('\\', '/');
            return includes.stream().anyMatch(pattern -> matches(pattern, path))
                    && excludes.stream().noneMatch(pattern -> matches(pattern, path));
        }

        /** Maven patterns: '**' spans any number of folders, including none. */
        private static boolean matches(String pattern, String path) {
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            boolean topLevel = pattern.startsWith("**/")
                    && FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)).matches(Path.of(path));
            return glob.matches(Path.of(path)) || topLevel;
        }
    }

    private ArchetypeTemplates() {
    }

    /** The engine settings of org.apache.maven.archetype.VelocityConfigurator in archetype-common 3.4.1. */
    static VelocityEngine engine() {
        Properties settings = new Properties();
        settings.put("introspector.conversion_handler.class", "none");
        settings.put("parser.space_gobbling", "bc");
        settings.put("directive.if.empty_check", false);
        settings.put("parser.allow_hyphen_in_identifiers", true);
        settings.put("velocimacro.enable_bc_mode", true);
        settings.put("event_handler.invalid_references.quiet", "true");
        settings.put("event_handler.invalid_references.null", true);
        settings.put("event_handler.invalid_references.tested", true);
        VelocityEngine engine = new VelocityEngine(settings);
        engine.init();
        return engine;
    }

    static List<FileSet> fileSets() throws Exception {
        Element root = descriptor();
        List<FileSet> fileSets = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName("fileSet");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element fileSet = (Element) nodes.item(i);
            fileSets.add(new FileSet(
                    fileSet.getElementsByTagName("directory").item(0).getTextContent().strip(),
                    Boolean.parseBoolean(fileSet.getAttribute("filtered")),
                    Boolean.parseBoolean(fileSet.getAttribute("packaged")),
                    texts(fileSet, "include"),
                    texts(fileSet, "exclude")));
        }
        return fileSets;
    }

    private static Element descriptor() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile()).getDocumentElement();
    }

    private static List<String> texts(Element parent, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    /** The default of a required property in the descriptor, as written there. */
    static String defaultValue(String key) throws Exception {
        return requiredProperty(key, "defaultValue");
    }

    /** The validationRegex of a required property in the descriptor. */
    static String validationRegex(String key) throws Exception {
        return requiredProperty(key, "validationRegex");
    }

    private static String requiredProperty(String key, String tag) throws Exception {
        Element root = descriptor();
        NodeList properties = root.getElementsByTagName("requiredProperty");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (property.getAttribute("key").equals(key)) {
                return property.getElementsByTagName(tag).item(0).getTextContent();
            }
        }
        throw new IllegalArgumentException("no required property " + key);
    }

    /** The keys of the descriptor's required properties. */
    static List<String> requiredProperties() throws Exception {
        NodeList properties = descriptor().getElementsByTagName("requiredProperty");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < properties.getLength(); i++) {
            keys.add(((Element) properties.item(i)).getAttribute("key"));
        }
        return keys;
    }

    static String evaluate(String template, Map<String, String> parameters) {
        StringWriter out = new StringWriter();
        engine().evaluate(new VelocityContext(new LinkedHashMap<>(parameters)), out, "template", template);
        return out.toString();
    }

    /**
     * Writes the project that the plugin would write for these parameters (groupId, artifactId,
     * version, package, appName, host, port, sparkVersion) into {@code target}; returns the files written,
     * relative to it. The pom.xml at the top is always filtered, as the plugin does.
     */
    static List<Path> render(Map<String, String> parameters, Path target) throws Exception {
        Map<String, String> context = new LinkedHashMap<>(parameters);
        context.put("packageInPathFormat", parameters.get("package").replace('.', '/'));
        VelocityEngine engine = engine();
        List<Path> written = new ArrayList<>();
        written.add(write(engine, context, TEMPLATES.resolve("pom.xml"), target.resolve("pom.xml"), true));
        for (FileSet fileSet : fileSets()) {
            Path directory = TEMPLATES.resolve(fileSet.directory());
            List<Path> files;
            try (Stream<Path> walk = Files.walk(directory, fileSet.directory().isEmpty() ? 1 : Integer.MAX_VALUE)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                Path relative = directory.relativize(file);
                if (!fileSet.includes(relative)) {
                    continue;
                }
                Path out = target.resolve(fileSet.directory());
                if (fileSet.packaged()) {
                    out = out.resolve(context.get("packageInPathFormat"));
                }
                written.add(write(engine, context, file, out.resolve(relative.toString()), fileSet.filtered()));
            }
        }
        return written.stream().map(target::relativize).toList();
    }

    private static Path write(VelocityEngine engine, Map<String, String> context, Path source, Path target, boolean filtered)
            throws IOException {
        Files.createDirectories(target.getParent());
        if (!filtered) {
            // As the plugin does: byte for byte, which keeps a picture (docs/*.png) whole.
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
        StringWriter out = new StringWriter();
        engine.evaluate(new VelocityContext(new LinkedHashMap<>(context)), out, source.toString(),
                Files.readString(source, StandardCharsets.UTF_8));
        // As the plugin does: rendered files get this system's line separator.
        Files.writeString(target, out.toString().replaceAll("\r\n|\r|\n", System.lineSeparator()), StandardCharsets.UTF_8);
        return target;
    }
}
