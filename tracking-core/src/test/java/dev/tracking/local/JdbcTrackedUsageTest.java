package dev.tracking.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.DeliveryOptions;
import dev.tracking.Identity;
import dev.tracking.Tracker;
import dev.tracking.local.jdbc.JdbcLocalStore;
import dev.tracking.local.jdbc.JdbcSchema;
import java.time.Duration;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On a database store, tracked events count at once for this instance and reach the database from the sender. */
class JdbcTrackedUsageTest {

    private final JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:tracked;DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcLocalStore store;
    private final LocalBackend backend;
    private final Tracker tracker;

    JdbcTrackedUsageTest() {
        JdbcSchema.initialize(pool);
        store = JdbcLocalStore.create(pool);
        backend = LocalBackend.builder().plan(LocalPlan.of("free").limit("api_call", 100))
                .customer("acme", null, null, "free").store(store).build();
        tracker = Tracker.builder().local(backend)
                .delivery(DeliveryOptions.builder().flushInterval(Duration.ofMinutes(10)).build()).build();
    }

    @AfterEach
    void close() {
        tracker.close();
        pool.dispose();
    }

    @Test
    void trackedEventsCountAtOnceAndAreWrittenByTheSender() {
        for (int i = 0; i < 5; i++) {
            tracker.track("api_call", Identity.ofCustomer("acme"), null);
        }
        assertThat(backend.usage("acme", "api_call")).isEqualTo(5);
        assertThat(backend.usage("acme")).containsEntry("api_call", 5L);
        assertThat(LocalBackend.builder().plan(LocalPlan.of("free")).store(store).build().usage("acme", "api_call"))
                .as("not in the database before delivery").isZero();

        assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(LocalBackend.builder().plan(LocalPlan.of("free")).store(store).build().usage("acme", "api_call"))
                .isEqualTo(5);
        assertThat(backend.usage("acme", "api_call")).isEqualTo(5);
    }
}
