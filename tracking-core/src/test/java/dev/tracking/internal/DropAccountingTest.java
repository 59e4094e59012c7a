package dev.tracking.internal;

import static dev.tracking.support.Messages.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracking.DestinationStats;
import dev.tracking.Failure;
import dev.tracking.OverflowPolicy;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.spi.SendResult;
import dev.tracking.support.ScriptedDestination;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class DropAccountingTest {

    @Test
    void dropNewestKeepsTheQueueAndCountsTheNewMessagesAsDropped() {
        ScriptedDestination destination = new ScriptedDestination("newest").hold();
        try (Tracker tracker = fillPastCapacity(destination, OverflowPolicy.DROP_NEWEST)) {
            destination.open();
            assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();

            DestinationStats stats = tracker.stats().get(0);
            assertThat(stats.droppedByReason()).containsEntry("queue_full", 3L);
            assertThat(stats.delivered()).isEqualTo(10);
            assertThat(sentNumbers(destination)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
    }

    @Test
    void dropOldestEvictsTheOldestQueuedMessagesAndCountsThem() {
        ScriptedDestination destination = new ScriptedDestination("oldest").hold();
        try (Tracker tracker = fillPastCapacity(destination, OverflowPolicy.DROP_OLDEST)) {
            destination.open();
            assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();

            DestinationStats stats = tracker.stats().get(0);
            assertThat(stats.droppedByReason()).containsEntry("queue_full", 3L);
            assertThat(stats.delivered()).isEqualTo(10);
            assertThat(sentNumbers(destination)).containsExactly(0, 1, 2, 3, 4, 8, 9, 10, 11, 12);
        }
    }

    @Test
    void accountingHoldsAtEveryMomentUnderConcurrentProducersAndAFailingSlowDestination() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ScriptedDestination destination = new ScriptedDestination("unreliable", 50).answering(batch -> {
            int call = calls.incrementAndGet();
            LockSupport.parkNanos(100_000);
            SendResult.Builder result = SendResult.builder(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                if ((call + i) % 5 == 0) {
                    result.failed(i, Failure.of("rejected", "bad event"));
                } else if ((call + i) % 7 == 0) {
                    result.retry(i, Failure.of("http_503", "busy"));
                }
            }
            return result.build();
        });
        Tracker tracker = Tracker.builder().destination(destination)
                .delivery(DeliveryPipelineTest.FAST.toBuilder().queueCapacity(500).flushInterval(Duration.ofMillis(5))
                        .build())
                .build();
        int producers = 4;
        int perProducer = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        CountDownLatch done = new CountDownLatch(producers);
        AtomicBoolean inconsistent = new AtomicBoolean();
        for (int p = 0; p < producers; p++) {
            pool.execute(() -> {
                for (int i = 0; i < perProducer; i++) {
                    tracker.track(numbered(i));
                }
                done.countDown();
            });
        }
        while (done.getCount() > 0) {
            DestinationStats stats = tracker.stats().get(0);
            if (stats.pending() < 0 || stats.accepted()
                    != stats.delivered() + stats.failed() + stats.dropped() + stats.pending()) {
                inconsistent.set(true);
            }
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        tracker.close();

        DestinationStats stats = tracker.stats().get(0);
        assertThat(inconsistent).isFalse();
        assertThat(stats.accepted()).isEqualTo(producers * perProducer);
        assertThat(stats.pending()).isZero();
        assertThat(stats.delivered() + stats.failed() + stats.dropped()).isEqualTo(stats.accepted());
        assertThat(stats.failedByReason()).containsKey("rejected");
    }

    /** Capacity 5: the first 5 go in flight and are held, the next 5 fill the queue, the last 3 overflow. */
    private static Tracker fillPastCapacity(ScriptedDestination destination, OverflowPolicy policy) {
        Tracker tracker = Tracker.builder().destination(destination)
                .delivery(DeliveryPipelineTest.FAST.toBuilder().queueCapacity(5).overflow(policy).build()).build();
        for (int i = 0; i < 5; i++) {
            tracker.track(numbered(i));
        }
        await().until(() -> destination.batches().size() == 1);
        for (int i = 5; i < 13; i++) {
            tracker.track(numbered(i));
        }
        return tracker;
    }

    private static List<Integer> sentNumbers(ScriptedDestination destination) {
        return destination.batches().stream().flatMap(List::stream)
                .map(m -> (Integer) ((TrackMessage) m).properties().get("n")).toList();
    }
}
