package dev.tracking.local.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases the JDBC store knows: each names its schema script and how it inserts a usage row only when
 * absent.
 */
public enum JdbcDialect {

    /** PostgreSQL: {@code INSERT … ON CONFLICT DO NOTHING}. */
    POSTGRESQL("postgresql", "INSERT INTO tracking_usage (customer_id, event_name, period, used) VALUES (?, ?, ?, 0)"
            + " ON CONFLICT DO NOTHING"),
    /** MySQL and MariaDB: {@code INSERT IGNORE}. */
    MYSQL("mysql", "INSERT IGNORE INTO tracking_usage (customer_id, event_name, period, used) VALUES (?, ?, ?, 0)"),
    /** H2: a plain insert; a duplicate key means the row exists. */
    H2("h2", "INSERT INTO tracking_usage (customer_id, event_name, period, used) VALUES (?, ?, ?, 0)");

    private final String platform;
    private final String insertUsageIfAbsent;

    JdbcDialect(String platform, String insertUsageIfAbsent) {
        this.platform = platform;
        this.insertUsageIfAbsent = insertUsageIfAbsent;
    }

    /** The platform name in the schema script's file name: {@code postgresql}, {@code mysql} or {@code h2}. */
    public String platform() {
        return platform;
    }

    /** The class-path location of this dialect's schema script. */
    public String schemaLocation() {
        return "dev/tracking/local/jdbc/schema-" + platform + ".sql";
    }

    String insertUsageIfAbsent() {
        return insertUsageIfAbsent;
    }

    /**
     * The dialect of the database {@code connection} is open to.
     *
     * @throws IllegalArgumentException naming the product when it is none of PostgreSQL, MySQL, MariaDB, H2
     */
    public static JdbcDialect of(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String product = metaData.getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("mysql") || name.contains("mariadb")) {
            return MYSQL;
        }
        if (name.equals("h2")) {
            return H2;
        }
        throw new IllegalArgumentException("dataSource: the local backend's JDBC store supports PostgreSQL, MySQL,"
                + " MariaDB and H2, not " + product);
    }
}
