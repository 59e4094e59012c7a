package dev.tracking.internal.outbox;

import dev.tracking.local.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Inserts outbox rows unless their message is already there for the destination: {@code ON CONFLICT DO NOTHING}
 * on PostgreSQL, {@code INSERT IGNORE} on MySQL/MariaDB, a {@code NOT EXISTS} check on H2 (which two transactions
 * inserting the same message at once can still fail). Duplicates within one batch are left out first.
 *
 * <p>On PostgreSQL the rows go as four arrays in one statement, whatever their count: one execution on the server
 * instead of one per row, and one prepared statement the driver reuses. {@code WITH ORDINALITY} keeps their order,
 * so that row numbers follow the order of the calls.
 */
final class OutboxInsert {

    private static final String COLUMNS = " tracking_outbox (destination, message_id, payload, created_at, attempts)";
    private static final String INSERT_POSTGRESQL = "INSERT INTO" + COLUMNS + " VALUES (?, ?, ?, ?, 0)"
            + " ON CONFLICT (destination, message_id) DO NOTHING";
    private static final String INSERT_POSTGRESQL_ARRAYS = "INSERT INTO" + COLUMNS + " SELECT d, m, p, c, 0 FROM"
            + " unnest(?::varchar[], ?::varchar[], ?::text[], ?::bigint[]) WITH ORDINALITY AS r(d, m, p, c, n)"
            + " ORDER BY n ON CONFLICT (destination, message_id) DO NOTHING";
    private static final String INSERT_MYSQL = "INSERT IGNORE INTO" + COLUMNS + " VALUES (?, ?, ?, ?, 0)";
    private static final String INSERT_H2 = "INSERT INTO" + COLUMNS + " SELECT CAST(? AS VARCHAR(64)),"
            + " CAST(? AS CHAR(36)), CAST(? AS CLOB), CAST(? AS BIGINT), 0 WHERE NOT EXISTS (SELECT 1 FROM"
            + " tracking_outbox WHERE destination = ? AND message_id = ?)";

    private OutboxInsert() {
    }

    static void insert(Connection connection, JdbcDialect current, List<PendingRow> rows) throws SQLException {
        if (current == JdbcDialect.POSTGRESQL) {
            insertArrays(connection, rows);
            return;
        }
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

    private static void insertArrays(Connection connection, List<PendingRow> rows) throws SQLException {
        int count = rows.size();
        String[] destinations = new String[count];
        String[] ids = new String[count];
        String[] payloads = new String[count];
        Long[] created = new Long[count];
        Set<String> seen = new HashSet<>();
        int n = 0;
        for (PendingRow row : rows) {
            String id = row.messageId().toString();
            if (seen.add(row.destination() + '/' + id)) {
                destinations[n] = row.destination();
                ids[n] = id;
                payloads[n] = row.payload();
                created[n++] = row.createdAt();
            }
        }
        if (n == 0) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_POSTGRESQL_ARRAYS)) {
            insert.setArray(1, connection.createArrayOf("varchar", Arrays.copyOf(destinations, n)));
            insert.setArray(2, connection.createArrayOf("varchar", Arrays.copyOf(ids, n)));
            insert.setArray(3, connection.createArrayOf("text", Arrays.copyOf(payloads, n)));
            insert.setArray(4, connection.createArrayOf("bigint", Arrays.copyOf(created, n)));
            insert.executeUpdate();
        }
    }
}
