package dev.tracking.local;

import static dev.tracking.local.StampedMessages.times;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.TrackingApiException;
import dev.tracking.access.AccessDecision;
import dev.tracking.billing.Customer;
import dev.tracking.spi.Destination;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalConcurrencyTest {

    private static final int THREADS = 8;
    private static final int BATCHES_PER_THREAD = 250;
    private static final int BATCH_SIZE = 10;

    private final MutableClock clock = new MutableClock("2026-03-15T12:00:00Z");
    private final LocalBackend backend = LocalBackend.builder()
            .plan(LocalPlan.of("free").limit("report_exported", 1_000_000))
            .customer("acme", "Acme Inc", "billing@acme.test", "free")
            .customer("globex", "Globex", "billing@globex.test", "free")
            .clock(clock)
            .recentEventsCapacity(100)
            .build();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void concurrentSendsAndChecksLoseNoUpdate() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String customer = t % 2 == 0 ? "acme" : "globex";
            work.add(pool.submit(startingAt(start, () -> {
                for (int b = 0; b < BATCHES_PER_THREAD; b++) {
                    backend.send(times(BATCH_SIZE, customer, "report_exported", "2026-03-10T00:00:00Z"));
                }
                return null;
            })));
        }
        Future<List<BigDecimal>> checker = pool.submit(startingAt(start, () -> usageSeenByChecks("acme")));
        start.countDown();
        for (Future<?> future : work) {
            future.get(60, TimeUnit.SECONDS);
        }

        long perCustomer = (long) THREADS / 2 * BATCHES_PER_THREAD * BATCH_SIZE;
        assertThat(backend.usage("acme", "report_exported")).isEqualTo(perCustomer);
        assertThat(backend.usage("globex", "report_exported")).isEqualTo(perCustomer);
        assertThat(backend.checkEvent("acme", "report_exported").usage()).isEqualTo(BigDecimal.valueOf(perCustomer));
        assertThat(backend.totals().received()).isEqualTo(2 * perCustomer);
        assertThat(backend.recentEvents()).hasSize(100);
        assertThat(checker.get(60, TimeUnit.SECONDS)).isSortedAccordingTo(BigDecimal::compareTo);
    }

    @Test
    void racingAcceptanceAndDeliveryToTheCountedViewCountEachEventOnce() throws Exception {
        List<Message> events = times(5_000, "acme", "report_exported", "2026-03-10T00:00:00Z");
        CountDownLatch start = new CountDownLatch(1);
        Future<?> observer = pool.submit(startingAt(start, () -> {
            events.forEach(event -> backend.onTracked((TrackMessage) event));
            return null;
        }));
        Future<?> deliverer = pool.submit(startingAt(start, () -> {
            Destination view = backend.countedOnAcceptance();
            for (Message event : events) {
                view.send(List.of(event));
            }
            return null;
        }));
        start.countDown();
        observer.get(60, TimeUnit.SECONDS);
        deliverer.get(60, TimeUnit.SECONDS);

        assertThat(backend.usage("acme", "report_exported")).isEqualTo(5_000);
        assertThat(backend.totals().tracked()).isEqualTo(5_000);
    }

    @Test
    void concurrentCreationOfTheSameCustomerLetsExactlyOneWin() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String id = "initech-" + t;
            attempts.add(pool.submit(startingAt(start, () -> created(Customer.of(id, "Initech", "ops@initech.test")))));
        }
        start.countDown();

        int winners = 0;
        for (Future<Boolean> attempt : attempts) {
            winners += attempt.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }

        assertThat(winners).isEqualTo(1);
        assertThat(backend.customerStates()).filteredOn(state -> "ops@initech.test".equals(state.email())).hasSize(1);
    }

    private List<BigDecimal> usageSeenByChecks(String customerId) {
        List<BigDecimal> seen = new ArrayList<>();
        long expected = (long) THREADS / 2 * BATCHES_PER_THREAD * BATCH_SIZE;
        BigDecimal last = BigDecimal.ZERO;
        while (last.longValue() < expected && !Thread.currentThread().isInterrupted()) {
            AccessDecision decision = backend.checkEvent(customerId, "report_exported");
            last = decision.usage();
            seen.add(last);
        }
        return seen;
    }

    private boolean created(Customer customer) {
        try {
            backend.createCustomer(customer);
            return true;
        } catch (TrackingApiException duplicate) {
            return false;
        }
    }

    private static <T> Callable<T> startingAt(CountDownLatch start, Callable<T> task) {
        return () -> {
            assertThat(start.await(10, TimeUnit.SECONDS)).isTrue();
            return task.call();
        };
    }
}
