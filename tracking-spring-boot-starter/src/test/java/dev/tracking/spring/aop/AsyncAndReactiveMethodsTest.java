package dev.tracking.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.Identity;
import dev.tracking.Tracker;
import dev.tracking.access.FeatureAccessDeniedException;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;
import dev.tracking.local.LocalBackend;
import dev.tracking.local.RecordedEvent;
import dev.tracking.spring.autoconfigure.TrackingAspectsAutoConfiguration;
import dev.tracking.spring.autoconfigure.TrackingAutoConfiguration;
import dev.tracking.spring.identity.IdentityResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * {@code @Async} methods in a Spring context are gated and tracked on the caller's thread with the caller's
 * identity, exactly up to the limit; a method returning a reactive {@code Publisher} fails startup.
 */
class AsyncAndReactiveMethodsTest {

    /** Stands in for Spring Security's thread-bound context: empty on the executor's threads. */
    static final ThreadLocal<Identity> CALLER = ThreadLocal.withInitial(Identity::empty);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, TrackingAutoConfiguration.class,
                    TrackingAspectsAutoConfiguration.class))
            .withPropertyValues("tracking.local.plans.free.limits.document_created=3",
                    "tracking.local.plans.pro.features=slack_integration",
                    "tracking.local.customers.acme.plan=free", "tracking.local.customers.globex.plan=pro",
                    "tracking.batch.flush-interval=20ms")
            .withUserConfiguration(AsyncConfig.class);

    @Test
    void asyncMethodsAreGatedAndTrackedForTheCallerExactlyToTheLimit() {
        runner.run(context -> {
            Documents documents = context.getBean(Documents.class);
            ExecutorService callers = Executors.newFixedThreadPool(50);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> calls = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    calls.add(callers.submit(() -> {
                        CALLER.set(Identity.ofCustomer("acme"));
                        go.await();
                        try {
                            documents.create().join();
                            return true;
                        }
                        catch (CompletionException denied) {
                            assertThat(denied).hasCauseInstanceOf(FeatureAccessDeniedException.class);
                            return false;
                        }
                    }));
                }
                go.countDown();
                int ran = 0;
                for (Future<Boolean> call : calls) {
                    ran += call.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(ran).isEqualTo(3);
            }
            finally {
                callers.shutdownNow();
            }
            Tracker tracker = context.getBean(Tracker.class);
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
            LocalBackend backend = context.getBean(LocalBackend.class);
            assertThat(backend.usage("acme", "document_created")).isEqualTo(3);
            assertThat(backend.recentEvents()).extracting(RecordedEvent::name).containsOnly("document_created");
            assertThat(backend.recentEvents()).allSatisfy(
                    event -> assertThat(event.identity().customerId()).isEqualTo("acme"));
            assertThat(context.getBean(Documents.class).threads()).allSatisfy(
                    thread -> assertThat(thread).startsWith("async-"));
        });
    }

    @Test
    void aVoidAsyncMethodOfAProCustomerIsAllowedWithTheCallersIdentity() {
        runner.run(context -> {
            Documents documents = context.getBean(Documents.class);
            CALLER.set(Identity.ofCustomer("globex"));
            try {
                documents.postToSlack();
            }
            finally {
                CALLER.remove();
            }
            Tracker tracker = context.getBean(Tracker.class);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();
                assertThat(context.getBean(LocalBackend.class).recentEvents()).singleElement().satisfies(event -> {
                    assertThat(event.name()).isEqualTo("slack_message_sent");
                    assertThat(event.identity().customerId()).isEqualTo("globex");
                });
            });
        });
    }

    @Test
    void aMethodReturningAPublisherFailsStartupNamingIt() {
        runner.withBean(Streams.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .isInstanceOf(InvalidTrackingAnnotationException.class)
                    .hasMessageContaining(Streams.class.getName() + ".documents(..)")
                    .hasMessageContaining("reactive");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAsync
    static class AsyncConfig {

        @Bean
        ThreadPoolTaskExecutor taskExecutor() {
            ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
            executor.setCorePoolSize(4);
            executor.setThreadNamePrefix("async-");
            return executor;
        }

        @Bean
        IdentityResolver identityResolver() {
            return CALLER::get;
        }

        @Bean
        Documents documents() {
            return new Documents();
        }
    }

    public static class Documents {

        private final List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Async
        @GateOnFeature(event = "document_created")
        @TrackEvent("document_created")
        public CompletableFuture<String> create() {
            threads.add(Thread.currentThread().getName());
            return CompletableFuture.completedFuture("doc");
        }

        @Async
        @GateOnFeature("slack_integration")
        @TrackEvent("slack_message_sent")
        public void postToSlack() {
            threads.add(Thread.currentThread().getName());
        }

        public List<String> threads() {
            return threads;
        }
    }

    public static class Streams {

        @TrackEvent(value = "listed", customerId = "'acme'")
        public Publisher<String> documents() {
            return Subscriber::onComplete;
        }
    }
}
