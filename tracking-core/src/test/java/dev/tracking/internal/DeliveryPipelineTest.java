package dev.tracking.internal;

import static dev.tracking.support.Messages.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracking.DeliveryOptions;
import dev.tracking.DestinationStats;
import dev.tracking.Message;
import dev.tracking.RetryOptions;
import dev.tracking.Tracker;
import dev.tracking.internal.delivery.MessageSize;
import dev.tracking.support.ScriptedDestination;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryPipelineTest {

    static final DeliveryOptions FAST = DeliveryOptions.builder()
            .flushInterval(Duration.ofSeconds(30))
            .shutdownTimeout(Duration.ofSeconds(5))
            .retry(RetryOptions.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(5))
                    .maxBackoff(Duration.ofMillis(20)).deliveryTimeout(Duration.ofSeconds(5)).build())
            .build();

    private Tracker tracker;

    @AfterEach
    void closeTracker() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void aTrackerWithNothingConfiguredDeliversToTheLocalBackend() {
        tracker = Tracker.builder().build();
        tracker.track(numbered(1));

        assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(tracker.stats()).singleElement().satisfies(stats -> {
            assertThat(stats.destination()).isEqualTo("local");
            assertThat(stats.accepted()).isEqualTo(1);
            assertThat(stats.delivered()).isEqualTo(1);
            assertThat(stats.pending()).isZero();
        });
        assertThat(tracker.entitlements()).isNotNull();
        assertThat(tracker.billing()).isNotNull();
    }

    @Test
    void batchesNeverExceedTheSmallerOfTheTwoBatchSizes() {
        ScriptedDestination small = new ScriptedDestination("small", 7);
        ScriptedDestination capped = new ScriptedDestination("capped", 100);
        tracker = Tracker.builder().destination(small).destination(capped)
                .delivery(FAST.toBuilder().maxBatchSize(10).build()).build();
        for (int i = 0; i < 45; i++) {
            tracker.track(numbered(i));
        }

        assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(small.batches()).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(7));
        assertThat(capped.batches()).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(10));
        assertThat(small.messagesSent()).isEqualTo(45);
        assertThat(capped.messagesSent()).isEqualTo(45);
    }

    @Test
    void batchesRespectTheByteLimit() {
        ScriptedDestination destination = new ScriptedDestination("bytes");
        tracker = Tracker.builder().destination(destination)
                .delivery(FAST.toBuilder().maxBatchBytes(2048).build()).build();
        for (int i = 0; i < 40; i++) {
            tracker.track(numbered(i));
        }

        assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(destination.messagesSent()).isEqualTo(40);
        assertThat(destination.batches()).allSatisfy(batch -> assertThat(
                batch.stream().mapToInt(MessageSize::estimate).sum()).isLessThanOrEqualTo(2048));
    }

    @Test
    void aFullBatchIsSentWithoutWaitingForTheInterval() {
        ScriptedDestination destination = new ScriptedDestination("eager", 5);
        tracker = Tracker.builder().destination(destination).delivery(FAST).build();
        for (int i = 0; i < 5; i++) {
            tracker.track(numbered(i));
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> destination.messagesSent() == 5);
    }

    @Test
    void aPartialBatchIsSentWhenTheFlushIntervalElapses() {
        ScriptedDestination destination = new ScriptedDestination("interval");
        tracker = Tracker.builder().destination(destination)
                .delivery(FAST.toBuilder().flushInterval(Duration.ofMillis(100)).build()).build();
        tracker.track(numbered(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> destination.messagesSent() == 1);
    }

    @Test
    void flushWaitsForTheBatchInFlight() {
        ScriptedDestination destination = new ScriptedDestination("held").hold();
        tracker = Tracker.builder().destination(destination).delivery(FAST).build();
        tracker.track(numbered(1));
        tracker.track(numbered(2));
        CompletableFuture<Void> first = tracker.flush();
        await().until(() -> destination.batches().size() == 1);
        tracker.track(numbered(3));
        CompletableFuture<Void> second = tracker.flush();

        assertThat(first).isNotDone();
        destination.release(1);
        await().until(first::isDone);
        assertThat(tracker.stats().get(0).delivered()).isEqualTo(2);
        destination.release(1);
        await().until(second::isDone);
        assertThat(tracker.stats().get(0).delivered()).isEqualTo(3);
    }

    @Test
    void flushWithNothingPendingCompletesAtOnce() {
        tracker = Tracker.builder().destination(new ScriptedDestination("idle")).delivery(FAST).build();

        assertThat(tracker.flush()).isDone();
    }

    @Test
    void messagesOfDifferentRequestGroupsNeverShareARequest() {
        ScriptedDestination destination = new ScriptedDestination("groups")
                .grouping(message -> ((dev.tracking.TrackMessage) message).eventName().hashCode() % 2 == 0 ? 0 : 1);
        tracker = Tracker.builder().destination(destination).delivery(FAST).build();
        for (int i = 0; i < 20; i++) {
            tracker.track(numbered(i));
        }

        assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(destination.messagesSent()).isEqualTo(20);
        assertThat(destination.batches()).allSatisfy(batch -> assertThat(
                batch.stream().map(destination::requestGroup).distinct()).hasSize(1));
    }

    @Test
    void aThrowingListenerIsIgnored() {
        ScriptedDestination destination = new ScriptedDestination("listened");
        tracker = Tracker.builder().destination(destination).delivery(FAST)
                .listener(new dev.tracking.TrackingListener() {
                    @Override
                    public void onAccepted(String name, Message message) {
                        throw new IllegalStateException("listener bug");
                    }

                    @Override
                    public void onDelivered(String name, List<? extends Message> messages) {
                        throw new IllegalStateException("listener bug");
                    }
                }).build();
        tracker.track(numbered(1));
        tracker.track(numbered(2));

        assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();
        DestinationStats stats = tracker.stats().get(0);
        assertThat(stats.delivered()).isEqualTo(2);
    }

    @Test
    void retriesWhatTheDestinationAsksToRetryThenDelivers() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        ScriptedDestination destination = new ScriptedDestination("flaky").answering(batch -> calls.incrementAndGet() < 3
                ? dev.tracking.spi.SendResult.retry(batch.size(), dev.tracking.Failure.of("http_503", "busy"), null)
                : dev.tracking.spi.SendResult.delivered(batch.size()));
        tracker = Tracker.builder().destination(destination).delivery(FAST).build();
        tracker.track(numbered(1));

        assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(destination.batches()).hasSize(3);
        assertThat(tracker.stats().get(0).delivered()).isEqualTo(1);
        assertThat(destination.batches().get(2).get(0).id()).isEqualTo(destination.batches().get(0).get(0).id());
    }

    @Test
    void givesUpAfterMaxAttemptsKeepingTheLastCause() {
        ScriptedDestination destination = new ScriptedDestination("down").answering(batch ->
                dev.tracking.spi.SendResult.retry(batch.size(), dev.tracking.Failure.of("http_503", "busy"), null));
        tracker = Tracker.builder().destination(destination).delivery(FAST).build();
        tracker.track(numbered(1));

        assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();
        DestinationStats stats = tracker.stats().get(0);
        assertThat(destination.batches()).hasSize(3);
        assertThat(stats.failedByReason()).containsEntry("retries_exhausted", 1L);
        assertThat(stats.lastFailure().reason()).isEqualTo("http_503");
    }

    @Test
    void anExceptionFromSendIsRetried() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        ScriptedDestination destination = new ScriptedDestination("throwing").answering(batch -> {
            if (calls.incrementAndGet() == 1) {
                throw new java.io.UncheckedIOException(new java.io.IOException("connection reset"));
            }
            return dev.tracking.spi.SendResult.delivered(batch.size());
        });
        tracker = Tracker.builder().destination(destination).delivery(FAST).build();
        tracker.track(numbered(1));

        assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(tracker.stats().get(0).delivered()).isEqualTo(1);
    }
}
