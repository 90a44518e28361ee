package io.github.sparkstarter.samples.socket_course;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.sparkstarter.samples.socket_course.settings.AlertSettings;
import io.github.sparkstarter.samples.socket_course.support.AlertsDatabase;

/**
 * Lesson 6, part 2: the tables {@link FraudAlertsApp} saved, printed with plain JDBC: SQL on the
 * database file, no Spark. The alerts in order of time, then the rejected lines.
 *
 * <p>Run it while the alerts run or after: {@code mvn -q compile exec:java@show-alerts} (another
 * file: {@code -Dexec.args="--database FILE"}). While the alerts run holds the file, H2 serves it
 * to this process through a server on 127.0.0.1 (support/AlertsDatabase).
 */
public final class ShowAlerts {

    static final String ALERTS = "SELECT card, window_start, window_end, reason, declined, approved_total, payments"
            + " FROM alerts ORDER BY window_start, card";
    static final String REJECTED = "SELECT source, problem, line FROM rejected ORDER BY source";

    public static void main(String[] args) throws SQLException {
        Path database = AlertSettings.databaseFromCommandLineOrExit(args);
        if (!Files.exists(Path.of(database + ".mv.db"))) {
            System.err.println("error: no database '" + database + ".mv.db' yet: run the alerts first (mvn -q compile exec:java@alerts)");
            System.exit(2);
        }
        try (AlertsDatabase open = AlertsDatabase.openOrExit(database, FraudAlertsApp.TABLES)) {
            List<String> alerts = query(open, ALERTS);
            System.out.println((alerts.size() - 1) + " alerts in " + database + ".mv.db:");
            alerts.forEach(System.out::println);
            List<String> rejected = query(open, REJECTED);
            System.out.println((rejected.size() - 1) + " rejected lines:");
            rejected.forEach(System.out::println);
        }
    }

    /** The table's rows as lines of values separated by " | ", after a line of column names. */
    public static List<String> query(AlertsDatabase database, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = database.connection().createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData columns = rows.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i).toLowerCase());
            }
            lines.add(String.join(" | ", names));
            while (rows.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    values.add(String.valueOf(rows.getString(i)));
                }
                lines.add(String.join(" | ", values));
            }
        }
        return lines;
    }
}
