package dev.tracking.internal;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatusMessage;
import dev.tracking.DeliveryOptions;
import dev.tracking.DestinationStats;
import dev.tracking.IdentifyMessage;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.TrackingListener;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.CachedEntitlements;
import dev.tracking.access.Entitlements;
import dev.tracking.access.Reservation;
import dev.tracking.billing.Billing;
import dev.tracking.internal.check.Arguments;
import dev.tracking.internal.delivery.DestinationLane;
import dev.tracking.internal.delivery.ListenerChain;
import dev.tracking.internal.outbox.OutboxEngine;
import dev.tracking.outbox.Outbox;
import dev.tracking.outbox.OutboxOptions;
import dev.tracking.spi.Destination;
import dev.tracking.spi.UsageObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracker: validates each message on the caller's thread, then hands it to every destination's
 * {@link DestinationLane}. Built by {@link dev.tracking.TrackerBuilder}. With listeners, its {@link #entitlements()}
 * tell them of every decision.
 *
 * <p>After {@link #close()}, recording and {@link #flush()} throw {@link IllegalStateException}; {@link #stats()},
 * {@link #queueSize()}, {@link #entitlements()} and {@link #billing()} keep answering, though closing the
 * destinations has closed the HTTP senders the tracker made (remote billing then fails, access checks answer from
 * the cache or by the no-answer policy).
 */
public final class DefaultTracker implements Tracker {

    private static final Logger log = LoggerFactory.getLogger(DefaultTracker.class);

    private final DestinationLane[] lanes;
    private final Entitlements entitlements;
    private final Billing billing;
    private final UsageObserver usageObserver;
    private final boolean observerIsDestination;
    private final MessageRouter router;
    private final OutboxEngine outbox;
    private final Duration shutdownTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> closeDone = new CompletableFuture<>();
    private final AtomicBoolean observerWarned = new AtomicBoolean();

    /**
     * Creates and starts a tracker with one lane per destination.
     *
     * @throws IllegalArgumentException when two destinations share a name or none is given
     */
    public DefaultTracker(List<Destination> destinations, DeliveryOptions delivery, List<TrackingListener> listeners,
            Entitlements entitlements, Billing billing, Clock clock) {
        this(destinations, delivery, listeners, entitlements, billing, clock, null, Set.of());
    }

    /**
     * Creates and starts a tracker whose destinations named in {@code coveredByOutbox} go through the transactional
     * outbox {@code outbox} (none when it is {@code null}).
     *
     * @throws IllegalArgumentException when two destinations share a name or none is given, or the outbox's
     *     database is not one it supports
     */
    public DefaultTracker(List<Destination> destinations, DeliveryOptions delivery, List<TrackingListener> listeners,
            Entitlements entitlements, Billing billing, Clock clock, OutboxOptions outbox,
            Set<String> coveredByOutbox) {
        if (destinations.isEmpty()) {
            throw new IllegalArgumentException("destinations must not be empty");
        }
        Set<String> names = new HashSet<>();
        for (Destination destination : destinations) {
            if (!names.add(Arguments.requireText("destination name", destination.name()))) {
                throw new IllegalArgumentException("destination names must be unique: " + destination.name());
            }
        }
        ListenerChain chain = new ListenerChain(listeners);
        this.lanes = destinations.stream()
                .map(d -> new DestinationLane(coveredByOutbox.contains(d.name()) ? OneSendAtATime.of(d) : d,
                        delivery, chain, clock))
                .toArray(DestinationLane[]::new);
        this.outbox = outbox == null ? null : new OutboxEngine(outbox, java.util.Arrays.stream(lanes)
                .filter(lane -> coveredByOutbox.contains(lane.destination().name())).toList(), delivery, chain, clock);
        this.entitlements = chain.isEmpty() ? entitlements : new ObservedEntitlements(entitlements, chain);
        if (!chain.isEmpty() && entitlements instanceof CachedEntitlements cached) {
            cached.reportRemoteChecksTo(chain);
        }
        this.billing = billing;
        this.usageObserver = entitlements instanceof UsageObserver observer ? observer : null;
        this.observerIsDestination = destinations.contains(entitlements);
        this.router = new MessageRouter(lanes, delivery.maxEventBytes(), this.outbox);
        this.shutdownTimeout = delivery.shutdownTimeout();
        for (DestinationLane lane : lanes) {
            lane.start();
        }
        if (this.outbox != null) {
            this.outbox.start();
        }
    }

    @Override
    public void track(TrackMessage message) {
        record(message);
        if (usageObserver != null) {
            observeUsage(message);
        }
    }

    @Override
    public void track(TrackMessage message, Reservation reservation) {
        Arguments.requireNonNull("reservation", reservation);
        record(message);
        reservation.commit();
        if (usageObserver != null && !paidFor(message, reservation)) {
            observeUsage(message);
        }
    }

    /** Whether {@code reservation} already counted {@code message}'s usage. */
    private static boolean paidFor(TrackMessage message, Reservation reservation) {
        AccessDecision decision = reservation.decision();
        return reservation.isCommitted() && message.eventName().equals(decision.event())
                && message.identity().customerId() != null
                && message.identity().customerId().equals(decision.customerId());
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

    private void record(Message message) {
        ensureOpen();
        router.route(message);
    }

    private void observeUsage(TrackMessage message) {
        try {
            if (observerIsDestination) {
                usageObserver.onTracked(message);
            } else {
                usageObserver.onTrackedOnly(message);
            }
        } catch (RuntimeException e) {
            if (observerWarned.compareAndSet(false, true)) {
                log.warn("The usage observer threw; ignoring it (further failures are logged at DEBUG)", e);
            } else {
                log.debug("The usage observer threw", e);
            }
        }
    }

    @Override
    public CompletableFuture<Void> flush() {
        ensureOpen();
        if (lanes.length == 1 && outbox == null) {
            return lanes[0].flush();
        }
        CompletableFuture<?>[] barriers = new CompletableFuture<?>[lanes.length + (outbox == null ? 0 : 1)];
        for (int i = 0; i < lanes.length; i++) {
            barriers[i] = lanes[i].flush();
        }
        if (outbox != null) {
            barriers[lanes.length] = outbox.flush();
        }
        return CompletableFuture.allOf(barriers);
    }

    @Override
    public boolean flush(Duration timeout) {
        Arguments.requireNonNull("timeout", timeout);
        try {
            flush().get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    @Override
    public int queueSize() {
        long total = 0;
        for (DestinationLane lane : lanes) {
            total += lane.pending();
        }
        total += outbox == null ? 0 : outbox.tablePending();
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    @Override
    public List<DestinationStats> stats() {
        List<DestinationStats> stats = new ArrayList<>(lanes.length);
        for (DestinationLane lane : lanes) {
            stats.add(outbox != null && outbox.covers(lane.destination().name()) ? outbox.stats(lane) : lane.stats());
        }
        return List.copyOf(stats);
    }

    @Override
    public Entitlements entitlements() {
        return entitlements;
    }

    @Override
    public Billing billing() {
        return billing;
    }

    @Override
    public Optional<Outbox> outbox() {
        return outbox == null ? Optional.empty() : Optional.of(outbox.state());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            closeDone.join();
            return;
        }
        try {
            long deadline = System.nanoTime() + shutdownTimeout.toNanos();
            if (outbox != null) {
                outbox.beginClose(deadline);
            }
            for (DestinationLane lane : lanes) {
                lane.beginClose(deadline);
            }
            if (outbox != null) {
                outbox.awaitClosed(deadline);
            }
            for (DestinationLane lane : lanes) {
                lane.awaitClosed(deadline);
            }
        } finally {
            closeDone.complete(null);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the tracker is closed");
        }
    }
}
