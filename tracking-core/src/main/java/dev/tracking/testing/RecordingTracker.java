package dev.tracking.testing;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatus;
import dev.tracking.BillingStatusMessage;
import dev.tracking.DestinationStats;
import dev.tracking.IdentifyMessage;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.access.AccessDecision;
import dev.tracking.billing.Billing;
import dev.tracking.internal.check.Arguments;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Tracker} for tests: keeps every message in memory instead of sending it, flushes at once, and
 * answers access checks from rules the test sets through {@link #entitlements()}.
 *
 * <p>In a Spring Boot test, declaring one as a bean replaces the auto-configured tracker:
 * <pre>{@code
 * @TestConfiguration
 * class RecordingTrackerConfig {
 *     @Bean RecordingTracker tracker() { return new RecordingTracker(); }
 * }
 * }</pre>
 * Messages are checked as a real tracker checks them; calls after {@link #close()} throw
 * {@link IllegalStateException}. Billing calls need a backend set with {@link #withBilling(Billing)}.
 */
public final class RecordingTracker implements Tracker {

    /** The destination name in {@link #stats()}. */
    public static final String DESTINATION = "recording";

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final RecordingEntitlements entitlements = new RecordingEntitlements(this::events);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Billing billing;

    /** A tracker that records everything and allows every access check. */
    public RecordingTracker() {
    }

    /** Uses {@code backend} for {@link #billing()}, e.g. a local backend. */
    public RecordingTracker withBilling(Billing backend) {
        billing = Arguments.requireNonNull("billing", backend);
        return this;
    }

    @Override
    public void track(TrackMessage message) {
        record(message);
    }

    @Override
    public void identify(IdentifyMessage message) {
        record(message);
    }

    @Override
    public void activate(ActivationMessage message) {
        record(message);
    }

    @Override
    public void billingStatus(BillingStatusMessage message) {
        record(message);
    }

    /** Every message recorded, oldest first. */
    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** The usage and product events recorded, oldest first. */
    public List<TrackMessage> events() {
        return ofType(TrackMessage.class);
    }

    /** The events called {@code eventName}, oldest first. */
    public List<TrackMessage> eventsNamed(String eventName) {
        return events().stream().filter(e -> e.eventName().equals(eventName)).toList();
    }

    /** The identify messages recorded, oldest first. */
    public List<IdentifyMessage> identifies() {
        return ofType(IdentifyMessage.class);
    }

    /** The user-stage messages recorded, oldest first. */
    public List<ActivationMessage> activations() {
        return ofType(ActivationMessage.class);
    }

    /** The billing-status messages recorded, oldest first. */
    public List<BillingStatusMessage> billingStatuses() {
        return ofType(BillingStatusMessage.class);
    }

    /** The billing-status messages with {@code status}, oldest first. */
    public List<BillingStatusMessage> billingStatuses(BillingStatus status) {
        return billingStatuses().stream().filter(m -> m.status() == status).toList();
    }

    /** Every access decision made, oldest first. */
    public List<AccessDecision> decisions() {
        return entitlements.decisions();
    }

    /** Forgets every recorded message and decision (the access rules stay). */
    public void clear() {
        messages.clear();
        entitlements.clear();
    }

    @Override
    public CompletableFuture<Void> flush() {
        ensureOpen();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean flush(Duration timeout) {
        Arguments.requireNonNull("timeout", timeout);
        ensureOpen();
        return true;
    }

    @Override
    public int queueSize() {
        return 0;
    }

    @Override
    public List<DestinationStats> stats() {
        long count = messages.size();
        return List.of(DestinationStats.builder(DESTINATION).accepted(count).delivered(count).build());
    }

    /** The access rules and the decisions made; see {@link RecordingEntitlements}. */
    @Override
    public RecordingEntitlements entitlements() {
        return entitlements;
    }

    @Override
    public Billing billing() {
        Billing backend = billing;
        if (backend == null) {
            throw new UnsupportedOperationException("RecordingTracker has no billing backend: set one with withBilling(...)");
        }
        return backend;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        closed.set(true);
    }

    private void record(Message message) {
        Arguments.requireNonNull("message", message);
        ensureOpen();
        messages.add(message);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the tracker is closed");
        }
    }

    private <T extends Message> List<T> ofType(Class<T> type) {
        return messages.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
