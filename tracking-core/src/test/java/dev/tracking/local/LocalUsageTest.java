package dev.tracking.local;

import static dev.tracking.local.StampedMessages.times;
import static dev.tracking.local.StampedMessages.track;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.TrackMessage;
import dev.tracking.access.AccessReason;
import dev.tracking.spi.SendResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalUsageTest {

    private final MutableClock clock = new MutableClock("2026-01-31T23:59:00Z");
    private final LocalBackend backend = LocalBackend.builder()
            .plan(LocalPlan.of("free").limit("report_exported", 3))
            .customer("acme", "Acme Inc", "billing@acme.test", "free")
            .clock(clock)
            .build();

    @Test
    void everyTrackedEventCountsTowardItsCustomerAndName() {
        SendResult result = backend.send(List.of(
                track("acme", "report_exported", "2026-01-31T10:00:00Z"),
                track("acme", "report_exported", "2026-01-31T11:00:00Z"),
                track("acme", "api_call", "2026-01-02T00:00:00Z"),
                track("globex", "report_exported", "2026-01-31T11:00:00Z")));

        assertThat(result.allDelivered()).isTrue();
        assertThat(result.size()).isEqualTo(4);
        assertThat(backend.usage("acme")).containsExactly(Map.entry("api_call", 1L), Map.entry("report_exported", 2L));
        assertThat(backend.usage("acme", "report_exported")).isEqualTo(2);
        assertThat(backend.usage("globex", "report_exported")).isEqualTo(1);
        assertThat(backend.usage("initech", "report_exported")).isZero();
    }

    @Test
    void usageStartsAgainWhenTheClockEntersANewMonth() {
        backend.send(times(3, "acme", "report_exported", "2026-01-31T23:58:00Z"));
        assertThat(backend.checkEvent("acme", "report_exported").reason()).isEqualTo(AccessReason.LIMIT_REACHED);

        clock.advance(Duration.ofMinutes(1));

        assertThat(backend.usage("acme", "report_exported")).isZero();
        assertThat(backend.checkEvent("acme", "report_exported").allowed()).isTrue();
        backend.send(List.of(track("acme", "report_exported", "2026-02-01T00:00:00Z")));
        assertThat(backend.checkEvent("acme", "report_exported").usage()).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void anEventCountsInTheMonthOfItsOwnTimestamp() {
        backend.send(List.of(track("acme", "report_exported", "2026-02-01T00:00:05Z")));

        assertThat(backend.usage("acme", "report_exported")).isZero();
        clock.set("2026-02-10T00:00:00Z");
        assertThat(backend.usage("acme", "report_exported")).isEqualTo(1);
    }

    @Test
    void anEventStampedInAMonthThatHasEndedIsNotCounted() {
        clock.set("2026-02-01T00:00:10Z");

        backend.send(List.of(track("acme", "report_exported", "2026-01-31T23:59:59Z")));

        assertThat(backend.usage("acme")).isEmpty();
        assertThat(backend.totals().tracked()).isEqualTo(1);
        assertThat(backend.totals().trackedNotCounted()).isEqualTo(1);
    }

    @Test
    void pastMonthsAreForgottenSoLeavingAndReturningDoesNotRestoreThem() {
        backend.send(times(2, "acme", "report_exported", "2026-01-31T10:00:00Z"));
        clock.set("2026-02-01T00:00:00Z");
        assertThat(backend.usage("acme")).isEmpty();

        clock.set("2026-01-31T23:59:30Z");

        assertThat(backend.usage("acme", "report_exported")).isZero();
    }

    @Test
    void eventsWithoutACustomerAreRecordedButCountTowardNobody() {
        backend.send(List.of(TrackMessage.builder("page_viewed").userId("u1").build()));

        assertThat(backend.customerStates()).extracting(CustomerState::customerId).containsExactly("acme");
        assertThat(backend.totals().trackedNotCounted()).isEqualTo(1);
        assertThat(backend.recentEvents()).singleElement()
                .satisfies(event -> assertThat(event.identity().userId()).isEqualTo("u1"));
    }

    @Test
    void anEventCountedOnAcceptanceIsRecordedButNotCountedAgainWhenDeliveredToTheCountedView() throws Exception {
        TrackMessage accepted = track("acme", "report_exported", "2026-01-31T10:00:00Z");
        TrackMessage deliveredOnly = track("acme", "report_exported", "2026-01-31T10:00:01Z");

        backend.onTracked(accepted);
        assertThat(backend.usage("acme", "report_exported")).isEqualTo(1);
        assertThat(backend.countedOnAcceptance().send(List.of(accepted)).allDelivered()).isTrue();
        assertThat(backend.usage("acme", "report_exported")).isEqualTo(1);
        backend.send(List.of(deliveredOnly));

        assertThat(backend.usage("acme", "report_exported")).isEqualTo(2);
        assertThat(backend.totals().tracked()).isEqualTo(2);
        assertThat(backend.recentEvents()).hasSize(2);
        assertThat(backend.countedOnAcceptance().name()).isEqualTo(LocalBackend.NAME);
    }
}
