package dev.tracking.local.jdbc;

import dev.tracking.internal.check.Arguments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The JDBC store's tables ({@code tracking_customer}, {@code tracking_subscription}, {@code tracking_usage}):
 * the SQL scripts shipped in this jar, one per dialect, and a way to apply one. Every statement is
 * {@code CREATE … IF NOT EXISTS}, so applying a script again changes nothing. Applications that manage their
 * schema with Flyway or Liquibase copy the script of their database into a migration instead.
 */
public final class JdbcSchema {

    private JdbcSchema() {
    }

    /** Creates the tables that do not exist yet, with the script of the database's dialect. */
    public static void initialize(DataSource dataSource) {
        Arguments.requireNonNull("dataSource", dataSource);
        try {
            execute(dataSource, JdbcSchema::statements);
        } catch (SQLException e) {
            throw new LocalStoreException("could not create the local store's tables", e);
        }
    }

    /**
     * Runs the statements that {@code statements} gives for the database's dialect, on one connection, each
     * committed on its own: how the library applies its own schema scripts (the local store's and the outbox's); not
     * meant for an application's statements.
     *
     * @throws IllegalArgumentException when the database is none of PostgreSQL, MySQL, MariaDB, H2
     * @throws SQLException when the database cannot be reached or refuses a statement
     */
    public static void execute(DataSource dataSource, Function<JdbcDialect, List<String>> statements)
            throws SQLException {
        Arguments.requireNonNull("dataSource", dataSource);
        Arguments.requireNonNull("statements", statements);
        try (Connection connection = dataSource.getConnection()) {
            JdbcDialect dialect = JdbcDialect.of(connection);
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements.apply(dialect)) {
                    statement.execute(sql);
                }
            }
        }
    }

    /** The statements of {@code dialect}'s script, comments and blank lines left out. */
    public static List<String> statements(JdbcDialect dialect) {
        return statementsOf(script(dialect));
    }

    /**
     * The statements of a SQL script of ours, comments and blank lines left out: a statement ends with the line that
     * ends with {@code ;}.
     */
    public static List<String> statementsOf(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(trimmed).append(' ');
            if (trimmed.endsWith(";")) {
                statements.add(current.substring(0, current.lastIndexOf(";")).strip());
                current.setLength(0);
            }
        }
        return List.copyOf(statements);
    }

    /** The text of {@code dialect}'s schema script. */
    public static String script(JdbcDialect dialect) {
        return read(dialect.schemaLocation());
    }

    /** The text of the class-path resource {@code location}, a script shipped in this jar. */
    public static String read(String location) {
        try (InputStream in = JdbcSchema.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException(location + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
