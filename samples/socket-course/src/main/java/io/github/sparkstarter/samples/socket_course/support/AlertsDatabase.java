package io.github.sparkstarter.samples.socket_course.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.apache.spark.sql.Row;

/**
 * Lesson 6's database: an H2 database kept in one file (saved/alerts.mv.db), no server to install.
 * The first process to open the file serves it to the others (H2's AUTO_SERVER), so show-alerts
 * reads the tables while the alerts run writes them; that server answers this machine only. One
 * connection for the whole run, opened before Spark starts, so that a file another program holds
 * is one clear line, not a failed stream.
 */
public final class AlertsDatabase implements AutoCloseable {

    static {
        // AUTO_SERVER starts H2's TCP server with -tcpAllowOthers, on every interface unless
        // h2.bindAddress names one (org.h2.util.NetUtils.createServerSocket); H2 reads the property
        // once, when it first loads, so it is set here, before any connection.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** H2's error code for a database file another process holds open without sharing it. */
    static final int ALREADY_OPEN = 90020;

    private final Connection connection;

    private AlertsDatabase(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens the database, creating the file and running tables (CREATE TABLE IF NOT EXISTS ...)
     * at the first run. A database that cannot be opened ends the app with one line that says
     * why (status 1).
     */
    public static AlertsDatabase openOrExit(Path database, String tables) {
        try {
            return openOrFail(database, tables);
        } catch (SQLException e) {
            System.err.println("error: " + explain(e, database));
            System.exit(1);
            return null;
        }
    }

    /** The same, for tests: the SQLException instead of an exit. */
    public static AlertsDatabase openOrFail(Path database, String tables) throws SQLException {
        Connection connection = DriverManager.getConnection(url(database), "sa", "");
        try (Statement statement = connection.createStatement()) {
            statement.execute(tables);
        }
        // Each save commits its rows together, or none of them.
        connection.setAutoCommit(false);
        return new AlertsDatabase(connection);
    }

    /**
     * The JDBC address of the file. AUTO_SERVER=TRUE: shared with other processes through a
     * server on 127.0.0.1 (see above). TRACE_LEVEL_FILE=0: a refused open is our one line, not
     * also a saved/alerts.trace.db left behind. What was committed is safe in the file however the
     * app ends, Ctrl-C or kill -9.
     */
    public static String url(Path database) {
        return "jdbc:h2:file:" + database.toAbsolutePath() + ";AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0";
    }

    static String explain(SQLException e, Path database) {
        if (e.getErrorCode() == ALREADY_OPEN) {
            return "the database '" + database + ".mv.db' is held by a program that does not share it (an H2 Shell or"
                    + " Console opened without ;AUTO_SERVER=TRUE). Close that one first";
        }
        return "cannot open the database '" + database + ".mv.db': " + e.getMessage().lines().findFirst().orElse("");
    }

    /**
     * Runs the statement once for each row, binding the row's values in order, and commits them
     * together: all the rows or, on a failure, none (rolled back, and the failure thrown).
     */
    public synchronized void writeAll(String statement, List<Row> rows) throws SQLException {
        try (PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (Row row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    prepared.setObject(i + 1, row.get(i));
                }
                prepared.addBatch();
            }
            prepared.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** The number of rows in table. */
    public synchronized long count(String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet all = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            all.next();
            return all.getLong(1);
        }
    }

    /** The open connection, for reading; writes go through {@link #writeAll}. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
