package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.tracking.DestinationStats;
import dev.tracking.Tracker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;

@ExtendWith(OutputCaptureExtension.class)
class TrackingLifecycleTest {

    private final Tracker tracker = mock(Tracker.class);
    private final TrackingLifecycle lifecycle = new TrackingLifecycle(tracker, Duration.ofSeconds(30));

    @Test
    void stopsAfterTheWebServerHasShutDownGracefullyAndStopped() {
        int webServerStop = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024;
        assertThat(lifecycle.getPhase()).isLessThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE)
                .isLessThan(webServerStop);
    }

    @Test
    void closesOnceAndLogsWhatCouldNotBeDeliveredIncludingMessagesRecordedWhileClosing(CapturedOutput output) {
        DestinationStats before = stats(1_000, 750, 0, 0, 250);
        DestinationStats afterTwoRacedTheClose = stats(1_002, 997, 3, 2, 0);
        given(tracker.stats()).willReturn(List.of(before), List.of(afterTwoRacedTheClose));
        lifecycle.start();
        assertThat(lifecycle.isRunning()).isTrue();

        lifecycle.stop();
        lifecycle.stop();

        verify(tracker, times(1)).close();
        assertThat(lifecycle.isRunning()).isFalse();
        assertThat(output).contains("Tracker closed: 5 of 252 queued messages could not be delivered within PT30S");
    }

    @Test
    void neverThrowsFromStop(CapturedOutput output) {
        willThrow(new IllegalStateException("boom")).given(tracker).close();
        lifecycle.start();
        lifecycle.stop();
        assertThat(output).contains("Tracker did not close cleanly").contains("boom");
    }

    @Test
    void messagesADestinationDoesNotTakeAreNotCountedAsUndelivered(CapturedOutput output) {
        DestinationStats before = stats(10, 10, 0, 0, 0);
        DestinationStats after = DestinationStats.builder("lotus").accepted(11).delivered(10).dropped(1)
                .droppedByReason(Map.of("not_a_usage_event", 1L)).build();
        given(tracker.stats()).willReturn(List.of(before), List.of(after));
        lifecycle.start();

        lifecycle.stop();

        assertThat(output).contains("Tracker closed: all 0 queued messages delivered");
    }

    @Test
    void outboxRowsLeftInTheTableAreNotCountedAsLost(CapturedOutput output) {
        dev.tracking.outbox.Outbox outbox = mock(dev.tracking.outbox.Outbox.class);
        given(outbox.destinations()).willReturn(java.util.Set.of("lotus"));
        given(tracker.outbox()).willReturn(java.util.Optional.of(outbox));
        given(tracker.stats()).willReturn(List.of(stats(10, 6, 0, 0, 4)), List.of(stats(10, 6, 0, 0, 4)));
        lifecycle.start();

        lifecycle.stop();

        assertThat(output).contains("Tracker closed: nothing lost; 4 outbox rows stay in the table for the next start"
                + " or another instance").doesNotContain("could not be delivered");
    }

    private static DestinationStats stats(long accepted, long delivered, long failed, long dropped, long pending) {
        return DestinationStats.builder("lotus").accepted(accepted).delivered(delivered).failed(failed)
                .dropped(dropped).pending(pending).failedByReason(Map.of("shutdown", failed))
                .droppedByReason(Map.of("shutdown", dropped)).build();
    }
}
