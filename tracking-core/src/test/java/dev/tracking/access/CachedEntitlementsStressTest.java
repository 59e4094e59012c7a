package dev.tracking.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.EntitlementOptions;
import dev.tracking.support.ManualTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many threads reserving, releasing and committing one customer's metered event while refreshes complete: the
 * units held or committed never exceed what the remote left, and the final count is the committed units.
 */
class CachedEntitlementsStressTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final long LIMIT = 1_000;
    private static final long REMOTE_USAGE = 100;
    private static final int WORKERS = 8;
    private static final int REFRESHES = 300;

    private final ManualTime time = new ManualTime();
    private final DeliveringRemote remote = new DeliveringRemote();
    private final CachedEntitlements cache = CachedEntitlements.over(remote,
            EntitlementOptions.builder().cacheTtl(TTL).build(), time, time);
    private final ExecutorService pool = Executors.newFixedThreadPool(WORKERS);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void reservationsNeverExceedTheRoomLeftWhileRefreshesComplete() throws Exception {
        AtomicLong outstanding = new AtomicLong(); // held or committed, as the workers know it (never more)
        AtomicLong mostOutstanding = new AtomicLong();
        AtomicLong committed = new AtomicLong();
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger released = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            workers.add(pool.submit(() -> {
                go.await();
                for (int i = 0; !done.get(); i++) {
                    long quantity = 1 + (i + worker) % 2;
                    Reservation reservation = cache.tryConsume("acme", "api_call", quantity);
                    if (!reservation.allowed()) {
                        continue;
                    }
                    allowed.incrementAndGet();
                    mostOutstanding.accumulateAndGet(outstanding.addAndGet(quantity), Math::max);
                    if (i % 3 == 0) {
                        outstanding.addAndGet(-quantity); // before the cache sees it, so never over-stated
                        reservation.release();
                        released.incrementAndGet();
                    } else {
                        remote.delivered.addAndGet(quantity); // the event reaches the remote, then is committed
                        committed.addAndGet(quantity);
                        reservation.commit();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (int r = 0; r < REFRESHES; r++) {
            time.advance(TTL.plusNanos(1));
            cache.checkEvent("acme", "api_call");
            time.runTasks();
        }
        int answersWhileWorking = remote.answers.get();
        done.set(true);
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        time.advance(TTL.plusNanos(1));
        cache.checkEvent("acme", "api_call");
        time.runTasks();

        AccessDecision last = cache.checkEvent("acme", "api_call");
        // a refresh a worker started may still be queued when a round runs the queue, so not one per round
        assertThat(answersWhileWorking).isGreaterThan(REFRESHES / 10);
        assertThat(released.get()).isPositive();
        assertThat(allowed.get()).isGreaterThan(released.get());
        assertThat(mostOutstanding.get()).isLessThanOrEqualTo(LIMIT - REMOTE_USAGE);
        assertThat(committed.get()).isLessThanOrEqualTo(LIMIT - REMOTE_USAGE);
        assertThat(last.usage()).isEqualByComparingTo(BigDecimal.valueOf(REMOTE_USAGE + committed.get()));
        assertThat(cache.tryConsume("acme", "api_call", LIMIT - REMOTE_USAGE - committed.get() + 1).allowed())
                .isFalse();
    }

    /** A remote whose usage includes every unit delivered to it; limit {@link #LIMIT}. */
    private static final class DeliveringRemote implements Entitlements {
        final AtomicLong delivered = new AtomicLong();
        final AtomicInteger answers = new AtomicInteger();

        @Override
        public AccessDecision checkFeature(String customerId, String feature, OnNoAnswer onNoAnswer) {
            throw new UnsupportedOperationException("metered only");
        }

        @Override
        public AccessDecision checkEvent(String customerId, String eventName, OnNoAnswer onNoAnswer) {
            answers.incrementAndGet();
            long usage = REMOTE_USAGE + delivered.get();
            return AccessDecision.forEvent(customerId, eventName, usage < LIMIT,
                    usage < LIMIT ? AccessReason.IN_PLAN : AccessReason.LIMIT_REACHED, BigDecimal.valueOf(usage),
                    BigDecimal.valueOf(LIMIT), DecisionSource.REMOTE);
        }
    }
}
