package io.github.sparkstarter.samples.socket_course.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one way every lesson takes its options: arguments on the command line, read before Spark
 * starts. Positional values first ({@code [host] [port]}), then options by name
 * ({@code --trigger continuous}). A bad one ends the app with a line naming it and the fix, then
 * the lesson's usage line, and status 2.
 */
public final class CommandLine {

    /** Named like an option, an option that takes no value, such as {@code --show}. */
    public static final String FLAG_SUFFIX = "!";

    private final List<String> positional;
    private final Map<String, String> named;

    private CommandLine(List<String> positional, Map<String, String> named) {
        this.positional = positional;
        this.named = named;
    }

    /**
     * Reads the arguments with {@code read}, or ends the app: "error: ..." and the usage line on
     * standard error, status 2. {@code read} reports a bad argument as an IllegalArgumentException.
     */
    public static <T> T readOrExit(String usage, String[] args, Function<String[], T> read) {
        try {
            return read.apply(args);
        } catch (IllegalArgumentException e) {
            exitWithUsage(usage, e);
            return null;
        }
    }

    /** Ends the app: "error: " and the message of e, then the usage line, on standard error; status 2. */
    public static void exitWithUsage(String usage, IllegalArgumentException e) {
        System.err.println("error: " + e.getMessage());
        System.err.println(usage);
        System.exit(2);
    }

    /**
     * Splits the arguments into positional values and {@code --name value} options, taking only the
     * options named here and at most {@code maxPositional} values. A name ending in
     * {@link #FLAG_SUFFIX}, such as {@code "show!"}, is a flag, {@code --show}, with no value.
     *
     * @throws IllegalArgumentException for an unknown option, an option without its value, an
     *                                  option given twice, or too many values
     */
    public static CommandLine parse(String[] args, int maxPositional, String... optionNames) {
        Set<String> flags = Stream.of(optionNames).filter(name -> name.endsWith(FLAG_SUFFIX))
                .map(name -> name.substring(0, name.length() - FLAG_SUFFIX.length())).collect(Collectors.toSet());
        Set<String> known = Stream.of(optionNames).map(name -> name.replace(FLAG_SUFFIX, "")).collect(Collectors.toCollection(java.util.TreeSet::new));
        List<String> positional = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + arg + "'"
                        + (known.isEmpty() ? "; this app takes none" : "; known: --" + String.join(", --", known)));
            }
            if (flags.contains(name)) {
                named.put(name, "true");
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option '" + arg + "' needs a value after it");
            }
            if (named.put(name, args[++i]) != null) {
                throw new IllegalArgumentException("option '" + arg + "' is given twice");
            }
        }
        if (positional.size() > maxPositional) {
            throw new IllegalArgumentException("expected at most " + maxPositional + " values besides options, but got "
                    + positional.size() + ": " + String.join(" ", positional));
        }
        return new CommandLine(List.copyOf(positional), named);
    }

    public List<String> positional() {
        return positional;
    }

    /** Whether the flag {@code --name} is given. */
    public boolean flag(String name) {
        return named.containsKey(name);
    }

    /** The value of {@code --name}, or {@code otherwise} when it is not given. */
    public String option(String name, String otherwise) {
        return named.getOrDefault(name, otherwise);
    }
}
