package dev.tracking.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.DeliveryOptions;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.access.AccessReason;
import dev.tracking.access.Reservation;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Subscription;
import dev.tracking.local.jdbc.JdbcLocalStore;
import dev.tracking.local.jdbc.JdbcSchema;
import dev.tracking.support.EmbeddedPostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several "instances" (backends and trackers) on one real PostgreSQL database, and restarts. */
class PostgresInstancesTest {

    private final DataSource database = EmbeddedPostgresServer.newDatabase();
    private final List<Tracker> trackers = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(200);

    PostgresInstancesTest() {
        JdbcSchema.initialize(database);
    }

    @AfterEach
    void stop() throws InterruptedException {
        trackers.forEach(Tracker::close);
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    private LocalBackend instance(Duration accountCacheTtl) {
        return LocalBackend.builder()
                .plan(LocalPlan.of("free").limit("report_exported", 50))
                .plan(LocalPlan.of("pro").feature("slack_integration"))
                .customer("acme", "Acme Inc", "billing@acme.test", "free")
                .store(JdbcLocalStore.create(database)).accountCacheTtl(accountCacheTtl).build();
    }

    private Tracker tracker(LocalBackend backend) {
        Tracker tracker = Tracker.builder().local(backend)
                .delivery(DeliveryOptions.builder().flushInterval(Duration.ofMillis(50)).build()).build();
        trackers.add(tracker);
        return tracker;
    }

    @Test
    void twoInstancesTogetherAllowExactlyTheLimit() throws Exception {
        Tracker one = tracker(instance(Duration.ofSeconds(5)));
        Tracker two = tracker(instance(Duration.ofSeconds(5)));
        CountDownLatch ready = new CountDownLatch(200);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Tracker tracker = i % 2 == 0 ? one : two;
            calls.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                Reservation reservation = tracker.entitlements().tryConsume("acme", "report_exported", 1);
                if (reservation.allowed()) {
                    tracker.track(TrackMessage.builder("report_exported").customerId("acme").build(), reservation);
                }
                return reservation.allowed();
            }));
        }
        assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        int allowed = 0;
        for (Future<Boolean> call : calls) {
            allowed += call.get(120, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(50);
        assertThat(one.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(two.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(LocalBackend.usedBy(one).orElseThrow().usage("acme", "report_exported")).isEqualTo(50);
        assertThat(two.entitlements().checkEvent("acme", "report_exported").reason())
                .isEqualTo(AccessReason.LIMIT_REACHED);
    }

    @Test
    void aRestartKeepsUsageAndPlanChangesAndDoesNotSeedAgain() {
        LocalBackend first = instance(Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            first.tryConsume("acme", "report_exported", 1).commit();
        }
        Subscription free = first.listSubscriptions("acme").get(0);
        first.cancelSubscription("acme", free.subscriptionId(), new CancelOptions(true, false));
        Subscription pro = first.createSubscription("acme", "pro", null);

        LocalBackend restarted = instance(Duration.ofSeconds(5));
        assertThat(restarted.usage("acme", "report_exported")).isEqualTo(3);
        assertThat(restarted.listSubscriptions("acme")).extracting(Subscription::planId, Subscription::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("free", "ended"),
                        org.assertj.core.groups.Tuple.tuple("pro", "active"));
        assertThat(restarted.checkFeature("acme", "slack_integration").allowed()).isTrue();
        assertThat(restarted.getCustomer("acme")).get().extracting(c -> c.email()).isEqualTo("billing@acme.test");
        assertThat(pro.subscriptionId()).startsWith("sub_");
    }

    @Test
    void aPlanChangeMadeByAnotherInstanceShowsOnceTheCachedAccountExpires() {
        LocalBackend one = instance(Duration.ZERO);
        LocalBackend cached = instance(Duration.ofHours(1));
        assertThat(cached.checkFeature("acme", "slack_integration").allowed()).isFalse();
        one.createSubscription("acme", "pro", null);
        assertThat(cached.checkFeature("acme", "slack_integration").allowed())
                .as("served from the cached account").isFalse();
        assertThat(instance(Duration.ZERO).checkFeature("acme", "slack_integration").allowed()).isTrue();
        cached.createSubscription("acme", "pro", null);
        assertThat(cached.checkFeature("acme", "slack_integration").allowed())
                .as("a change through this instance drops its cached account").isTrue();
    }
}
