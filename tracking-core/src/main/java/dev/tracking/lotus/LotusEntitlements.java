package dev.tracking.lotus;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracking.EntitlementOptions;
import dev.tracking.TrackMessage;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.DecisionSource;
import dev.tracking.access.Entitlements;
import dev.tracking.access.HeldReservation;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.access.Reservation;
import dev.tracking.internal.Checks;
import dev.tracking.spi.UsageObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lotus access checks behind a cache, fast enough to sit in front of every request.
 *
 * <p>An answer is fresh for {@link EntitlementOptions#cacheTtl()}. After that the next check serves it
 * (source {@code CACHE}) and refreshes it in the background; while refreshes fail it keeps being served until
 * {@link EntitlementOptions#staleIfError()} past its freshness. With nothing usable cached the check asks Lotus
 * (source {@code REMOTE}); concurrent checks of the same customer and name share that one request. When Lotus
 * gives no answer the {@link OnNoAnswer} policy decides ({@code BACKEND_UNAVAILABLE}, source {@code FALLBACK});
 * a check never throws for a backend failure. An unknown customer is {@code UNKNOWN_CUSTOMER}, as Lotus said it.
 *
 * <p>Between refreshes every usage event tracked for a customer ({@link #onTracked}) adds one to the usage of the
 * cached answer for that event, so a customer who reaches a metered limit is denied at once. {@link #invalidate}
 * drops every answer of a customer; creating or cancelling a subscription through {@link LotusBilling} calls it.
 * A cache hit allocates nothing unless the locally counted usage changed since the previous hit.
 */
public final class LotusEntitlements implements Entitlements, UsageObserver {

    private static final Logger log = LoggerFactory.getLogger(LotusEntitlements.class);
    private static final long REFRESH_RETRY_NANOS = Duration.ofSeconds(1).toNanos();

    private final LotusClient client;
    private final OnNoAnswer defaultPolicy;
    private final long freshNanos;
    private final long usableNanos;
    private final Ticker ticker;
    private final Executor refresher;
    private final Cache<String, CustomerDecisions> customers;
    private final AtomicBoolean failing = new AtomicBoolean();

    LotusEntitlements(LotusClient client, EntitlementOptions options, Ticker ticker, Executor refresher) {
        this.client = client;
        this.defaultPolicy = options.onNoAnswer();
        this.freshNanos = options.cacheTtl().toNanos();
        this.usableNanos = options.cacheTtl().plus(options.staleIfError()).toNanos();
        this.ticker = ticker;
        this.refresher = refresher;
        this.customers = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(Runnable::run)
                .maximumWeight(options.maximumSize())
                .<String, CustomerDecisions>weigher((customerId, decisions) -> decisions.weight())
                .expireAfterAccess(Duration.ofNanos(usableNanos))
                .build();
    }

    @Override
    public AccessDecision checkFeature(String customerId, String feature, OnNoAnswer onNoAnswer) {
        Checks.requireText("feature", feature);
        return check(customerId, feature, false, onNoAnswer);
    }

    @Override
    public AccessDecision checkEvent(String customerId, String eventName, OnNoAnswer onNoAnswer) {
        Checks.requireText("eventName", eventName);
        return check(customerId, eventName, true, onNoAnswer);
    }

    /**
     * Reserves {@code quantity} units against the cached answer: allowed while Lotus's usage, plus what this
     * instance counted or reserved since that answer was fetched, plus {@code quantity} stays within the limit.
     * Exact within this instance; other instances' usage shows only once Lotus has it and this cache refreshes.
     * Releasing gives the units back; committing keeps them counted until the next refresh. Without an answer the
     * no-answer policy decides and nothing is held.
     */
    @Override
    public Reservation tryConsume(String customerId, String eventName, long quantity, OnNoAnswer onNoAnswer) {
        Entitlements.requirePositive(quantity);
        AccessDecision decision = checkEvent(customerId, eventName, onNoAnswer);
        if (!decision.allowed() || decision.source() == DecisionSource.FALLBACK) {
            return Reservation.holdingNothing(decision);
        }
        CachedDecision cached = cachedEvent(customerId, eventName);
        if (cached == null) {
            return Reservation.holdingNothing(decision);
        }
        AccessDecision reserved = cached.tryReserve(quantity);
        if (!reserved.allowed()) {
            return Reservation.holdingNothing(reserved);
        }
        return new HeldReservation(reserved, () -> cached.trackedSince.addAndGet(-quantity));
    }

    private CachedDecision cachedEvent(String customerId, String eventName) {
        CustomerDecisions decisions = customers.getIfPresent(customerId);
        CompletableFuture<CachedDecision> slot = decisions == null ? null : decisions.events.get(eventName);
        return slot != null && slot.isDone() && !slot.isCompletedExceptionally() ? slot.join() : null;
    }

    /** {@link EntitlementOptions#onNoAnswer()}. */
    @Override
    public OnNoAnswer onNoAnswer() {
        return defaultPolicy;
    }

    @Override
    public void invalidate(String customerId) {
        Checks.requireText("customerId", customerId);
        customers.invalidate(customerId);
    }

    @Override
    public void onTracked(TrackMessage message) {
        String customerId = message.identity().customerId();
        CustomerDecisions decisions = customerId == null ? null : customers.getIfPresent(customerId);
        CompletableFuture<CachedDecision> slot = decisions == null ? null : decisions.events.get(message.eventName());
        if (slot != null && slot.isDone() && !slot.isCompletedExceptionally()) {
            slot.join().trackedSince.incrementAndGet();
        }
    }

    private AccessDecision check(String customerId, String name, boolean metered, OnNoAnswer onNoAnswer) {
        Checks.requireText("customerId", customerId);
        Checks.requireNonNull("onNoAnswer", onNoAnswer);
        CustomerDecisions decisions = customers.getIfPresent(customerId);
        if (decisions != null) {
            ConcurrentMap<String, CompletableFuture<CachedDecision>> slots = decisions.slots(metered);
            CompletableFuture<CachedDecision> slot = slots.get(name);
            if (slot != null && slot.isDone() && !slot.isCompletedExceptionally()) {
                CachedDecision cached = slot.join();
                long now = ticker.read();
                long age = now - cached.fetchedAt;
                if (age < usableNanos) {
                    if (age >= freshNanos) {
                        refreshInBackground(customerId, name, metered, slots, slot, cached, now);
                    }
                    return cached.view();
                }
            }
        }
        return load(customerId, name, metered, onNoAnswer);
    }

    private AccessDecision load(String customerId, String name, boolean metered, OnNoAnswer onNoAnswer) {
        CustomerDecisions decisions = customers.get(customerId, id -> new CustomerDecisions());
        ConcurrentMap<String, CompletableFuture<CachedDecision>> slots = decisions.slots(metered);
        CompletableFuture<CachedDecision> mine = new CompletableFuture<>();
        CompletableFuture<CachedDecision> slot = slots.compute(name,
                (key, current) -> current == null || !isUsable(current) ? mine : current);
        if (slot != mine) {
            try {
                return slot.join().view();
            } catch (RuntimeException sharedLoadFailed) {
                return fallback(customerId, name, metered, onNoAnswer);
            }
        }
        customers.asMap().replace(customerId, decisions, decisions);
        try {
            AccessDecision remote = fetch(customerId, name, metered);
            mine.complete(new CachedDecision(remote, ticker.read(), 0));
            answered();
            return remote;
        } catch (RuntimeException e) {
            slots.remove(name, mine);
            mine.completeExceptionally(e);
            failed(customerId, e);
            return fallback(customerId, name, metered, onNoAnswer);
        }
    }

    private void refreshInBackground(String customerId, String name, boolean metered,
            ConcurrentMap<String, CompletableFuture<CachedDecision>> slots, CompletableFuture<CachedDecision> slot,
            CachedDecision stale, long now) {
        if (now - stale.refreshNotBefore < 0 || !stale.refreshing.compareAndSet(false, true)) {
            return;
        }
        long countedBefore = stale.trackedSince.get();
        try {
            refresher.execute(() -> {
                try {
                    AccessDecision remote = fetch(customerId, name, metered);
                    long countedDuring = stale.trackedSince.get() - countedBefore;
                    CachedDecision fresh = new CachedDecision(remote, ticker.read(), countedDuring);
                    slots.replace(name, slot, CompletableFuture.completedFuture(fresh));
                    answered();
                } catch (RuntimeException e) {
                    stale.refreshNotBefore = ticker.read() + REFRESH_RETRY_NANOS;
                    failed(customerId, e);
                } finally {
                    stale.refreshing.set(false);
                }
            });
        } catch (RejectedExecutionException busy) {
            stale.refreshing.set(false);
        }
    }

    private AccessDecision fetch(String customerId, String name, boolean metered) {
        return metered ? client.checkEvent(customerId, name) : client.checkFeature(customerId, name);
    }

    private boolean isUsable(CompletableFuture<CachedDecision> slot) {
        if (!slot.isDone()) {
            return true;
        }
        return !slot.isCompletedExceptionally() && ticker.read() - slot.join().fetchedAt < usableNanos;
    }

    private void answered() {
        if (failing.compareAndSet(true, false)) {
            log.info("Lotus answers access checks again");
        }
    }

    private void failed(String customerId, RuntimeException e) {
        if (failing.compareAndSet(false, true)) {
            log.warn("Lotus access checks fail; answering from the cache or the no-answer policy: {}", e.getMessage());
        } else {
            log.debug("Lotus access check for customer {} failed: {}", customerId, e.getMessage());
        }
    }

    private static AccessDecision fallback(String customerId, String name, boolean metered, OnNoAnswer onNoAnswer) {
        return new AccessDecision(onNoAnswer == OnNoAnswer.ALLOW, AccessReason.BACKEND_UNAVAILABLE, customerId,
                metered ? null : name, metered ? name : null, null, null, DecisionSource.FALLBACK);
    }
}
