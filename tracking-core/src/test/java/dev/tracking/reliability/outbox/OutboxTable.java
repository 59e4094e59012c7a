package dev.tracking.reliability.outbox;

import dev.tracking.outbox.OutboxSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads the {@code tracking_outbox} table directly, as an operator would, to see what a crash left there. */
final class OutboxTable {

    private final DataSource database;

    OutboxTable(DataSource database) {
        this.database = database;
    }

    /** Creates the table with the shipped script of the database's dialect. */
    static OutboxTable initialize(DataSource database) {
        OutboxSchema.initialize(database);
        return new OutboxTable(database);
    }

    /** Creates {@code business_order}, the business table of the transactional crash tests. */
    OutboxTable withBusinessTable() {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement("CREATE TABLE "
                + "business_order (first_event VARCHAR(36) PRIMARY KEY, second_event VARCHAR(36) NOT NULL)")) {
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** The events of the business orders that committed. */
    Set<UUID> committedOrderEvents() {
        Set<UUID> ids = messageIds("SELECT first_event FROM business_order", null);
        ids.addAll(messageIds("SELECT second_event FROM business_order", null));
        return ids;
    }

    /** Rows of any destination, pending, claimed or failed. */
    long rows() {
        return count("SELECT COUNT(*) FROM tracking_outbox");
    }

    /** Rows that failed for good. */
    long failed() {
        return count("SELECT COUNT(*) FROM tracking_outbox WHERE failed_reason IS NOT NULL");
    }

    /** The message ids of the rows claimed by {@code instanceId}. */
    Set<UUID> claimedBy(String instanceId) {
        return messageIds("SELECT message_id FROM tracking_outbox WHERE claimed_by = ?", instanceId);
    }

    /** The message ids of every row. */
    Set<UUID> messageIds() {
        return messageIds("SELECT message_id FROM tracking_outbox", null);
    }

    private Set<UUID> messageIds(String sql, String parameter) {
        Set<UUID> ids = new HashSet<>();
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(UUID.fromString(rs.getString(1).strip()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private long count(String sql) {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
