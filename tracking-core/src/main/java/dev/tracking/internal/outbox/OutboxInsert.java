package dev.tracking.internal.outbox;

import dev.tracking.local.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Inserts outbox rows unless their message is already there for the destination: {@code ON CONFLICT DO NOTHING}
 * on PostgreSQL, {@code INSERT IGNORE} on MySQL/MariaDB, a {@code NOT EXISTS} check on H2 (which two transactions
 * inserting the same message at once can still fail). Duplicates within one batch are left out first.
 */
final class OutboxInsert {

    private static final String COLUMNS = " tracking_outbox (destination, message_id, payload, created_at, attempts)";
    private static final String INSERT_POSTGRESQL = "INSERT INTO" + COLUMNS + " VALUES (?, ?, ?, ?, 0)"
            + " ON CONFLICT (destination, message_id) DO NOTHING";
    private static final String INSERT_MYSQL = "INSERT IGNORE INTO" + COLUMNS + " VALUES (?, ?, ?, ?, 0)";
    private static final String INSERT_H2 = "INSERT INTO" + COLUMNS + " SELECT CAST(? AS VARCHAR(64)),"
            + " CAST(? AS CHAR(36)), CAST(? AS CLOB), CAST(? AS BIGINT), 0 WHERE NOT EXISTS (SELECT 1 FROM"
            + " tracking_outbox WHERE destination = ? AND message_id = ?)";

    private OutboxInsert() {
    }

    static void insert(Connection connection, JdbcDialect current, List<PendingRow> rows) throws SQLException {
        boolean h2 = current == JdbcDialect.H2;
        Set<String> seen = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(
                h2 ? INSERT_H2 : current == JdbcDialect.MYSQL ? INSERT_MYSQL : INSERT_POSTGRESQL)) {
            for (PendingRow row : rows) {
                String id = row.messageId().toString();
                if (!seen.add(row.destination() + '/' + id)) {
                    continue;
                }
                insert.setString(1, row.destination());
                insert.setString(2, id);
                insert.setString(3, row.payload());
                insert.setLong(4, row.createdAt());
                if (h2) {
                    insert.setString(5, row.destination());
                    insert.setString(6, id);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
