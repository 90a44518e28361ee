package io.github.sparkstarter.archetype;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parameters' rules as written in the source, with @name@ references put in as the build does. */
final class ParameterRules {

    static final Path SOURCE = Path.of("src/main/filters/parameter-rules.properties");

    private static final Pattern REFERENCE = Pattern.compile("@([A-Za-z0-9_.]+)@");

    private ParameterRules() {
    }

    static Map<String, String> read() throws Exception {
        Properties written = new Properties();
        try (Reader in = Files.newBufferedReader(SOURCE, StandardCharsets.ISO_8859_1)) {
            written.load(in);
        }
        Map<String, String> rules = new LinkedHashMap<>();
        for (String key : written.stringPropertyNames()) {
            rules.put(key, resolve(written.getProperty(key), written, 0));
        }
        return rules;
    }

    private static String resolve(String value, Properties written, int depth) {
        if (depth > 10) {
            throw new IllegalStateException("@name@ references nested too deep: " + value);
        }
        Matcher reference = REFERENCE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            String referenced = written.getProperty(reference.group(1));
            if (referenced == null) {
                throw new IllegalStateException("no rule " + reference.group(1) + " in " + SOURCE);
            }
            reference.appendReplacement(resolved, Matcher.quoteReplacement(resolve(referenced, written, depth + 1)));
        }
        return reference.appendTail(resolved).toString();
    }
}
