package io.github.sparkstarter.samples.socket_course.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where lesson 6 reads and writes, from {@code --inbox DIR --database FILE --checkpoint DIR}, checked
 * before Spark starts: the inbox that {@code scripts/drop-sample.sh} fills (data/inbox), the H2
 * database file without its ".mv.db" ending (saved/alerts) and the queries' checkpoints
 * (saved/alerts-checkpoint).
 */
public record AlertSettings(Path inbox, Path database, Path checkpoint) {

    public static final String USAGE = "usage: [--inbox DIR] [--database FILE] [--checkpoint DIR]"
            + "   (defaults: data/inbox saved/alerts saved/alerts-checkpoint)";

    /** The settings of this run; a bad argument or set-up ends the app with a message naming it (status 2). */
    public static AlertSettings fromCommandLine(String... args) {
        try {
            AlertSettings settings = fromArgs(args);
            settings.check();
            return settings;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return null;
        }
    }

    /** Only the database, for show-alerts: {@code [--database FILE]}. */
    public static Path databaseFromCommandLine(String... args) {
        try {
            AlertSettings settings = fromArgs(args);
            if (!settings.inbox.equals(defaults().inbox) || !settings.checkpoint.equals(defaults().checkpoint)) {
                throw new IllegalArgumentException("show-alerts takes only --database FILE");
            }
            return settings.database;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: [--database FILE]   (default: saved/alerts)");
            System.exit(2);
            return null;
        }
    }

    static AlertSettings defaults() {
        return new AlertSettings(Path.of("data", "inbox"), Path.of("saved", "alerts"), Path.of("saved", "alerts-checkpoint"));
    }

    /**
     * Reads {@code --name value} pairs in any order.
     *
     * @throws IllegalArgumentException naming the bad argument and what is allowed instead
     */
    public static AlertSettings fromArgs(String... args) {
        AlertSettings settings = defaults();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length || args[i + 1].isBlank()) {
                throw new IllegalArgumentException("'" + name + "' needs a value after it");
            }
            Path value = Path.of(args[i + 1]);
            switch (name) {
                case "--inbox" -> settings = new AlertSettings(value, settings.database, settings.checkpoint);
                case "--database" -> settings = new AlertSettings(settings.inbox, stripEnding(value), settings.checkpoint);
                case "--checkpoint" -> settings = new AlertSettings(settings.inbox, settings.database, value);
                default -> throw new IllegalArgumentException("unknown argument '" + name + "'; the arguments are"
                        + " --inbox, --database and --checkpoint, each followed by a path");
            }
        }
        return settings;
    }

    /** H2 adds ".mv.db" to the name it is given: saved/alerts.mv.db and saved/alerts name the same file. */
    private static Path stripEnding(Path database) {
        String name = database.toString();
        return name.endsWith(".mv.db") ? Path.of(name.substring(0, name.length() - ".mv.db".length())) : database;
    }

    /** The file H2 keeps the database in. */
    public Path databaseFile() {
        return Path.of(database + ".mv.db");
    }

    /**
     * @throws IllegalArgumentException naming the path, what is wrong and what to do
     */
    void check() {
        if (!Files.isDirectory(inbox)) {
            throw new IllegalArgumentException("the input directory '" + inbox + "' does not exist. Create it"
                    + " (mkdir -p " + inbox + ") or name another with --inbox DIR; scripts/drop-sample.sh fills it");
        }
        if (Files.isDirectory(checkpoint) && !Files.exists(databaseFile())) {
            // The checkpoint says which alerts were written already: Spark would not write them again.
            throw new IllegalArgumentException("the checkpoint '" + checkpoint + "' belongs to a database that is gone ('"
                    + databaseFile() + "'), so the alerts saved before would never come back. Delete '" + checkpoint
                    + "' too to start over, or name another database with --database FILE");
        }
    }
}
