package dev.tracking.access;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracking.EntitlementOptions;
import dev.tracking.TrackMessage;
import dev.tracking.TrackingListener;
import dev.tracking.spi.UsageObserver;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
 * <p>Every usage event tracked for a customer ({@link #onTracked}) adds one to the usage of the cached answer for
 * that event, and {@link #tryConsume} reserves against it, so a customer who reaches a metered limit is denied at
 * once. The units a metered event counted here live in one {@link LocalUsage} shared by all its answers: an answer
 * counts the units tracked or committed after the remote was asked for it (the remote's usage is taken to include
 * the earlier ones) plus every reservation still open, across refreshes and reloads. That is exact within this
 * instance as long as the remote has this instance's events when it is asked; events still waiting to be delivered
 * then are not counted by the new answer. Other instances' usage shows once the remote has it and a refresh brings
 * it. {@link #invalidate} drops every answer of a customer (its open reservations keep counting).
 */
public final class CachedEntitlements implements Entitlements, UsageObserver {

    private static final Logger log = LoggerFactory.getLogger(CachedEntitlements.class);
    private static final TrackingListener NO_LISTENER = new TrackingListener() {
    };
    private static final int RESERVE_ATTEMPTS = 3;
    private static final LocalUsage NOT_METERED = new LocalUsage();

    private final Entitlements remote;
    private final OnNoAnswer defaultPolicy;
    private final long usableNanos;
    private final Ticker ticker;
    private final Executor refresher;
    private final AsyncLoadingCache<Key, CachedDecision> cache;
    /** Per metered key, the usage counted here; kept while the key is cached or holds reservations. */
    private final ConcurrentMap<Key, LocalUsage> usages = new ConcurrentHashMap<>();
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
                .removalListener((Key key, CachedDecision value, RemovalCause cause) -> forgetIfIdle(key))
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
     * Reserves {@code quantity} units against the cached answer (asking the remote on a miss): allowed while the
     * remote usage, plus what this instance counted since that answer was asked for, plus the units it holds, plus
     * {@code quantity} stays within the limit. Held units count against every answer until settled, refreshed ones
     * included; releasing gives them back, committing counts them as usage until an answer asked for afterwards.
     * Without an answer the no-answer policy decides and nothing is held. An answer dropped (invalidated, evicted)
     * before its units could be held is asked for again; when that keeps happening the reservation is denied
     * ({@code BACKEND_UNAVAILABLE}), never allowed with nothing held.
     */
    @Override
    public Reservation tryConsume(String customerId, String eventName, long quantity, OnNoAnswer onNoAnswer) {
        Entitlements.requirePositive(quantity);
        requireText("eventName", eventName);
        requireText("customerId", customerId);
        requireNonNull("onNoAnswer", onNoAnswer);
        Key key = new Key(customerId, eventName, true);
        for (int attempt = 0; attempt < RESERVE_ATTEMPTS; attempt++) {
            CachedDecision cached = entry(key);
            if (cached == null) {
                return Reservation.holdingNothing(fallback(key, onNoAnswer));
            }
            AccessDecision reserved = cached.tryReserve(quantity);
            if (reserved == null) {
                continue; // that answer's usage was dropped with it: reserve on the key's current one
            }
            if (!reserved.allowed()) {
                return Reservation.holdingNothing(reserved);
            }
            return new LocalReservation(reserved, cached.usage, quantity, () -> forgetIfIdle(key));
        }
        // every answer was dropped as it came: deny rather than allow with nothing held
        return Reservation.holdingNothing(fallback(key, OnNoAnswer.DENY));
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
        LocalUsage usage = customerId == null ? null : usages.get(new Key(customerId, message.eventName(), true));
        if (usage != null) {
            usage.observed();
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
                CachedDecision loaded = load(key, mine);
                return loaded != null ? loaded.remote : fallback(key, onNoAnswer);
            }
        }
        CachedDecision cached = join(slot);
        return cached != null ? cached.view() : fallback(key, onNoAnswer);
    }

    /** The key's cached answer, asked of the remote on this thread on a miss; {@code null} without an answer. */
    private CachedDecision entry(Key key) {
        CompletableFuture<CachedDecision> slot = cache.getIfPresent(key);
        if (slot == null) {
            CompletableFuture<CachedDecision> mine = new CompletableFuture<>();
            slot = cache.get(key, (k, executor) -> mine);
            if (slot == mine) {
                return load(key, mine);
            }
        }
        return join(slot);
    }

    /** Asks the remote on this thread and completes {@code slot} for the checks waiting on it. */
    private CachedDecision load(Key key, CompletableFuture<CachedDecision> slot) {
        CachedDecision loaded = null;
        try {
            loaded = fetch(key, false);
            if (loaded != null) {
                slot.complete(loaded);
            }
        } finally {
            slot.complete(null); // no answer (or an Error thrown): Caffeine drops an entry completed with null
            if (loaded == null) {
                forgetIfIdle(key);
            }
        }
        return loaded;
    }

    /**
     * A new answer for {@code key}, or {@code null} when the remote has none. A metered one counts the key's local
     * usage from what was settled before the remote was asked: the remote's usage is taken to include that.
     */
    private CachedDecision fetch(Key key, boolean refresh) {
        LocalUsage usage = key.metered ? usages.computeIfAbsent(key, k -> new LocalUsage()) : NOT_METERED;
        long baseline = usage.settled();
        AccessDecision answer = askRemote(key, refresh);
        return answer == null ? null : new CachedDecision(answer, ticker.read(), usage, baseline);
    }

    /** Drops the key's usage once it holds no reservation and no answer of the key is cached. */
    private void forgetIfIdle(Key key) {
        if (key.metered) {
            usages.computeIfPresent(key, (k, usage) ->
                    !cache.asMap().containsKey(k) && usage.retireIfIdle() ? null : usage);
        }
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

    /** How many metered keys keep a local usage, after pending evictions ran. */
    long countedKeys() {
        cache.synchronous().cleanUp();
        return usages.size();
    }

    /** How many answers are cached, after pending evictions ran. */
    long cachedAnswers() {
        cache.synchronous().cleanUp();
        return cache.synchronous().estimatedSize();
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
     * they run on the refresher, share the key's {@link LocalUsage} with the answer they replace (so nothing counted
     * or released while they run or are installed is lost), and when the remote has no answer (or the refresher
     * refuses the task) keep the old answer, whose expiry stays where it was.
     */
    private final class Loader implements AsyncCacheLoader<Key, CachedDecision> {

        @Override
        public CompletableFuture<CachedDecision> asyncLoad(Key key, Executor executor) {
            return CompletableFuture.supplyAsync(() -> fetch(key, false), refresher);
        }

        @Override
        public CompletableFuture<CachedDecision> asyncReload(Key key, CachedDecision stale, Executor executor) {
            try {
                return CompletableFuture.supplyAsync(() -> {
                    CachedDecision fresh = fetch(key, true);
                    return fresh == null ? stale : fresh;
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
