package dev.tracking.internal.outbox;

import dev.tracking.local.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@code tracking_outbox} table over JDBC: writes rows, and everything senders do with them afterwards
 * (claims are {@link OutboxClaims}). Every call borrows a connection and returns it at once, and runs as its own
 * short transaction, except {@link #insert(Connection, List)}, which runs in the caller's. Failures throw
 * {@link SQLException}; the callers count and log them.
 */
public final class OutboxStore {

    private static final String NOT_FAILED = " WHERE destination = ? AND failed_reason IS NULL";
    private static final int DETAIL_LENGTH = 1000;

    private final DataSource dataSource;
    private final Clock clock;
    private final OutboxClaims claims;
    private volatile JdbcDialect dialect;

    private OutboxStore(DataSource dataSource, JdbcDialect dialect, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.dialect = dialect;
        this.claims = new OutboxClaims(dataSource, this, clock);
    }

    /** The dialect, read from {@code c} the first time when the database could not be reached at start. */
    JdbcDialect dialect(Connection c) throws SQLException {
        JdbcDialect known = dialect;
        if (known == null) {
            known = JdbcDialect.of(c);
            dialect = known;
        }
        return known;
    }

    /**
     * A store on {@code dataSource}, whose dialect is read now, or at the first claim when the database cannot be
     * reached now.
     *
     * @throws IllegalArgumentException when the database is none of PostgreSQL, MySQL, MariaDB, H2
     */
    public static OutboxStore create(DataSource dataSource, Clock clock) {
        JdbcDialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = JdbcDialect.of(connection);
        } catch (SQLException e) {
            dialect = null;
        }
        return new OutboxStore(dataSource, dialect, clock);
    }

    /**
     * Inserts {@code rows} in one batch on {@code connection}, in its transaction; does not commit. A row whose
     * message is already in the table for its destination (the same message tracked twice) is left out, so that
     * it never fails the caller's transaction or the other rows of the batch.
     */
    public void insert(Connection connection, List<PendingRow> rows) throws SQLException {
        OutboxInsert.insert(connection, dialect(connection), rows);
    }

    /** Inserts {@code rows} in one batch and commits them, in a transaction of their own. */
    public void insert(List<PendingRow> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (dialect(connection) == JdbcDialect.POSTGRESQL) {
                // one statement (OutboxInsert), atomic on its own: no separate commit round trip
                connection.setAutoCommit(true);
                insert(connection, rows);
                return;
            }
            connection.setAutoCommit(false);
            try {
                insert(connection, rows);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Claims up to {@code limit} due rows of {@code destination} for {@code owner} until now plus {@code lease}. */
    public List<StoredRow> claim(String destination, String owner, int limit, Duration lease) throws SQLException {
        return claims.claim(destination, owner, limit, lease);
    }

    /** Deletes the rows {@code seqs} (delivered). */
    public void delete(List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            boolean postgres = dialect(c) == JdbcDialect.POSTGRESQL;
            // PostgreSQL: one statement whatever the count, no long IN list to parse and plan
            try (PreparedStatement s = c.prepareStatement(postgres ? "DELETE FROM tracking_outbox WHERE seq = ANY(?)"
                    : "DELETE FROM tracking_outbox WHERE seq IN " + OutboxClaims.placeholders(seqs.size()))) {
                if (postgres) {
                    s.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
                } else {
                    int i = 1;
                    for (long seq : seqs) {
                        s.setLong(i++, seq);
                    }
                }
                s.executeUpdate();
            }
        }
    }

    /** Gives up {@code owner}'s claim of the rows {@code seqs}, so that any instance may take them again. */
    public int release(String owner, List<Long> seqs) throws SQLException {
        return updateIn("UPDATE tracking_outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?"
                + " AND seq IN ", seqs, owner);
    }

    /** Gives up every claim of {@code owner} on rows of {@code destination}. */
    public int releaseAll(String owner, String destination) throws SQLException {
        return update("UPDATE tracking_outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?"
                + " AND destination = ?", owner, destination);
    }

    /** Marks rows failed for good, with their reason and detail; they stay, unclaimed, until replayed or purged. */
    public void markFailed(List<RowFailure> failures) throws SQLException {
        if (failures.isEmpty()) {
            return;
        }
        long now = clock.millis();
        try (Connection c = dataSource.getConnection(); PreparedStatement mark = c.prepareStatement(
                "UPDATE tracking_outbox SET failed_reason = ?, failed_detail = ?, failed_at = ?, claimed_by = NULL,"
                        + " claimed_until = NULL WHERE seq = ?")) {
            c.setAutoCommit(true);
            for (RowFailure failure : failures) {
                mark.setString(1, truncate(failure.reason(), 64));
                mark.setString(2, truncate(failure.detail(), DETAIL_LENGTH));
                mark.setLong(3, now);
                mark.setLong(4, failure.seq());
                mark.addBatch();
            }
            mark.executeBatch();
        }
    }

    /**
     * Makes the failed rows of {@code destination} due again; returns the payloads of the rows this call made due
     * (a row another call replayed at the same time is not among them).
     */
    public List<String> replayFailed(String destination) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement select = c.prepareStatement("SELECT seq, payload FROM tracking_outbox"
                    + " WHERE destination = ? AND failed_reason IS NOT NULL")) {
                select.setString(1, destination);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        seqs.add(rs.getLong(1));
                        payloads.add(rs.getString(2));
                    }
                }
            }
            if (seqs.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement replay = c.prepareStatement("UPDATE tracking_outbox SET failed_reason = NULL,"
                    + " failed_detail = NULL, failed_at = NULL, claimed_by = NULL, claimed_until = NULL, attempts = 0"
                    + " WHERE seq = ? AND failed_reason IS NOT NULL")) {
                for (long seq : seqs) {
                    replay.setLong(1, seq);
                    replay.addBatch();
                }
                int[] counts = replay.executeBatch();
                List<String> replayed = new ArrayList<>(seqs.size());
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 0) {
                        replayed.add(payloads.get(i));
                    }
                }
                return replayed;
            }
        }
    }

    /** Deletes the rows that failed for good longer than {@code retention} ago; returns how many. */
    public int purgeFailed(Duration retention) throws SQLException {
        return update("DELETE FROM tracking_outbox WHERE failed_reason IS NOT NULL AND failed_at < ?",
                clock.millis() - retention.toMillis());
    }

    /** Rows of {@code destination} not failed: waiting or being sent. */
    public long pending(String destination) throws SQLException {
        return query("SELECT COUNT(*) FROM tracking_outbox" + NOT_FAILED, destination);
    }

    /** Rows of {@code destination} that failed for good. */
    public long failed(String destination) throws SQLException {
        return query("SELECT COUNT(*) FROM tracking_outbox WHERE destination = ? AND failed_reason IS NOT NULL",
                destination);
    }

    /** The highest row number of {@code destination} written so far, or 0. */
    public long lastSeq(String destination) throws SQLException {
        return query("SELECT COALESCE(MAX(seq), 0) FROM tracking_outbox WHERE destination = ?", destination);
    }

    /** Rows of {@code destination} numbered up to {@code seq} and not failed. */
    public long pendingUpTo(String destination, long seq) throws SQLException {
        return query("SELECT COUNT(*) FROM tracking_outbox" + NOT_FAILED + " AND seq <= ?", destination, seq);
    }

    private long query(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }

    private int updateIn(String sql, List<Long> seqs, String first) throws SQLException {
        if (seqs.isEmpty()) {
            return 0;
        }
        List<Object> parameters = new ArrayList<>(seqs.size() + 1);
        if (first != null) {
            parameters.add(first);
        }
        parameters.addAll(seqs);
        return update(sql + OutboxClaims.placeholders(seqs.size()), parameters.toArray());
    }

    static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
