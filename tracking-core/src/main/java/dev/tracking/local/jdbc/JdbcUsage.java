package dev.tracking.local.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The usage statements of {@link JdbcLocalStore} on table {@code tracking_usage}: each call borrows a connection,
 * runs in auto-commit (every statement its own short transaction) and returns it.
 */
final class JdbcUsage {

    private static final String CONSUME = "UPDATE tracking_usage SET used = used + ?"
            + " WHERE customer_id = ? AND event_name = ? AND period = ? AND used <= ?";
    private static final String ADD = "UPDATE tracking_usage SET used = used + ?"
            + " WHERE customer_id = ? AND event_name = ? AND period = ?";
    private static final String RELEASE = "UPDATE tracking_usage SET used = CASE WHEN used > ? THEN used - ? ELSE 0 END"
            + " WHERE customer_id = ? AND event_name = ? AND period = ?";

    private final DataSource dataSource;
    private final JdbcDialect dialect;

    JdbcUsage(DataSource dataSource, JdbcDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Adds {@code quantity} when the total stays within {@code limit}: one conditional update. */
    boolean tryConsume(String customerId, String eventName, YearMonth month, long quantity, long limit) {
        if (quantity > limit) {
            return false;
        }
        String period = month.toString();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (consume(c, customerId, eventName, period, quantity, limit) == 1) {
                return true;
            }
            insertIfAbsent(c, customerId, eventName, period);
            return consume(c, customerId, eventName, period, quantity, limit) == 1;
        } catch (SQLException e) {
            throw new LocalStoreException("could not consume usage of " + eventName + " for " + customerId, e);
        }
    }

    void add(String customerId, String eventName, YearMonth month, long quantity) {
        String period = month.toString();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (update(c, ADD, quantity, customerId, eventName, period) == 0) {
                insertIfAbsent(c, customerId, eventName, period);
                update(c, ADD, quantity, customerId, eventName, period);
            }
        } catch (SQLException e) {
            throw new LocalStoreException("could not count usage of " + eventName + " for " + customerId, e);
        }
    }

    void release(String customerId, String eventName, YearMonth month, long quantity) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(RELEASE)) {
            c.setAutoCommit(true);
            update.setLong(1, quantity);
            update.setLong(2, quantity);
            update.setString(3, customerId);
            update.setString(4, eventName);
            update.setString(5, month.toString());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new LocalStoreException("could not release usage of " + eventName + " for " + customerId, e);
        }
    }

    long used(String customerId, String eventName, YearMonth month) {
        String sql = "SELECT used FROM tracking_usage WHERE customer_id = ? AND event_name = ? AND period = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, customerId);
            select.setString(2, eventName);
            select.setString(3, month.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new LocalStoreException("could not read usage of " + eventName + " for " + customerId, e);
        }
    }

    Map<String, Long> usageIn(String customerId, YearMonth month) {
        String sql = "SELECT event_name, used FROM tracking_usage WHERE customer_id = ? AND period = ?";
        Map<String, Long> usage = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, customerId);
            select.setString(2, month.toString());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    usage.put(row.getString(1), row.getLong(2));
                }
            }
            return usage;
        } catch (SQLException e) {
            throw new LocalStoreException("could not read usage of " + customerId, e);
        }
    }

    private int consume(Connection c, String customerId, String eventName, String period, long quantity, long limit)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(CONSUME)) {
            update.setLong(1, quantity);
            update.setString(2, customerId);
            update.setString(3, eventName);
            update.setString(4, period);
            update.setLong(5, limit - quantity);
            return update.executeUpdate();
        }
    }

    private static int update(Connection c, String sql, long quantity, String customerId, String eventName,
            String period) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setLong(1, quantity);
            update.setString(2, customerId);
            update.setString(3, eventName);
            update.setString(4, period);
            return update.executeUpdate();
        }
    }

    private void insertIfAbsent(Connection c, String customerId, String eventName, String period)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(dialect.insertUsageIfAbsent())) {
            insert.setString(1, customerId);
            insert.setString(2, eventName);
            insert.setString(3, period);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!JdbcLocalStore.isDuplicate(e)) {
                throw e;
            }
        }
    }

}
