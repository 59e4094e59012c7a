package dev.tracking.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.tracking.DestinationStats;
import dev.tracking.Tracker;
import dev.tracking.outbox.Outbox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The outbox in the {@code tracking} endpoint and health component. */
class OutboxActuatorTest {

    private final Tracker tracker = mock(Tracker.class);
    private final TableOutbox outbox = new TableOutbox();
    private final TrackingEndpoint endpoint = new TrackingEndpoint(tracker);
    private final TrackingHealthIndicator health = new TrackingHealthIndicator(tracker, 3);

    @BeforeEach
    void setUp() {
        given(tracker.stats()).willReturn(List.of(DestinationStats.builder("lotus").accepted(5).delivered(2).failed(1)
                .pending(2).build()));
        given(tracker.outbox()).willReturn(Optional.of(outbox));
        outbox.pending.put("lotus", 2L);
        outbox.failed.put("lotus", 1L);
    }

    @Test
    void theEndpointShowsPendingAndFailedRowsPerDestinationAndTheNotDurableAndWrittenLateCounts() {
        outbox.notDurable = 4;
        outbox.writtenLate = 3;

        assertThat(endpoint.tracking().get("outbox")).asInstanceOf(MAP)
                .containsEntry("notDurable", 4L)
                .containsEntry("writtenLate", 3L)
                .extractingByKey("destinations").asInstanceOf(MAP)
                .containsOnlyKeys("lotus")
                .extractingByKey("lotus").isEqualTo(Map.of("pending", 2L, "failed", 1L));
    }

    @Test
    void aCoveredDestinationsOwnViewShowsItsRows() {
        assertThat(endpoint.destination("lotus")).containsEntry("outbox", Map.of("pending", 2L, "failed", 1L))
                .containsEntry("accepted", 5L);
    }

    @Test
    void withoutAnOutboxTheEndpointHasNoOutboxSection() {
        given(tracker.outbox()).willReturn(Optional.empty());

        assertThat(endpoint.tracking()).doesNotContainKey("outbox");
        assertThatThrownBy(() -> endpoint.replay("lotus", TrackingEndpoint.REPLAY_FAILED))
                .isInstanceOf(InvalidEndpointRequestException.class).hasMessageContaining("tracking.outbox.enabled");
    }

    @Test
    void theReplayOperationMakesTheFailedRowsOfADestinationPendingAgain() {
        Map<String, Object> answer = endpoint.replay("lotus", TrackingEndpoint.REPLAY_FAILED);

        assertThat(answer).containsEntry("destination", "lotus").containsEntry("replayed", 1);
        assertThat(outbox.failed).containsEntry("lotus", 0L);
        assertThat(outbox.pending).containsEntry("lotus", 3L);
    }

    @Test
    void theReplayOperationRefusesAnUnknownActionOrADestinationOutsideTheOutbox() {
        assertThatThrownBy(() -> endpoint.replay("lotus", "purge"))
                .isInstanceOf(InvalidEndpointRequestException.class).hasMessageContaining("replay-failed");
        assertThatThrownBy(() -> endpoint.replay("local", TrackingEndpoint.REPLAY_FAILED))
                .isInstanceOf(InvalidEndpointRequestException.class).hasMessageContaining("[lotus]");
        assertThat(outbox.failed).containsEntry("lotus", 1L);
    }

    @Test
    void healthShowsTheOutboxAndWarnsWhileMessagesWereKeptInMemoryOnlyWithoutGoingDown() {
        Health durable = health.health();
        assertThat(durable.getStatus()).isEqualTo(Status.UP);
        assertThat(durable.getDetails()).containsKey("outbox").doesNotContainKey("warnings");

        outbox.notDurable = 7;

        Health notDurable = health.health();
        assertThat(notDurable.getStatus()).isEqualTo(Status.UP);
        assertThat(notDurable.getDetails().get("outbox")).asInstanceOf(MAP).containsEntry("notDurable", 7L);
        assertThat(notDurable.getDetails().get("warnings")).asInstanceOf(LIST).singleElement().asString()
                .contains("7 message(s)").contains("not_durable");
    }

    @Test
    void aCountTheDatabaseCannotGiveShowsAsUnreadableWithoutItsMessage() {
        outbox.down = true;

        Health health = this.health.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("outbox")).asInstanceOf(MAP).extractingByKey("destinations")
                .asInstanceOf(MAP).extractingByKey("lotus").asInstanceOf(MAP)
                .containsEntry("pending", null).containsEntry("unreadable", "IllegalStateException")
                .asString().doesNotContain("jdbc:");
    }

    /** The table's state, as the real outbox reads it. */
    static final class TableOutbox implements Outbox {

        final Map<String, Long> pending = new HashMap<>();
        final Map<String, Long> failed = new HashMap<>();
        long notDurable;
        long writtenLate;
        boolean down;

        @Override
        public Set<String> destinations() {
            return Set.of("lotus");
        }

        @Override
        public long pending(String destination) {
            check();
            return pending.getOrDefault(destination, 0L);
        }

        @Override
        public long failed(String destination) {
            check();
            return failed.getOrDefault(destination, 0L);
        }

        @Override
        public long notDurable() {
            return notDurable;
        }

        @Override
        public long writtenLate() {
            return writtenLate;
        }

        @Override
        public int replayFailed(String destination) {
            long rows = failed.getOrDefault(destination, 0L);
            failed.put(destination, 0L);
            pending.merge(destination, rows, Long::sum);
            return (int) rows;
        }

        private void check() {
            if (down) {
                throw new IllegalStateException("connection refused: jdbc:postgresql://db:5432/app");
            }
        }
    }
}
