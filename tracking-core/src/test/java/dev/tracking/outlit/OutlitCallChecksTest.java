package dev.tracking.outlit;

import static dev.tracking.outlit.OutlitTestTrackers.DELIVERY;
import static dev.tracking.outlit.OutlitTestTrackers.tracker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.ActivationMessage;
import dev.tracking.IdentifyMessage;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.contract.OutlitServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What today's Outlit contract would reject is refused at the call, so it cannot fail a request of 100 events. */
class OutlitCallChecksTest {

    private final OutlitServer outlit = new OutlitServer();

    @AfterEach
    void stop() {
        outlit.close();
    }

    @Test
    void aNestedOrListTraitIsRefusedAtTheCallNamingTheTrait() {
        try (Tracker tracker = tracker(outlit.outlitOptions(), DELIVERY)) {
            assertThatThrownBy(() -> tracker.identify(IdentifyMessage.builder().userId("u1")
                    .trait("address", Map.of("city", "Oslo")).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("traits.address");
            assertThatThrownBy(() -> tracker.identify(IdentifyMessage.builder().userId("u1")
                    .customerTrait("tags", List.of("a", "b")).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customerTraits.tags");
            assertThatThrownBy(() -> tracker.track(TrackMessage.builder("x").customerId("acme")
                    .customerTrait("seats", new int[] {1}).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customerTraits.seats");

            tracker.identify(IdentifyMessage.builder().userId("u1").trait("name", "Ann").trait("age", 33)
                    .trait("vip", true).trait("nickname", null).trait("since", Instant.EPOCH)
                    .customerTrait("plan", "pro").build());
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(tracker.stats().get(0).accepted()).isEqualTo(1);
            assertThat(tracker.stats().get(0).delivered()).isEqualTo(1);
        }
        assertThat(outlit.events()).singleElement()
                .satisfies(e -> assertThat(e.path("traits").path("since").asString()).isEqualTo("1970-01-01T00:00:00Z"));
    }

    @Test
    void propertiesOfACustomEventMayStillHoldAnyJson() {
        try (Tracker tracker = tracker(outlit.outlitOptions(), DELIVERY)) {
            tracker.track(TrackMessage.builder("x").userId("u1").property("nested", Map.of("list", List.of(1, 2)))
                    .build());
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(outlit.events()).singleElement()
                .satisfies(e -> assertThat(e.path("properties").path("nested").path("list").size()).isEqualTo(2));
    }

    @Test
    void anEmailTheContractsPatternRefusesIsRefusedAtTheCall() {
        try (Tracker tracker = tracker(outlit.outlitOptions(), DELIVERY)) {
            for (String bad : List.of("ann", "ann@example", ".ann@example.com", "ann..b@example.com",
                    "ann smith@example.com", "ann@-example.com")) {
                assertThatThrownBy(() -> tracker.track(TrackMessage.builder("x").email(bad).build()))
                        .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email")
                        .hasMessageNotContaining(bad);
            }
            assertThatThrownBy(() -> tracker.identify(IdentifyMessage.builder().email("nope").build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email");
            assertThatThrownBy(() -> tracker.activate(ActivationMessage.activated().email("nope").build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email");

            tracker.track(TrackMessage.builder("x").email("o'neil+tag@mail.example.co.uk").build());
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(tracker.stats().get(0).accepted()).isEqualTo(1);
        }
    }

    @Test
    void theLegacyProtocolStillTakesNestedTraitsAsOutlit1xDid() {
        try (OutlitServer legacy = new OutlitServer(OutlitProtocol.LEGACY_V1);
                Tracker tracker = tracker(legacy.outlitOptions(), DELIVERY)) {
            tracker.identify(IdentifyMessage.builder().userId("u1").trait("address", Map.of("city", "Oslo")).build());
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(tracker.stats().get(0).delivered()).isEqualTo(1);
        }
    }
}
