package org.example.iot.sensors.support;

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

    public static final String SHOW_USAGE = "usage: [--database FILE]   (default: saved/alerts)";

    /** The settings of this run; a bad argument or set-up ends the app with a message naming it (status 2). */
    public static AlertSettings fromCommandLine(String... args) {
        return CommandLine.readOrExit(USAGE, args, given -> {
            AlertSettings settings = fromArgs(given);
            settings.check();
            return settings;
        });
    }

    /** Only the database, for show-alerts: {@code [--database FILE]}. */
    public static Path databaseFromCommandLine(String... args) {
        return CommandLine.readOrExit(SHOW_USAGE, args,
                given -> stripEnding(Path.of(CommandLine.parse(given, 0, "database").option("database", "saved/alerts"))));
    }

    /** @throws IllegalArgumentException naming the bad argument and what is allowed instead */
    public static AlertSettings fromArgs(String... args) {
        CommandLine line = CommandLine.parse(args, 0, "inbox", "database", "checkpoint");
        return new AlertSettings(Path.of(line.option("inbox", "data/inbox")),
                stripEnding(Path.of(line.option("database", "saved/alerts"))),
                Path.of(line.option("checkpoint", "saved/alerts-checkpoint")));
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
