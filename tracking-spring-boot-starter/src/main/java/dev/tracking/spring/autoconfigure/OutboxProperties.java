package dev.tracking.spring.autoconfigure;

import dev.tracking.spring.autoconfigure.LocalProperties.InitializeSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings under {@code tracking.outbox}: the transactional outbox, which writes the messages of the destinations it
 * covers to the application's database (table {@code tracking_outbox}) before they count as accepted, and delivers
 * them from there, so that a crash or a kill loses none of them.
 */
public class OutboxProperties {

    /** Whether messages go through the outbox table in the application's DataSource (needs a DataSource). */
    private boolean enabled = false;

    /** Destinations whose messages go through the outbox, e.g. lotus, outlit; empty means every remote destination. */
    private List<String> destinations = new ArrayList<>();

    /** Longest a call outside a transaction waits for its row to be written before it uses the memory queue (not durable). */
    private Duration writeTimeout = Duration.ofMillis(500);

    /** How long a sender's claim on rows holds before another instance may take them over; longer than tracking.retry.delivery-timeout. */
    private Duration lease = Duration.ofMinutes(5);

    /** How often an idle sender looks for rows written by other instances. */
    private Duration pollInterval = Duration.ofMillis(500);

    /** How long rows that failed for good stay in the table for inspection and replay. */
    private Duration retention = Duration.ofDays(7);

    /** When to create the outbox table at startup: embedded (only for an embedded database), always or never. */
    private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getDestinations() {
        return destinations;
    }

    public void setDestinations(List<String> destinations) {
        this.destinations = destinations;
    }

    public Duration getWriteTimeout() {
        return writeTimeout;
    }

    public void setWriteTimeout(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public InitializeSchema getInitializeSchema() {
        return initializeSchema;
    }

    public void setInitializeSchema(InitializeSchema initializeSchema) {
        this.initializeSchema = initializeSchema;
    }
}
