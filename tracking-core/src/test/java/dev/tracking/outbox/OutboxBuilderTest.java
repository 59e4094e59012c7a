package dev.tracking.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.DeliveryOptions;
import dev.tracking.RetryOptions;
import dev.tracking.Tracker;
import dev.tracking.local.LocalBackend;
import dev.tracking.support.ScriptedDestination;
import java.time.Duration;
import java.util.Set;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@code TrackerBuilder.outbox(…)} checks and which destinations it covers. */
class OutboxBuilderTest {

    private final JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:outboxbuilder;DB_CLOSE_DELAY=-1",
            "sa", "");

    @AfterEach
    void dispose() {
        pool.dispose();
    }

    @Test
    void theLeaseMustExceedTheDeliveryTimeout() {
        OutboxOptions options = OutboxOptions.builder(pool).lease(Duration.ofSeconds(30)).build();
        assertThatThrownBy(() -> Tracker.builder().destination(new ScriptedDestination("sink")).outbox(options)
                .delivery(DeliveryOptions.builder().retry(RetryOptions.builder()
                        .deliveryTimeout(Duration.ofSeconds(30)).build()).build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("outbox.lease");
    }

    @Test
    void aCoveredDestinationMustExist() {
        OutboxOptions options = OutboxOptions.builder(pool).destinations(java.util.Set.of("outlit")).build();
        ScriptedDestination sink = new ScriptedDestination("sink");
        assertThatThrownBy(() -> Tracker.builder().destination(sink).outbox(options).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outbox.destinations").hasMessageContaining("outlit");
        assertThat(sink.isClosed()).isTrue();
    }

    @Test
    void aCoveredDestinationsNameMustFitTheTable() {
        OutboxSchema.initialize(pool);
        ScriptedDestination longName = new ScriptedDestination("d".repeat(65));
        assertThatThrownBy(() -> Tracker.builder().destination(longName).outbox(OutboxOptions.builder(pool).build())
                .build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("destination name")
                .hasMessageContaining("at most 64");
        assertThat(longName.isClosed()).isTrue();
        try (Tracker tracker = Tracker.builder().destination(new ScriptedDestination("d".repeat(64)))
                .outbox(OutboxOptions.builder(pool).build()).build()) {
            assertThat(tracker.outbox()).get().extracting(Outbox::destinations).isEqualTo(Set.of("d".repeat(64)));
        }
    }

    @Test
    void theInstanceIdMustFitTheTable() {
        assertThatThrownBy(() -> OutboxOptions.builder(pool).instanceId("i".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("instanceId");
        assertThat(OutboxOptions.builder(pool).instanceId("i".repeat(64)).build().instanceId()).hasSize(64);
    }

    @Test
    void byDefaultEveryDestinationButTheLocalBackendIsCovered() {
        OutboxSchema.initialize(pool);
        try (Tracker tracker = Tracker.builder().local(LocalBackend.builder().build())
                .destination(new ScriptedDestination("sink")).destination(new ScriptedDestination("other"))
                .outbox(OutboxOptions.builder(pool).build()).build()) {
            assertThat(tracker.outbox()).get().extracting(Outbox::destinations)
                    .isEqualTo(java.util.Set.of("sink", "other"));
            assertThatThrownBy(() -> tracker.outbox().orElseThrow().pending("local"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("destination");
        }
        try (Tracker plain = Tracker.builder().build()) {
            assertThat(plain.outbox()).isEmpty();
        }
    }
}
