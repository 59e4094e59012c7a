package dev.tracking.outbox;

import dev.tracking.local.jdbc.JdbcDialect;
import dev.tracking.local.jdbc.JdbcSchema;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@code tracking_outbox} table: the SQL scripts shipped in this jar ({@code dev/tracking/outbox/schema-
 * postgresql.sql}, {@code -mysql.sql}, {@code -h2.sql}) and a way to apply the one of a database. Every statement
 * is {@code CREATE … IF NOT EXISTS}, so applying it again changes nothing; applications that manage their schema
 * with Flyway or Liquibase copy the script into a migration instead.
 */
public final class OutboxSchema {

    private OutboxSchema() {
    }

    /**
     * Creates the outbox table and its index if they do not exist, with the script of the database's dialect.
     *
     * @throws IllegalStateException when the database refuses a statement or cannot be reached
     * @throws IllegalArgumentException when the database is none of PostgreSQL, MySQL, MariaDB, H2
     */
    public static void initialize(DataSource dataSource) {
        if (dataSource == null) {
            throw new IllegalArgumentException("dataSource must not be null");
        }
        try {
            JdbcSchema.execute(dataSource, OutboxSchema::statements);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the tracking_outbox table: " + e.getMessage(), e);
        }
    }

    /** The class-path location of {@code dialect}'s outbox script. */
    public static String location(JdbcDialect dialect) {
        return "dev/tracking/outbox/schema-" + dialect.platform() + ".sql";
    }

    /** The statements of {@code dialect}'s script, comments and blank lines left out. */
    public static List<String> statements(JdbcDialect dialect) {
        return JdbcSchema.statementsOf(script(dialect));
    }

    /** The text of {@code dialect}'s outbox script. */
    public static String script(JdbcDialect dialect) {
        return JdbcSchema.read(location(dialect));
    }
}
