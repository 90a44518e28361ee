package io.github.sparkstarter.samples.socket_course.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Lesson 6's database: an H2 database embedded in the app, kept in one file (saved/alerts.mv.db), no
 * server. One connection for the whole run, opened before Spark starts: H2 lets one process at a
 * time open a file database, and a database held by another process (show-alerts, an H2 Console)
 * is then one clear line, not a failed stream.
 */
public final class AlertsDatabase implements AutoCloseable {

    /** H2's error code for a database file another process holds open. */
    static final int ALREADY_OPEN = 90020;

    static final String CREATE_TABLES = """
            CREATE TABLE IF NOT EXISTS alerts (
              card VARCHAR(40) NOT NULL,
              window_start TIMESTAMP NOT NULL,
              window_end TIMESTAMP NOT NULL,
              reason VARCHAR(100) NOT NULL,
              declined INT NOT NULL,
              approved_total DECIMAL(14, 2) NOT NULL,
              payments INT NOT NULL,
              PRIMARY KEY (card, window_start));
            CREATE TABLE IF NOT EXISTS rejected (
              file VARCHAR(400) NOT NULL,
              line VARCHAR(4000) NOT NULL,
              problem VARCHAR(200) NOT NULL,
              PRIMARY KEY (file, line));
            """;

    private final Connection connection;

    private AlertsDatabase(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens the database, creating the file and its tables at the first run. A database another
     * process holds open ends the app with one line that says which (status 1).
     */
    public static AlertsDatabase open(Path database) {
        try {
            return openOrFail(database);
        } catch (SQLException e) {
            System.err.println("error: " + explain(e, database));
            System.exit(1);
            return null;
        }
    }

    /** The same, for tests: the SQLException instead of an exit. */
    public static AlertsDatabase openOrFail(Path database) throws SQLException {
        Connection connection = DriverManager.getConnection(url(database), "sa", "");
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_TABLES);
        }
        // Each save commits its rows together, or none of them.
        connection.setAutoCommit(false);
        return new AlertsDatabase(connection);
    }

    /**
     * The JDBC address of the file. DB_CLOSE_ON_EXIT=FALSE: H2 would close the database in a
     * shutdown hook of its own, under a batch Spark is still saving as Ctrl-C stops the app; what
     * was committed is safe in the file either way, as it is after a kill -9.
     */
    public static String url(Path database) {
        return "jdbc:h2:file:" + database.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    static String explain(SQLException e, Path database) {
        if (e.getErrorCode() == ALREADY_OPEN) {
            return "the database '" + database + ".mv.db' is open in another process (lesson 6's alerts run,"
                    + " show-alerts or an H2 Console): H2 lets one process at a time open it. Stop that one first";
        }
        return "cannot open the database '" + database + ".mv.db': " + e.getMessage().lines().findFirst().orElse("");
    }

    /** The open connection; transactions are committed by whoever writes. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
