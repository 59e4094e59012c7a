package dev.tracking.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.Identity;
import dev.tracking.Tracker;
import dev.tracking.support.ScriptedDestination;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalBackendBesideOtherDestinationsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ScriptedDestination remote = new ScriptedDestination("remote");
    private final Tracker tracker = Tracker.builder().destination(remote).build();
    private final LocalBackend backend = LocalBackend.usedBy(tracker).orElseThrow();

    @AfterEach
    void closeTracker() {
        tracker.close();
    }

    @Test
    void eachAcceptedEventCountsOnceAtAcceptanceAndIsNotDeliveredToTheBackend() {
        for (int i = 0; i < 5; i++) {
            tracker.track("report_exported", Identity.ofCustomer("acme"), null);
        }
        tracker.track("page_viewed", Identity.ofUser("u1"), null);

        assertThat(backend.usage("acme", "report_exported")).isEqualTo(5);
        assertThat(tracker.flush(WAIT)).isTrue();
        assertThat(remote.messagesSent()).isEqualTo(6);
        assertThat(backend.usage("acme", "report_exported")).isEqualTo(5);
        assertThat(backend.recentEvents()).isEmpty();
        assertThat(tracker.stats()).extracting(stats -> stats.destination()).containsExactly("remote");
    }

    @Test
    void concurrentCallersLoseNoUsage() throws Exception {
        int threads = 4;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                callers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        tracker.track("api_call", Identity.ofCustomer("acme"), null);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> caller : callers) {
                caller.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(backend.usage("acme", "api_call")).isEqualTo((long) threads * perThread);
    }
}
