package dev.tracking.internal.outbox;

import dev.tracking.local.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * Claims due rows of the outbox for one instance until its lease ends. A row is due when it has not failed and
 * nobody holds it: never claimed, released, or its lease expired (its claimer died or stalls).
 *
 * <p>PostgreSQL and MySQL/MariaDB lock the oldest due rows with {@code FOR UPDATE SKIP LOCKED}, so that claimers
 * running at once take different rows without waiting, and set the lease in the same short transaction: on
 * PostgreSQL one {@code UPDATE … RETURNING} statement (one round trip), on MySQL/MariaDB a select then an update. H2 sets
 * the lease row by row with an update that re-checks that the row is still due; a row another claimer took in
 * between updates nothing and is left out.
 */
final class OutboxClaims {

    // Ordered by the whole due index (destination, failed_reason, seq), which is the order of seq here: PostgreSQL
    // does not take "failed_reason IS NULL" as an equality, so "ORDER BY seq" alone read and sorted every due row.
    private static final String DUE = " FROM tracking_outbox WHERE destination = ? AND failed_reason IS NULL"
            + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY destination, failed_reason, seq";
    private static final String SET_LEASE = "UPDATE tracking_outbox SET claimed_by = ?, claimed_until = ?,"
            + " attempts = attempts + 1 WHERE failed_reason IS NULL AND (claimed_until IS NULL OR claimed_until < ?)"
            + " AND seq = ?";

    private final DataSource dataSource;
    private final OutboxStore store;
    private final Clock clock;

    OutboxClaims(DataSource dataSource, OutboxStore store, Clock clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.clock = clock;
    }

    List<StoredRow> claim(String destination, String owner, int limit, Duration lease) throws SQLException {
        long now = clock.millis();
        long until = now + lease.toMillis();
        try (Connection c = dataSource.getConnection()) {
            JdbcDialect dialect = store.dialect(c);
            if (dialect == JdbcDialect.POSTGRESQL) {
                return leaseReturning(c, destination, owner, limit, now, until);
            }
            if (dialect != JdbcDialect.H2) {
                return lockAndLease(c, destination, owner, limit, now, until);
            }
            c.setAutoCommit(true);
            List<Long> seqs = due(c, destination, now, limit);
            List<Long> claimed = seqs.isEmpty() ? List.of() : setLease(c, seqs, owner, until, now);
            return claimed.isEmpty() ? List.of() : read(c, claimed);
        }
    }

    /**
     * PostgreSQL: locks the oldest due rows (skipping rows other claimers hold locked), leases them and reads them
     * back in one statement. {@code ARRAY(…)} evaluates the locking subquery once.
     */
    private List<StoredRow> leaseReturning(Connection c, String destination, String owner, int limit, long now,
            long until) throws SQLException {
        c.setAutoCommit(true);
        try (PreparedStatement s = c.prepareStatement("UPDATE tracking_outbox SET claimed_by = ?, claimed_until = ?,"
                + " attempts = attempts + 1 WHERE seq = ANY(ARRAY(SELECT seq" + DUE + " LIMIT " + limit
                + " FOR UPDATE SKIP LOCKED)) RETURNING seq, message_id, payload, attempts")) {
            s.setString(1, owner);
            s.setLong(2, until);
            s.setString(3, destination);
            s.setLong(4, now);
            List<StoredRow> rows = new ArrayList<>(limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StoredRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
                }
            }
            rows.sort(Comparator.comparingLong(StoredRow::seq));
            return rows;
        }
    }

    /** Locks the oldest due rows, skipping rows other claimers hold locked, and leases them, in one transaction. */
    private List<StoredRow> lockAndLease(Connection c, String destination, String owner, int limit, long now,
            long until) throws SQLException {
        c.setAutoCommit(false);
        try {
            List<StoredRow> rows = new ArrayList<>(limit);
            try (PreparedStatement s = c.prepareStatement("SELECT seq, message_id, payload, attempts" + DUE
                    + " LIMIT " + limit + " FOR UPDATE SKIP LOCKED")) {
                s.setString(1, destination);
                s.setLong(2, now);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new StoredRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) + 1));
                    }
                }
            }
            if (!rows.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("UPDATE tracking_outbox SET claimed_by = ?,"
                        + " claimed_until = ?, attempts = attempts + 1 WHERE seq IN " + placeholders(rows.size()))) {
                    s.setString(1, owner);
                    s.setLong(2, until);
                    int i = 3;
                    for (StoredRow row : rows) {
                        s.setLong(i++, row.seq());
                    }
                    s.executeUpdate();
                }
            }
            c.commit();
            return rows;
        } catch (SQLException | RuntimeException e) {
            OutboxStore.rollbackQuietly(c, e);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private List<Long> due(Connection c, String destination, long now, int limit) throws SQLException {
        String sql = "SELECT seq" + DUE + " LIMIT " + limit;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, destination);
            s.setLong(2, now);
            List<Long> seqs = new ArrayList<>(limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
            return seqs;
        }
    }

    /** Sets the lease on each row of {@code seqs} still due; returns those it was set on. */
    private List<Long> setLease(Connection c, List<Long> seqs, String owner, long until, long now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SET_LEASE)) {
            for (long seq : seqs) {
                s.setString(1, owner);
                s.setLong(2, until);
                s.setLong(3, now);
                s.setLong(4, seq);
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            List<Long> claimed = new ArrayList<>(seqs.size());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    claimed.add(seqs.get(i));
                }
            }
            return claimed;
        }
    }

    private List<StoredRow> read(Connection c, List<Long> seqs) throws SQLException {
        String sql = "SELECT seq, message_id, payload, attempts FROM tracking_outbox WHERE seq IN "
                + placeholders(seqs.size());
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (long seq : seqs) {
                s.setLong(i++, seq);
            }
            List<StoredRow> rows = new ArrayList<>(seqs.size());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StoredRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
                }
            }
            rows.sort(Comparator.comparingLong(StoredRow::seq));
            return rows;
        }
    }

    /** {@code (?, ?, …)} with {@code count} parameters. */
    static String placeholders(int count) {
        StringBuilder sql = new StringBuilder(2 + 3 * count).append('(');
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        return sql.append(')').toString();
    }
}
