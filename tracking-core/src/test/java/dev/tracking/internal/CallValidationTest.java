package dev.tracking.internal;

import static dev.tracking.support.Messages.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.DestinationStats;
import dev.tracking.Identity;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.support.ScriptedDestination;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallValidationTest {

    private final ScriptedDestination needsUser = new ScriptedDestination("needs-user")
            .skipping(m -> m.identity().userId() == null ? "no_user_id" : null);
    private final ScriptedDestination takesAll = new ScriptedDestination("takes-all");
    private Tracker tracker;

    @AfterEach
    void close() {
        tracker.close();
    }

    @Test
    void aDestinationThatSkipsAMessageCountsItAsAcceptedAndDropped() {
        tracker = Tracker.builder().destination(needsUser).destination(takesAll)
                .delivery(DeliveryPipelineTest.FAST).build();
        tracker.track(numbered(1));

        assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();
        DestinationStats skipped = tracker.stats().get(0);
        assertThat(skipped.accepted()).isEqualTo(1);
        assertThat(skipped.droppedByReason()).containsEntry("no_user_id", 1L);
        assertThat(tracker.stats().get(1).delivered()).isEqualTo(1);
    }

    @Test
    void aMessageNoDestinationTakesIsRefusedNamingTheReason() {
        tracker = Tracker.builder().destination(needsUser).delivery(DeliveryPipelineTest.FAST).build();

        assertThatThrownBy(() -> tracker.track(numbered(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_user_id")
                .hasMessageContaining("needs-user");
        assertThat(tracker.stats().get(0).accepted()).isZero();
    }

    @Test
    void aDestinationsValidationErrorReachesTheCallerAndNothingIsAccepted() {
        tracker = Tracker.builder().destination(takesAll).destination(new ValidatingDestination())
                .delivery(DeliveryPipelineTest.FAST).build();

        assertThatThrownBy(() -> tracker.track(TrackMessage.builder("too_old").customerId("acme")
                .timestamp(java.time.Instant.EPOCH).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timestamp");
        assertThat(tracker.stats()).allSatisfy(stats -> assertThat(stats.accepted()).isZero());
    }

    @Test
    void anOversizedMessageIsRefusedAtTheCall() {
        tracker = Tracker.builder().destination(takesAll)
                .delivery(DeliveryPipelineTest.FAST.toBuilder().maxEventBytes(1024).build()).build();

        assertThatThrownBy(() -> tracker.track("big", Identity.ofCustomer("acme"), Map.of("blob", "x".repeat(2000))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEventBytes");
    }

    @Test
    void blankNamesMissingIdentitiesAndUnserializableValuesAreRefused() {
        tracker = Tracker.builder().destination(takesAll).delivery(DeliveryPipelineTest.FAST).build();

        assertThatThrownBy(() -> tracker.track(" ", Identity.ofCustomer("acme"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventName");
        assertThatThrownBy(() -> tracker.track("e", Identity.empty(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("identity");
        assertThatThrownBy(() -> tracker.track("e", Identity.ofCustomer("acme"), Map.of("thread", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("properties.thread");
    }

    @Test
    void theUsageObserverSeesAcceptedEventsOnTheCallersThread() {
        List<String> seen = new CopyOnWriteArrayList<>();
        ObservingBackend backend = new ObservingBackend(seen);
        tracker = new DefaultTracker(List.of(takesAll), DeliveryPipelineTest.FAST, List.of(), backend, null,
                java.time.Clock.systemUTC());

        tracker.track(numbered(7));
        tracker.identify(dev.tracking.IdentifyMessage.builder().userId("u").build());

        assertThat(seen).containsExactly(Thread.currentThread().getName() + ":event_7");
    }

    /** Refuses messages older than a day, as a server with a time window would. */
    private static final class ValidatingDestination extends ScriptedDestinationBase {
        @Override
        public void validate(Message message) {
            if (message.timestamp().isBefore(java.time.Instant.now().minus(Duration.ofDays(1)))) {
                throw new IllegalArgumentException("timestamp is more than a day old");
            }
        }
    }

    private abstract static class ScriptedDestinationBase implements dev.tracking.spi.Destination {
        @Override
        public String name() {
            return "validating";
        }

        @Override
        public String skipReason(Message message) {
            return null;
        }

        @Override
        public dev.tracking.spi.SendResult send(List<Message> batch) {
            return dev.tracking.spi.SendResult.delivered(batch.size());
        }
    }

    private record ObservingBackend(List<String> seen) implements dev.tracking.access.Entitlements,
            dev.tracking.spi.UsageObserver {
        @Override
        public void onTracked(TrackMessage message) {
            seen.add(Thread.currentThread().getName() + ":" + message.eventName());
        }

        @Override
        public dev.tracking.access.AccessDecision checkFeature(String c, String f, dev.tracking.access.OnNoAnswer o) {
            return null;
        }

        @Override
        public dev.tracking.access.AccessDecision checkEvent(String c, String e, dev.tracking.access.OnNoAnswer o) {
            return null;
        }
    }
}
