package dev.tracking.access;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracking.EntitlementOptions;
import dev.tracking.TrackMessage;
import dev.tracking.TrackingListener;
import dev.tracking.spi.UsageObserver;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A decorator that caches the answers of a remote {@link Entitlements} (Lotus's, or one of your own), fast enough
 * to sit in front of every request; on Caffeine's {@code AsyncLoadingCache}.
 *
 * <p>An answer is fresh for {@link EntitlementOptions#cacheTtl()}. After that the next check serves it (source
 * {@code CACHE}) and refreshes it in the background (stale-while-revalidate); while refreshes find no answer it keeps
 * being served until {@link EntitlementOptions#staleIfError()} past its freshness (stale-if-error). With nothing
 * usable cached the check asks the remote on the caller's thread (source {@code REMOTE}); concurrent checks of the
 * same customer and name share that one request. When the remote has no answer the {@link OnNoAnswer} policy decides
 * ({@code BACKEND_UNAVAILABLE}, source {@code FALLBACK}). At most {@link EntitlementOptions#maximumSize()} answers are
 * kept.
 *
 * <p>The remote says it has no answer the way every {@link Entitlements} does for a backend failure: a decision
 * with source {@code FALLBACK}, which is never cached. Its other decisions (an unknown customer included) are.
 *
 * <p>Between refreshes every usage event tracked for a customer ({@link #onTracked}) adds one to the usage of the
 * cached answer for that event, and {@link #tryConsume} reserves against it, so a customer who reaches a metered
 * limit is denied at once: exact within this instance; other instances' usage shows once the remote has it and a
 * refresh brings it. {@link #invalidate} drops every answer of a customer.
 */
public final class CachedEntitlements implements Entitlements, UsageObserver {

    private static final Logger log = LoggerFactory.getLogger(CachedEntitlements.class);
    private static final TrackingListener NO_LISTENER = new TrackingListener() {
    };

    private final Entitlements remote;
    private final OnNoAnswer defaultPolicy;
    private final long usableNanos;
    private final Ticker ticker;
    private final Executor refresher;
    private final AsyncLoadingCache<Key, CachedDecision> cache;
    private volatile TrackingListener listener = NO_LISTENER;
    private final AtomicBoolean listenerFailed = new AtomicBoolean();

    private CachedEntitlements(Entitlements remote, EntitlementOptions options, Executor refresher, Ticker ticker) {
        this.remote = remote;
        this.defaultPolicy = options.onNoAnswer();
        this.usableNanos = saturatedSum(saturatedNanos(options.cacheTtl()), saturatedNanos(options.staleIfError()));
        this.ticker = ticker;
        this.refresher = refresher;
        this.cache = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(Runnable::run)
                .maximumSize(options.maximumSize())
                .refreshAfterWrite(options.cacheTtl())
                .expireAfter(new UsableUntil())
                .buildAsync(new Loader());
    }

    /**
     * Caches {@code remote}'s answers as {@code options} say, refreshing them on {@code refresher} (which stays
     * the caller's to shut down).
     */
    public static CachedEntitlements over(Entitlements remote, EntitlementOptions options, Executor refresher) {
        return over(remote, options, refresher, Ticker.systemTicker());
    }

    /** As {@link #over(Entitlements, EntitlementOptions, Executor)}, reading time from {@code ticker}. */
    public static CachedEntitlements over(Entitlements remote, EntitlementOptions options, Executor refresher,
            Ticker ticker) {
        requireNonNull("remote", remote);
        requireNonNull("options", options);
        requireNonNull("refresher", refresher);
        requireNonNull("ticker", ticker);
        return new CachedEntitlements(remote, options, refresher, ticker);
    }

    /**
     * Tells {@code listener} of every request to the remote ({@link TrackingListener#onRemoteAccessCheck}); the
     * tracker passes its listeners here. A listener that throws is logged once and otherwise ignored.
     */
    public void reportRemoteChecksTo(TrackingListener listener) {
        this.listener = requireNonNull("listener", listener);
    }

    @Override
    public AccessDecision checkFeature(String customerId, String feature, OnNoAnswer onNoAnswer) {
        requireText("feature", feature);
        return check(customerId, feature, false, onNoAnswer);
    }

    @Override
    public AccessDecision checkEvent(String customerId, String eventName, OnNoAnswer onNoAnswer) {
        requireText("eventName", eventName);
        return check(customerId, eventName, true, onNoAnswer);
    }

    /**
     * Reserves {@code quantity} units against the cached answer: allowed while the remote usage, plus what this
     * instance counted or reserved since that answer was fetched, plus {@code quantity} stays within the limit.
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
        CachedDecision cached = cachedQuietly(new Key(customerId, eventName, true));
        if (cached == null) {
            return Reservation.holdingNothing(decision);
        }
        AccessDecision reserved = cached.tryReserve(quantity);
        if (!reserved.allowed()) {
            return Reservation.holdingNothing(reserved);
        }
        return new HeldReservation(reserved, () -> cached.trackedSince.addAndGet(-quantity));
    }

    /** {@link EntitlementOptions#onNoAnswer()}. */
    @Override
    public OnNoAnswer onNoAnswer() {
        return defaultPolicy;
    }

    /** Drops the customer's answers, walking the cached keys (billing changes are rare next to checks). */
    @Override
    public void invalidate(String customerId) {
        requireText("customerId", customerId);
        cache.synchronous().asMap().keySet().removeIf(key -> key.customerId.equals(customerId));
        remote.invalidate(customerId);
    }

    @Override
    public void onTracked(TrackMessage message) {
        String customerId = message.identity().customerId();
        CachedDecision cached = customerId == null ? null
                : cachedQuietly(new Key(customerId, message.eventName(), true));
        if (cached != null) {
            cached.trackedSince.incrementAndGet();
        }
    }

    private AccessDecision check(String customerId, String name, boolean metered, OnNoAnswer onNoAnswer) {
        requireText("customerId", customerId);
        requireNonNull("onNoAnswer", onNoAnswer);
        Key key = new Key(customerId, name, metered);
        CompletableFuture<CachedDecision> slot = cache.getIfPresent(key);
        if (slot == null) {
            CompletableFuture<CachedDecision> mine = new CompletableFuture<>();
            slot = cache.get(key, (k, executor) -> mine);
            if (slot == mine) {
                return load(key, mine, onNoAnswer);
            }
        }
        CachedDecision cached = join(slot);
        return cached != null ? cached.view() : fallback(key, onNoAnswer);
    }

    /** Asks the remote on this thread and completes {@code slot} for the checks waiting on it. */
    private AccessDecision load(Key key, CompletableFuture<CachedDecision> slot, OnNoAnswer onNoAnswer) {
        AccessDecision answer = null;
        try {
            answer = askRemote(key, false);
            if (answer != null) {
                slot.complete(new CachedDecision(answer, ticker.read(), 0));
            }
        } finally {
            slot.complete(null); // no answer (or an Error thrown): Caffeine drops an entry completed with null
        }
        return answer != null ? answer : fallback(key, onNoAnswer);
    }

    /** The remote's answer, or {@code null} when it has none; timed and reported. */
    private AccessDecision askRemote(Key key, boolean refresh) {
        long start = ticker.read();
        AccessDecision answer;
        try {
            answer = key.metered ? remote.checkEvent(key.customerId, key.name, OnNoAnswer.DENY)
                    : remote.checkFeature(key.customerId, key.name, OnNoAnswer.DENY);
        } catch (RuntimeException e) {
            answer = null; // an Entitlements must not throw for a backend failure; one that does has no answer
        }
        boolean answered = answer != null && answer.source() != DecisionSource.FALLBACK;
        report(refresh, answered, Duration.ofNanos(ticker.read() - start));
        return answered ? answer : null;
    }

    private void report(boolean refresh, boolean answered, Duration elapsed) {
        TrackingListener current = listener;
        try {
            current.onRemoteAccessCheck(refresh, answered, elapsed);
        } catch (RuntimeException e) {
            if (listenerFailed.compareAndSet(false, true)) {
                log.warn("TrackingListener {} threw from onRemoteAccessCheck; ignored (logged once)",
                        current.getClass().getName(), e);
            }
        }
    }

    /** How many answers are cached, after pending evictions ran. */
    long cachedAnswers() {
        cache.synchronous().cleanUp();
        return cache.synchronous().estimatedSize();
    }

    private CachedDecision cachedQuietly(Key key) {
        return cache.synchronous().policy().getIfPresentQuietly(key);
    }

    private static CachedDecision join(CompletableFuture<CachedDecision> slot) {
        try {
            return slot.join();
        } catch (CompletionException | CancellationException e) {
            return null;
        }
    }

    private static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    private static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    private static AccessDecision fallback(Key key, OnNoAnswer onNoAnswer) {
        return new AccessDecision(onNoAnswer == OnNoAnswer.ALLOW, AccessReason.BACKEND_UNAVAILABLE, key.customerId,
                key.metered ? null : key.name, key.metered ? key.name : null, null, null, DecisionSource.FALLBACK);
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum; // both are non-negative
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** One cached answer: a feature or a metered event of a customer. */
    private record Key(String customerId, String name, boolean metered) {
    }

    /**
     * Loads for Caffeine. Misses are loaded by {@link #check} on the caller's thread, so only refreshes come here:
     * they run on the refresher, carry over the usage counted while they ran, and when the remote has no answer
     * (or the refresher refuses the task) keep the old answer, whose expiry stays where it was.
     */
    private final class Loader implements AsyncCacheLoader<Key, CachedDecision> {

        @Override
        public CompletableFuture<CachedDecision> asyncLoad(Key key, Executor executor) {
            return CompletableFuture.supplyAsync(() -> {
                AccessDecision answer = askRemote(key, false);
                return answer == null ? null : new CachedDecision(answer, ticker.read(), 0);
            }, refresher);
        }

        @Override
        public CompletableFuture<CachedDecision> asyncReload(Key key, CachedDecision stale, Executor executor) {
            long countedBefore = stale.trackedSince.get();
            try {
                return CompletableFuture.supplyAsync(() -> {
                    AccessDecision answer = askRemote(key, true);
                    return answer == null ? stale
                            : new CachedDecision(answer, ticker.read(), stale.trackedSince.get() - countedBefore);
                }, refresher);
            } catch (RejectedExecutionException busy) {
                return CompletableFuture.completedFuture(stale);
            }
        }
    }

    /** An answer is usable {@code cacheTtl + staleIfError} after it was fetched, however often it was refreshed. */
    private final class UsableUntil implements Expiry<Key, CachedDecision> {

        @Override
        public long expireAfterCreate(Key key, CachedDecision value, long currentTime) {
            return remaining(value, currentTime);
        }

        @Override
        public long expireAfterUpdate(Key key, CachedDecision value, long currentTime, long currentDuration) {
            return remaining(value, currentTime);
        }

        @Override
        public long expireAfterRead(Key key, CachedDecision value, long currentTime, long currentDuration) {
            return currentDuration;
        }

        private long remaining(CachedDecision value, long currentTime) {
            long age = currentTime - value.fetchedAt;
            return age >= usableNanos ? 0 : usableNanos - Math.max(0, age);
        }
    }
}
