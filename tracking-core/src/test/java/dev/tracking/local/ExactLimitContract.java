package dev.tracking.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.DeliveryOptions;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.access.AccessReason;
import dev.tracking.access.Reservation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LocalStore} must give a metered gate: a fresh tracker hit by many concurrent reservations for
 * one customer allows exactly the limit, at the very first calls, after another gated event, across a month
 * boundary, and failed calls give their units back. Subclasses supply an empty store.
 */
public abstract class ExactLimitContract {

    protected static final int LIMIT = 3;
    private static final String EVENT = "document_created";

    protected final MutableClock clock = new MutableClock("2026-03-31T23:59:00Z");
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Tracker> trackers = new ArrayList<>();

    /** A store with nothing in it; every call of one test shares the same database, if any. */
    protected abstract LocalStore emptyStore();

    /** The same stored state seen by a new backend, as after a restart. */
    protected abstract LocalStore sameStoreAgain();

    /** How many concurrent calls each burst makes. */
    protected int threads() {
        return 200;
    }

    @AfterEach
    void stop() throws InterruptedException {
        trackers.forEach(Tracker::close);
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    protected LocalBackend backend(LocalStore store) {
        return LocalBackend.builder()
                .plan(LocalPlan.of("free").limit(EVENT, LIMIT).limit("report_exported", LIMIT))
                .customer("acme", "Acme Inc", "billing@acme.test", "free")
                .clock(clock).store(store).build();
    }

    protected Tracker tracker(LocalBackend backend) {
        Tracker tracker = Tracker.builder().local(backend).clock(clock)
                .delivery(DeliveryOptions.builder().flushInterval(Duration.ofMillis(50)).build()).build();
        trackers.add(tracker);
        return tracker;
    }

    @Test
    void theFirstBurstOfAFreshTrackerAllowsExactlyTheLimit() throws Exception {
        LocalBackend backend = backend(emptyStore());
        Tracker tracker = tracker(backend);
        assertThat(burst(threads(), i -> tracker)).isEqualTo(LIMIT);
        assertThat(tracker.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(backend.usage("acme", EVENT)).isEqualTo(LIMIT);
        assertThat(tracker.entitlements().checkEvent("acme", EVENT).reason()).isEqualTo(AccessReason.LIMIT_REACHED);
    }

    @Test
    void repeatedBurstsOnNewTrackersAllowNothingMore() throws Exception {
        LocalStore store = emptyStore();
        Tracker first = tracker(backend(store));
        assertThat(burst(threads(), i -> first)).isEqualTo(LIMIT);
        first.close();
        for (int restart = 0; restart < 2; restart++) {
            Tracker again = tracker(backend(sameStoreAgain()));
            assertThat(burst(threads(), i -> again)).isZero();
        }
    }

    @Test
    void aBurstAfterAnotherGatedEventAllowsExactlyTheLimit() throws Exception {
        LocalBackend backend = backend(emptyStore());
        Tracker tracker = tracker(backend);
        Reservation other = tracker.entitlements().tryConsume("acme", "report_exported", 1);
        tracker.track(message("report_exported"), other);
        assertThat(burst(threads(), i -> tracker)).isEqualTo(LIMIT);
        assertThat(tracker.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(backend.usage("acme", "report_exported")).isEqualTo(1);
        assertThat(backend.usage("acme", EVENT)).isEqualTo(LIMIT);
    }

    @Test
    void aNewMonthStartsExactlyAtZero() throws Exception {
        LocalBackend backend = backend(emptyStore());
        Tracker tracker = tracker(backend);
        assertThat(burst(threads(), i -> tracker)).isEqualTo(LIMIT);
        clock.set("2026-04-01T00:00:00Z");
        assertThat(burst(threads(), i -> tracker)).isEqualTo(LIMIT);
        assertThat(backend.usage("acme", EVENT)).isEqualTo(LIMIT);
        clock.set("2026-04-30T23:59:59Z");
        assertThat(burst(threads(), i -> tracker)).isZero();
    }

    @Test
    void failedCallsGiveTheirUnitsBack() throws Exception {
        LocalBackend backend = backend(emptyStore());
        Tracker tracker = tracker(backend);
        assertThat(burst(threads(), i -> tracker, true)).isEqualTo(LIMIT);
        assertThat(backend.usage("acme", EVENT)).isZero();
        assertThat(burst(threads(), i -> tracker)).isEqualTo(LIMIT);
        assertThat(backend.usage("acme", EVENT)).isEqualTo(LIMIT);
    }

    @Test
    void aQuantityIsReservedWhole() {
        LocalBackend backend = backend(emptyStore());
        Reservation two = backend.tryConsume("acme", EVENT, 2);
        assertThat(two.allowed()).isTrue();
        Reservation twoMore = backend.tryConsume("acme", EVENT, 2);
        assertThat(twoMore.allowed()).isFalse();
        assertThat(twoMore.decision().usage()).isEqualByComparingTo("2");
        two.release();
        two.commit();
        assertThat(backend.usage("acme", EVENT)).isZero();
    }

    /**
     * {@code calls} concurrent reservations of one unit released together; each allowed one is tracked as the
     * event it paid for, or, when {@code fail}, released once every call has been decided. Returns how many were allowed.
     */
    protected int burst(int calls, Function<Integer, Tracker> trackerOfCall) throws Exception {
        return burst(calls, trackerOfCall, false);
    }

    protected int burst(int calls, Function<Integer, Tracker> trackerOfCall, boolean fail) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        List<Reservation> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < calls; i++) {
            Tracker tracker = trackerOfCall.apply(i);
            Callable<Boolean> call = () -> {
                ready.countDown();
                go.await();
                Reservation reservation = tracker.entitlements().tryConsume("acme", EVENT, 1);
                if (reservation.allowed()) {
                    if (fail) {
                        failed.add(reservation);
                    } else {
                        tracker.track(message(EVENT), reservation);
                    }
                }
                return reservation.allowed();
            };
            results.add(pool.submit(call));
        }
        assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        int allowed = 0;
        for (Future<Boolean> result : results) {
            allowed += result.get(120, TimeUnit.SECONDS) ? 1 : 0;
        }
        failed.forEach(Reservation::release);
        return allowed;
    }

    private TrackMessage message(String event) {
        return TrackMessage.builder(event).customerId("acme").timestamp(clock.instant()).build();
    }
}
