package dev.tracking.local.jdbc;

import dev.tracking.billing.Customer;
import dev.tracking.internal.check.Arguments;
import dev.tracking.local.LocalAccount;
import dev.tracking.local.LocalStore;
import dev.tracking.local.LocalSubscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The local backend's {@link LocalStore} in a relational database (PostgreSQL, MySQL/MariaDB, H2), in the tables
 * of {@link JdbcSchema}: every application instance using the same database shares customers, subscriptions
 * and usage, and they survive restarts.
 *
 * <p>Consuming usage is one conditional update, {@code used = used + ? … WHERE … AND used + ? <= limit}, run as
 * its own short transaction: the database serializes concurrent updates of the row, so instances together
 * never exceed a limit. The first use of a month inserts its row with the dialect's insert-if-absent. Every
 * call borrows a connection from the data source and returns it at once; failures throw
 * {@link LocalStoreException}.
 */
public final class JdbcLocalStore implements LocalStore {

    private final DataSource dataSource;
    private final JdbcDialect dialect;
    private final JdbcUsage usage;

    private JdbcLocalStore(DataSource dataSource, JdbcDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.usage = new JdbcUsage(dataSource, dialect);
    }

    /**
     * A store on {@code dataSource}, whose dialect is read from the database once; the tables must exist
     * (see {@link JdbcSchema}).
     *
     * @throws LocalStoreException when the database cannot be reached
     * @throws IllegalArgumentException when the database is not one the store supports
     */
    public static JdbcLocalStore create(DataSource dataSource) {
        Arguments.requireNonNull("dataSource", dataSource);
        try (Connection connection = dataSource.getConnection()) {
            return new JdbcLocalStore(dataSource, JdbcDialect.of(connection));
        } catch (SQLException e) {
            throw new LocalStoreException("could not read the database product", e);
        }
    }

    /**
     * Checks that the store's three tables exist and can be read.
     *
     * @throws LocalStoreException naming the table that is missing
     */
    public void verifyTables() {
        for (String table : new String[] {"tracking_customer", "tracking_subscription", "tracking_usage"}) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").close();
            } catch (SQLException e) {
                throw new LocalStoreException("table " + table + " cannot be read", e);
            }
        }
    }

    /** The dialect in use. */
    public JdbcDialect dialect() {
        return dialect;
    }

    @Override
    public boolean isShared() {
        return true;
    }

    @Override
    public NewCustomer createCustomer(Customer customer) {
        String sql = "INSERT INTO tracking_customer (customer_id, name, email, email_key, created_at)"
                + " VALUES (?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                insert.setString(1, customer.customerId());
                insert.setString(2, customer.name());
                insert.setString(3, customer.email());
                insert.setString(4, customer.email() == null ? null : emailKey(customer.email()));
                insert.setLong(5, System.currentTimeMillis());
                insert.executeUpdate();
                return NewCustomer.CREATED;
            } catch (SQLException e) {
                if (!isDuplicate(e)) {
                    throw e;
                }
                return exists(c, customer.customerId()) ? NewCustomer.ID_TAKEN : NewCustomer.EMAIL_TAKEN;
            }
        } catch (SQLException e) {
            throw new LocalStoreException("could not create customer " + customer.customerId(), e);
        }
    }

    @Override
    public LocalAccount account(String customerId) {
        try (Connection c = dataSource.getConnection()) {
            Customer customer;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT name, email FROM tracking_customer WHERE customer_id = ?")) {
                select.setString(1, customerId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    customer = Customer.of(customerId, row.getString(1), row.getString(2));
                }
            }
            List<LocalSubscription> subscriptions = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT subscription_id, plan_id, start_at, ends_at"
                    + " FROM tracking_subscription WHERE customer_id = ? ORDER BY created_at, subscription_id")) {
                select.setString(1, customerId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        long endsAt = row.getLong(4);
                        Instant end = row.wasNull() ? null : Instant.ofEpochMilli(endsAt);
                        subscriptions.add(new LocalSubscription(row.getString(1), customerId, row.getString(2),
                                Instant.ofEpochMilli(row.getLong(3)), end));
                    }
                }
            }
            return new LocalAccount(customer, subscriptions);
        } catch (SQLException e) {
            throw new LocalStoreException("could not read customer " + customerId, e);
        }
    }

    @Override
    public Set<String> customerIds() {
        return strings("SELECT customer_id FROM tracking_customer");
    }

    @Override
    public LocalSubscription addSubscription(String customerId, String planId, Instant startDate) {
        long now = System.currentTimeMillis();
        LocalSubscription subscription = new LocalSubscription("sub_" + UUID.randomUUID(), customerId, planId,
                startDate, null);
        String sql = "INSERT INTO tracking_subscription (subscription_id, customer_id, plan_id, start_at, ends_at,"
                + " created_at) VALUES (?, ?, ?, ?, NULL, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, subscription.subscriptionId());
            insert.setString(2, customerId);
            insert.setString(3, planId);
            insert.setLong(4, startDate.toEpochMilli());
            insert.setLong(5, now);
            insert.executeUpdate();
            return subscription;
        } catch (SQLException e) {
            throw new LocalStoreException("could not subscribe customer " + customerId, e);
        }
    }

    @Override
    public boolean endSubscription(String customerId, String subscriptionId, Instant endsAt) {
        String sql = "UPDATE tracking_subscription SET ends_at = ? WHERE customer_id = ? AND subscription_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setLong(1, endsAt.toEpochMilli());
            update.setString(2, customerId);
            update.setString(3, subscriptionId);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new LocalStoreException("could not end subscription " + subscriptionId, e);
        }
    }

    @Override
    public boolean tryConsume(String customerId, String eventName, YearMonth month, long quantity, long limit) {
        return usage.tryConsume(customerId, eventName, month, quantity, limit);
    }

    @Override
    public void add(String customerId, String eventName, YearMonth month, long quantity) {
        usage.add(customerId, eventName, month, quantity);
    }

    @Override
    public void release(String customerId, String eventName, YearMonth month, long quantity) {
        usage.release(customerId, eventName, month, quantity);
    }

    @Override
    public long used(String customerId, String eventName, YearMonth month) {
        return usage.used(customerId, eventName, month);
    }

    @Override
    public Map<String, Long> usageIn(String customerId, YearMonth month) {
        return usage.usageIn(customerId, month);
    }

    @Override
    public Set<String> customersWithUsage(YearMonth month) {
        return strings("SELECT DISTINCT customer_id FROM tracking_usage WHERE period >= '" + month + "'");
    }

    private static boolean exists(Connection c, String customerId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM tracking_customer WHERE customer_id = ?")) {
            select.setString(1, customerId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private Set<String> strings(String sql) {
        Set<String> values = new TreeSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                values.add(row.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new LocalStoreException("could not read the local store", e);
        }
    }

    /** An integrity-constraint violation (SQLSTATE class 23): a key or unique value that is taken. */
    static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static String emailKey(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
