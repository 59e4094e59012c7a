package dev.tracking.internal;

import static dev.tracking.support.Messages.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tracking.DestinationStats;
import dev.tracking.Failure;
import dev.tracking.Tracker;
import dev.tracking.spi.SendResult;
import dev.tracking.support.ScriptedDestination;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TrackerLifecycleTest {

    @Test
    void closeDrainsTheQueueAndStopsTheSenderThread() {
        ScriptedDestination destination = new ScriptedDestination("drained");
        Tracker tracker = Tracker.builder().destination(destination).delivery(DeliveryPipelineTest.FAST).build();
        for (int i = 0; i < 3; i++) {
            tracker.track(numbered(i));
        }

        tracker.close();

        assertThat(destination.messagesSent()).isEqualTo(3);
        assertThat(destination.isClosed()).isTrue();
        assertThat(senderThreadAlive("drained")).isFalse();
        assertThat(tracker.stats().get(0).delivered()).isEqualTo(3);
    }

    @Test
    void everyCallAfterCloseThrowsIllegalStateException() {
        Tracker tracker = Tracker.builder().destination(new ScriptedDestination("closed"))
                .delivery(DeliveryPipelineTest.FAST).build();
        tracker.close();
        tracker.close();

        assertThatThrownBy(() -> tracker.track(numbered(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tracker.identify(dev.tracking.IdentifyMessage.builder().userId("u").build()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(tracker::flush).isInstanceOf(IllegalStateException.class);
        assertThat(tracker.stats()).singleElement().extracting(DestinationStats::accepted).isEqualTo(0L);
    }

    @Test
    void whatCannotBeDeliveredBeforeTheDeadlineIsCountedAsFailedShutdown() {
        ScriptedDestination destination = new ScriptedDestination("stuck").answering(batch ->
                SendResult.retry(batch.size(), Failure.of("http_503", "down"), Duration.ofSeconds(30)));
        Tracker tracker = Tracker.builder().destination(destination)
                .delivery(DeliveryPipelineTest.FAST.toBuilder().shutdownTimeout(Duration.ofMillis(300))
                        .retry(dev.tracking.RetryOptions.defaults()).build())
                .build();
        for (int i = 0; i < 5; i++) {
            tracker.track(numbered(i));
        }

        tracker.close();

        DestinationStats stats = tracker.stats().get(0);
        assertThat(stats.accepted()).isEqualTo(5);
        assertThat(stats.failed()).isEqualTo(5);
        assertThat(stats.failedByReason()).containsEntry("shutdown", 5L);
        assertThat(stats.pending()).isZero();
        assertThat(tracker.queueSize()).isZero();
    }

    @Test
    void aSenderStuckInSendIsInterruptedAtTheDeadline() {
        ScriptedDestination destination = new ScriptedDestination("hung").hold();
        Tracker tracker = Tracker.builder().destination(destination)
                .delivery(DeliveryPipelineTest.FAST.toBuilder().shutdownTimeout(Duration.ofMillis(200)).build())
                .build();
        tracker.track(numbered(1));
        CompletableFuture<Void> flushed = tracker.flush();
        await().until(() -> destination.batches().size() == 1);
        tracker.track(numbered(2));

        tracker.close();

        DestinationStats stats = tracker.stats().get(0);
        assertThat(stats.failedByReason()).containsEntry("shutdown", 2L);
        assertThat(stats.pending()).isZero();
        assertThat(flushed).isDone();
        assertThat(senderThreadAlive("hung")).isFalse();
    }

    @Test
    void twoTrackersHaveTheirOwnThreadsAndCounters() {
        ScriptedDestination first = new ScriptedDestination("twin");
        ScriptedDestination second = new ScriptedDestination("twin");
        try (Tracker one = Tracker.builder().destination(first).delivery(DeliveryPipelineTest.FAST).build();
                Tracker two = Tracker.builder().destination(second).delivery(DeliveryPipelineTest.FAST).build()) {
            one.track(numbered(1));
            two.track(numbered(2));
            two.track(numbered(3));
            one.close();

            assertThat(one.stats().get(0).delivered()).isEqualTo(1);
            two.track(numbered(4));
            assertThat(two.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(two.stats().get(0).delivered()).isEqualTo(3);
            assertThat(first.messagesSent()).isEqualTo(1);
            assertThat(second.messagesSent()).isEqualTo(3);
        }
    }

    @Test
    void senderThreadsAreNamedAfterTheirDestinationAndAreDaemons() {
        try (Tracker tracker = Tracker.builder().destination(new ScriptedDestination("named"))
                .delivery(DeliveryPipelineTest.FAST).build()) {
            assertThat(Thread.getAllStackTraces().keySet())
                    .filteredOn(t -> t.getName().equals("tracking-sender-named"))
                    .singleElement().extracting(Thread::isDaemon).isEqualTo(true);
        }
    }

    @Test
    void destinationsMustHaveUniqueNamesAndAFailedBuildClosesThem() {
        ScriptedDestination first = new ScriptedDestination("same");
        ScriptedDestination second = new ScriptedDestination("same");

        assertThatThrownBy(() -> Tracker.builder().destination(first).destination(second).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unique").hasMessageContaining("same");
        assertThat(first.isClosed()).isTrue();
        assertThat(second.isClosed()).isTrue();
        assertThat(senderThreadAlive("same")).isFalse();
    }

    private static boolean senderThreadAlive(String destination) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("tracking-sender-" + destination) && t.isAlive());
    }
}
