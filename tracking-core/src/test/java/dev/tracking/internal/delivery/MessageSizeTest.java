package dev.tracking.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.DeliveryOptions;
import dev.tracking.IdentifyMessage;
import dev.tracking.Identity;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.support.ScriptedDestination;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A message is measured by the bytes its text takes escaped in JSON, not by its length in characters. */
class MessageSizeTest {

    /** 30,000 control characters: each is a six-byte escape in JSON, 180,000 bytes in all. */
    private static final String CONTROL = "\u0001".repeat(30_000);
    private static final int LIMIT = 150_000;

    private final ScriptedDestination takesAll = new ScriptedDestination("takes-all");
    private Tracker tracker;

    @AfterEach
    void close() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void controlCharactersCountAsTheirEscapesWhereverTheyAre() {
        TrackMessage flat = TrackMessage.builder("e").customerId("acme").property("log", CONTROL).build();
        TrackMessage nested = TrackMessage.builder("e").customerId("acme")
                .property("logs", List.of(Map.of("line", CONTROL))).build();
        IdentifyMessage traits = IdentifyMessage.builder().userId("u1").trait("log", CONTROL).build();

        assertThat(MessageSize.estimate(flat)).isGreaterThanOrEqualTo(180_000);
        assertThat(MessageSize.estimate(nested)).isGreaterThanOrEqualTo(180_000);
        assertThat(MessageSize.estimate(traits)).isGreaterThanOrEqualTo(180_000);
    }

    @Test
    void shortEscapesAndPlainTextCountTheirOwnBytes() {
        int plain = MessageSize.estimate(TrackMessage.builder("e").customerId("acme")
                .property("log", "x".repeat(30_000)).build());
        int newlines = MessageSize.estimate(TrackMessage.builder("e").customerId("acme")
                .property("log", "\n".repeat(30_000)).build());

        assertThat(plain).isBetween(30_000, 31_000);
        assertThat(newlines).isBetween(60_000, 61_000);
    }

    @Test
    void aTrackerWhoseLimitIsBelowTheEscapedSizeRefusesTheMessageAtTheCall() {
        tracker = Tracker.builder().destination(takesAll)
                .delivery(DeliveryOptions.builder().maxEventBytes(LIMIT).build()).build();

        assertThatThrownBy(() -> tracker.track("logged", Identity.ofCustomer("acme"), Map.of("log", CONTROL)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEventBytes");
        tracker.track("logged", Identity.ofCustomer("acme"), Map.of("log", "x".repeat(30_000)));

        assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(tracker.stats().get(0).accepted()).as("only the plain text of the same length").isEqualTo(1);
        assertThat(tracker.stats().get(0).delivered()).isEqualTo(1);
    }
}
