package dev.tracking.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.DeliveryOptions;
import dev.tracking.Identity;
import dev.tracking.Tracker;
import dev.tracking.access.FeatureAccessDeniedException;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;
import dev.tracking.local.LocalBackend;
import dev.tracking.local.LocalPlan;
import dev.tracking.local.RecordedEvent;
import dev.tracking.spring.expression.TrackingExpressionEvaluator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;

/**
 * The gate and track aspects on a real tracker with the local backend (limit 3 a month), hit by concurrent calls
 * from the first call on: exactly the limit runs, each allowed call is counted once, failures give units back,
 * and a method that completes on another thread is gated and tracked for the caller.
 */
class MeteredGateTest {

    private static final ThreadLocal<Identity> CALLER = ThreadLocal.withInitial(Identity::empty);
    private static final int CALLS = 100;

    private final LocalBackend backend = LocalBackend.builder()
            .plan(LocalPlan.of("free").limit("document_created", 3).limit("report_exported", 3))
            .customer("acme", "Acme", "billing@acme.test", "free").build();
    private final Tracker tracker = Tracker.builder().local(backend)
            .delivery(DeliveryOptions.builder().flushInterval(Duration.ofMillis(20)).build()).build();
    private final ExecutorService callers = Executors.newFixedThreadPool(CALLS);
    private final ExecutorService elsewhere = Executors.newFixedThreadPool(4);
    private final Documents target = new Documents(elsewhere);
    private final Documents documents = proxy(target);

    @AfterEach
    void stop() throws InterruptedException {
        tracker.close();
        callers.shutdownNow();
        elsewhere.shutdownNow();
        assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theFirstBurstRunsExactlyTheLimitAndCountsEachOnce() throws Exception {
        assertThat(burst(() -> documents.create("doc"))).isEqualTo(3);
        assertThat(target.created).hasValue(3);
        assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(backend.usage("acme", "document_created")).isEqualTo(3);
        assertThat(backend.recentEvents()).extracting(RecordedEvent::name).containsOnly("document_created")
                .hasSize(3);
    }

    @Test
    void theFirstBurstAfterAnotherGatedMethodRunsExactlyTheLimit() throws Exception {
        CALLER.set(Identity.ofCustomer("acme"));
        documents.export();
        assertThat(burst(() -> documents.create("doc"))).isEqualTo(3);
        assertThat(backend.usage("acme", "document_created")).isEqualTo(3);
        assertThat(backend.usage("acme", "report_exported")).isEqualTo(1);
    }

    @Test
    void aTrackedCallOfAnotherBeanInsideAGatedMethodCountsAsUsageOfItsOwn() {
        target.copies = proxy(new Copies());
        CALLER.set(Identity.ofCustomer("acme"));
        try {
            documents.createWithCopy();
        } finally {
            CALLER.remove();
        }
        assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(backend.recentEvents()).extracting(RecordedEvent::name).containsOnly("document_created")
                .hasSize(2);
        assertThat(backend.usage("acme", "document_created")).isEqualTo(2);
    }

    @Test
    void failedCallsGiveTheirUnitBack() throws Exception {
        assertThat(burst(documents::failToCreate)).isZero();
        assertThat(backend.usage("acme", "document_created")).isZero();
        assertThat(burst(() -> documents.create("doc"))).isEqualTo(3);
    }

    @Test
    void aFutureCompletingOnAnotherThreadIsGatedAtTheCallAndTrackedForTheCaller() throws Exception {
        assertThat(burst(() -> join(documents.createLater("doc")))).isEqualTo(3);
        assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(backend.usage("acme", "document_created")).isEqualTo(3);
        assertThat(backend.recentEvents()).hasSize(3)
                .allSatisfy(event -> assertThat(event.identity().customerId()).isEqualTo("acme"));
    }

    @Test
    void aFailedFutureGivesItsUnitBack() throws Exception {
        CALLER.set(Identity.ofCustomer("acme"));
        for (int i = 0; i < 5; i++) {
            CompletableFuture<String> failed = documents.failLater();
            assertThatThrownBy(failed::join).hasCauseInstanceOf(IllegalStateException.class);
        }
        assertThat(backend.usage("acme", "document_created")).isZero();
        assertThat(documents.createLater("doc").get(10, TimeUnit.SECONDS)).isEqualTo("doc");
        assertThat(backend.usage("acme", "document_created")).isEqualTo(1);
    }

    @Test
    void aDeniedFutureFailsWithTheDecision() throws Exception {
        CALLER.set(Identity.ofCustomer("acme"));
        for (int i = 0; i < 3; i++) {
            documents.createLater("doc").get(10, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> documents.createLater("doc").get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(FeatureAccessDeniedException.class)
                .hasMessageContaining("LIMIT_REACHED (usage 3 of 3)");
    }

    /** {@code CALLS} concurrent calls as customer acme; returns how many ran. */
    private int burst(Supplier<?> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(CALLS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            results.add(callers.submit(() -> {
                CALLER.set(Identity.ofCustomer("acme"));
                ready.countDown();
                go.await();
                try {
                    call.get();
                    return true;
                }
                catch (FeatureAccessDeniedException | IllegalStateException denied) {
                    return false;
                }
                catch (java.util.concurrent.CompletionException failed) {
                    return false;
                }
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        int ran = 0;
        for (Future<Boolean> result : results) {
            ran += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        return ran;
    }

    private static <T> T join(CompletableFuture<T> future) {
        return future.join();
    }

    private <T> T proxy(T target) {
        TrackingExpressionEvaluator evaluator = new TrackingExpressionEvaluator(null);
        TrackingAnnotations annotations = new TrackingAnnotations(evaluator, () -> true);
        AspectSupport support = new AspectSupport(() -> tracker, () -> CALLER::get, annotations, evaluator, List::of);
        ProxyFactory factory = new ProxyFactory(target);
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new GateOnFeatureAspect(support, OnNoAnswer.DENY, 1000));
        factory.addAdvisor(new TrackEventAspect(support, 1200));
        @SuppressWarnings("unchecked")
        T proxy = (T) factory.getProxy();
        return proxy;
    }

    public static class Documents {

        final java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();
        private final ExecutorService elsewhere;
        Copies copies;

        public Documents() {
            this(null);
        }

        Documents(ExecutorService elsewhere) {
            this.elsewhere = elsewhere;
        }

        @GateOnFeature(event = "document_created")
        @TrackEvent("document_created")
        public String create(String name) {
            created.incrementAndGet();
            return name;
        }

        @GateOnFeature(event = "report_exported")
        @TrackEvent("report_exported")
        public void export() {
        }

        @GateOnFeature(event = "document_created")
        @TrackEvent("document_created")
        public void createWithCopy() {
            copies.copy();
        }

        @GateOnFeature(event = "document_created")
        @TrackEvent("document_created")
        public String failToCreate() {
            throw new IllegalStateException("storage is down");
        }

        @GateOnFeature(event = "document_created")
        @TrackEvent("document_created")
        public CompletableFuture<String> createLater(String name) {
            return CompletableFuture.supplyAsync(() -> name, elsewhere);
        }

        @GateOnFeature(event = "document_created")
        @TrackEvent("document_created")
        public CompletableFuture<String> failLater() {
            return CompletableFuture.supplyAsync(() -> {
                throw new IllegalStateException("storage is down");
            }, elsewhere);
        }
    }

    /** Another bean whose tracked method a gated method calls. */
    public static class Copies {

        @TrackEvent("document_created")
        public void copy() {
        }
    }
}
