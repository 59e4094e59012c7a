package dev.tracking.outbox;

import dev.tracking.internal.check.Arguments;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Turns the transactional outbox on for a tracker ({@code TrackerBuilder.outbox(options)}): the destinations it
 * covers write their messages to the {@code tracking_outbox} table of {@link #dataSource()} before they count as
 * accepted, and their senders deliver from that table. Build with {@link #builder(DataSource)}.
 */
public final class OutboxOptions {

    /** The longest destination name and instance id the table's columns hold. */
    public static final int MAX_NAME_LENGTH = 64;

    private final DataSource dataSource;
    private final Set<String> destinations;
    private final OutboxTransactions transactions;
    private final Duration writeTimeout;
    private final Duration lease;
    private final Duration pollInterval;
    private final Duration retention;
    private final String instanceId;

    private OutboxOptions(Builder b) {
        this.dataSource = b.dataSource;
        this.destinations = Set.copyOf(b.destinations);
        this.transactions = b.transactions;
        this.writeTimeout = b.writeTimeout;
        this.lease = b.lease;
        this.pollInterval = b.pollInterval;
        this.retention = b.retention;
        this.instanceId = b.instanceId;
    }

    /** Options for an outbox in {@code dataSource}'s database, with the defaults of {@link Builder}. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Arguments.requireNonNull("dataSource", dataSource));
    }

    /** The database holding the {@code tracking_outbox} table. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The destinations covered by name; empty means every remote destination (all but the local backend). */
    public Set<String> destinations() {
        return destinations;
    }

    /** How the outbox joins the caller's transactions. */
    public OutboxTransactions transactions() {
        return transactions;
    }

    /** The longest a call outside a transaction waits for its rows to be written before using the memory queue. */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** How long a claim on rows holds; rows claimed by an instance that died are taken over after it. */
    public Duration lease() {
        return lease;
    }

    /** How often an idle sender looks for rows written by other instances. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** How long rows that failed for good are kept for inspection and replay. */
    public Duration retention() {
        return retention;
    }

    /** This instance's name in its claims. */
    public String instanceId() {
        return instanceId;
    }

    @Override
    public String toString() {
        return "OutboxOptions[destinations=" + (destinations.isEmpty() ? "all remote" : destinations)
                + ", writeTimeout=" + writeTimeout + ", lease=" + lease + ", pollInterval=" + pollInterval
                + ", retention=" + retention + ", instanceId=" + instanceId + "]";
    }

    /** Builds {@link OutboxOptions}; every setting has a default. */
    public static final class Builder {

        private final DataSource dataSource;
        private Set<String> destinations = Set.of();
        private OutboxTransactions transactions = OutboxTransactions.NONE;
        private Duration writeTimeout = Duration.ofMillis(500);
        private Duration lease = Duration.ofMinutes(5);
        private Duration pollInterval = Duration.ofMillis(500);
        private Duration retention = Duration.ofDays(7);
        private String instanceId = java.util.UUID.randomUUID().toString();

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** The destinations to cover by name (default: every remote destination). */
        public Builder destinations(Set<String> names) {
            Arguments.requireNonNull("destinations", names);
            for (String name : names) {
                Arguments.requireText("destinations", name);
            }
            this.destinations = Set.copyOf(names);
            return this;
        }

        /** How to join the caller's transactions (default {@link OutboxTransactions#NONE}). */
        public Builder transactions(OutboxTransactions value) {
            this.transactions = Arguments.requireNonNull("transactions", value);
            return this;
        }

        /** The bound on a call's wait for its own write (default 500 ms). */
        public Builder writeTimeout(Duration value) {
            this.writeTimeout = positive("writeTimeout", value);
            return this;
        }

        /** How long a claim holds (default 5 minutes); must exceed the delivery timeout (default 2 minutes). */
        public Builder lease(Duration value) {
            this.lease = positive("lease", value);
            return this;
        }

        /** How often an idle sender polls the table (default 500 ms). */
        public Builder pollInterval(Duration value) {
            this.pollInterval = positive("pollInterval", value);
            return this;
        }

        /** How long failed rows are kept (default 7 days). */
        public Builder retention(Duration value) {
            this.retention = positive("retention", value);
            return this;
        }

        /** This instance's name in claims (default a random UUID), at most {@value #MAX_NAME_LENGTH} characters. */
        public Builder instanceId(String value) {
            Arguments.requireText("instanceId", value);
            if (value.length() > MAX_NAME_LENGTH) {
                throw new IllegalArgumentException("instanceId must be at most " + MAX_NAME_LENGTH
                        + " characters (the table's claimed_by column), was " + value.length());
            }
            this.instanceId = value;
            return this;
        }

        public OutboxOptions build() {
            return new OutboxOptions(this);
        }

        private static Duration positive(String field, Duration value) {
            Arguments.requireNonNull(field, value);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(field + " must be positive, was " + value);
            }
            return value;
        }
    }
}
