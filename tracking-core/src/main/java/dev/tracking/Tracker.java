package dev.tracking;

import dev.tracking.access.Entitlements;
import dev.tracking.access.Reservation;
import dev.tracking.billing.Billing;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Records usage and journey events for one or more destinations (Outlit, Lotus, the local backend), and
 * answers access questions through {@link #entitlements()} and billing calls through {@link #billing()}.
 *
 * <p>Recording never blocks and never does I/O on the caller's thread: each destination has its own bounded
 * queue and sender threads. Programmer errors (blank event name, no identity, an oversized event) throw
 * {@link IllegalArgumentException} at the call; any call after {@link #close()} throws
 * {@link IllegalStateException}. Everything accepted is delivered, or counted as failed or dropped.
 */
public interface Tracker extends AutoCloseable {

    /** Starts a builder; with nothing configured it builds a tracker on an empty local backend. */
    static TrackerBuilder builder() {
        return new TrackerBuilder();
    }

    /** Records a usage or product event. */
    void track(TrackMessage message);

    /** Records {@code eventName} for {@code identity} with {@code properties} (may be {@code null}). */
    default void track(String eventName, Identity identity, Map<String, ?> properties) {
        track(TrackMessage.builder(eventName).identity(identity).properties(properties).build());
    }

    /**
     * Records {@code message} as the use of the units {@code reservation} holds, then commits the reservation; a
     * message the tracker refuses leaves the reservation open for the caller to release. Use it for the event a
     * metered gate paid for. The tracker {@link #builder()} makes does not count such a message toward the
     * customer's usage a second time (when the reservation was allowed and is for its customer and event name);
     * this default only records and commits.
     */
    default void track(TrackMessage message, Reservation reservation) {
        if (reservation == null) {
            throw new IllegalArgumentException("reservation must not be null");
        }
        track(message);
        reservation.commit();
    }

    /** Tells the destinations who a user is. */
    void identify(IdentifyMessage message);

    /** Moves a user to a journey stage, e.g. activated. */
    void activate(ActivationMessage message);

    /** Reports a customer's billing status: trialing, paid or churned. */
    void billingStatus(BillingStatusMessage message);

    /**
     * Completes when every message accepted before this call, including any batch in flight, is delivered or
     * has finally failed. Never completes exceptionally.
     */
    CompletableFuture<Void> flush();

    /** Blocks until {@link #flush()} completes or {@code timeout} passes; returns whether it completed. */
    boolean flush(Duration timeout);

    /** Messages queued or in flight, summed over every destination. */
    int queueSize();

    /** A snapshot of every destination's counters. */
    List<DestinationStats> stats();

    /** Access checks for features and metered events (Lotus when configured, else the local backend). */
    Entitlements entitlements();

    /** Customers and subscriptions (Lotus when configured, else the local backend). */
    Billing billing();

    /** The transactional outbox, when this tracker was built with one; empty otherwise. */
    default Optional<dev.tracking.outbox.Outbox> outbox() {
        return Optional.empty();
    }

    /**
     * Stops accepting, drains the queues within the configured shutdown timeout, counts whatever could not
     * be delivered as failed with reason {@code shutdown}, and stops the tracker's threads. Idempotent and
     * safe from any thread.
     */
    @Override
    void close();
}
