package dev.tracking.internal;

import static dev.tracking.support.Messages.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracking.DeliveryOptions;
import dev.tracking.DestinationStats;
import dev.tracking.Message;
import dev.tracking.OverflowPolicy;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.TrackingListener;
import dev.tracking.spi.Destination;
import dev.tracking.spi.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConcurrentSendersTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void twoBatchesAreInFlightAtOnceAndAFlushWaitsForTheOlderOneEvenWhenTheNewerFinishesFirst() throws Exception {
        PairedDestination destination = new PairedDestination(true);
        try (Tracker tracker = tracker(destination, 10_000, OverflowPolicy.DROP_NEWEST)) {
            for (int i = 0; i < 20; i++) {
                tracker.track(numbered(i));
            }
            CompletableFuture<Void> flush = tracker.flush();
            HeldSend first = destination.held.poll(20, TimeUnit.SECONDS);
            HeldSend second = destination.held.poll(20, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(second).isNotNull();
            assertThat(destination.maxInFlight.get()).isEqualTo(2);

            HeldSend older = first.firstNumber() < second.firstNumber() ? first : second;
            HeldSend newer = older == first ? second : first;
            newer.release().countDown();
            await().atMost(WAIT).until(() -> tracker.stats().get(0).delivered() == 10);
            assertThat(flush).isNotDone();

            older.release().countDown();
            flush.get(20, TimeUnit.SECONDS);
            assertThat(tracker.stats().get(0).delivered()).isEqualTo(20);
            assertThat(tracker.stats().get(0).pending()).isZero();
        }
    }

    @Test
    void manyProducersWithDropOldestAndFlushBarriersCountEveryMessageExactlyOnce() throws Exception {
        PairedDestination destination = new PairedDestination(false);
        Set<UUID> delivered = ConcurrentHashMap.newKeySet();
        Set<UUID> dropped = ConcurrentHashMap.newKeySet();
        Set<UUID> undeliveredAtFlush = ConcurrentHashMap.newKeySet();
        AtomicInteger finishedTwice = new AtomicInteger();
        TrackingListener finishes = new TrackingListener() {
            @Override
            public void onDelivered(String name, List<? extends Message> messages) {
                messages.forEach(message -> finish(delivered, message));
            }

            @Override
            public void onDropped(String name, Message message, String reason) {
                finish(dropped, message);
            }

            private void finish(Set<UUID> outcome, Message message) {
                if (!outcome.add(message.id()) || delivered.contains(message.id()) && dropped.contains(message.id())) {
                    finishedTwice.incrementAndGet();
                }
            }
        };
        int producers = 4;
        int perProducer = 20_000;
        AtomicReference<String> broken = new AtomicReference<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(producers + 1);
        try (Tracker tracker = Tracker.builder().destination(destination).listener(finishes)
                .delivery(options(200, OverflowPolicy.DROP_OLDEST)).build()) {
            Future<?> snapshots = pool.submit(() -> {
                while (running.get()) {
                    checkInvariant(tracker.stats().get(0), broken);
                }
            });
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                calls.add(pool.submit(() -> produce(tracker, start, perProducer, delivered, undeliveredAtFlush)));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
            assertThat(tracker.flush(WAIT)).isTrue();
            running.set(false);
            snapshots.get(20, TimeUnit.SECONDS);

            DestinationStats stats = tracker.stats().get(0);
            assertThat(broken.get()).isNull();
            assertThat(stats.accepted()).isEqualTo((long) producers * perProducer);
            assertThat(stats.pending()).isZero();
            assertThat(stats.failed()).isZero();
            assertThat(stats.delivered() + stats.dropped()).isEqualTo(stats.accepted());
            assertThat(stats.delivered()).isEqualTo(destination.delivered.get());
            assertThat(delivered.size() + dropped.size()).isEqualTo(producers * perProducer);
            assertThat(delivered).hasSize((int) stats.delivered());
            assertThat(undeliveredAtFlush).allMatch(dropped::contains);
            assertThat(finishedTwice).hasValue(0);
            assertThat(destination.maxInFlight.get()).isBetween(1, 2);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }

    /**
     * Tracks {@code count} events, flushing every 1,000; what a completed flush finds undelivered must have been
     * dropped (a drop is told to listeners just after the message leaves the queue, so it may come a moment late).
     */
    private static Void produce(Tracker tracker, CountDownLatch start, int count, Set<UUID> delivered,
            Set<UUID> undeliveredAtFlush) throws Exception {
        start.await();
        List<UUID> sinceFlush = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TrackMessage message = numbered(i);
            tracker.track(message);
            sinceFlush.add(message.id());
            if (i % 1_000 == 999) {
                tracker.flush().get(20, TimeUnit.SECONDS);
                for (UUID id : sinceFlush) {
                    if (!delivered.contains(id)) {
                        undeliveredAtFlush.add(id);
                    }
                }
                sinceFlush.clear();
            }
        }
        return null;
    }

    private static void checkInvariant(DestinationStats stats, AtomicReference<String> broken) {
        long sum = stats.delivered() + stats.failed() + stats.dropped() + stats.pending();
        if (stats.accepted() != sum || stats.pending() < 0) {
            broken.compareAndSet(null, "snapshot broke the invariant: " + stats);
        }
    }

    private static Tracker tracker(Destination destination, int capacity, OverflowPolicy overflow) {
        return Tracker.builder().destination(destination).delivery(options(capacity, overflow)).build();
    }

    private static DeliveryOptions options(int capacity, OverflowPolicy overflow) {
        return DeliveryOptions.builder().maxBatchSize(10).queueCapacity(capacity).overflow(overflow)
                .flushInterval(Duration.ofMinutes(1)).build();
    }

    private record HeldSend(int firstNumber, CountDownLatch release) {
    }

    /** Takes two sends at once; counts what is in flight and, when holding, waits for each send's release. */
    private static final class PairedDestination implements Destination {
        private final boolean holding;
        private final BlockingQueue<HeldSend> held = new LinkedBlockingQueue<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();
        private final AtomicInteger delivered = new AtomicInteger();

        PairedDestination(boolean holding) {
            this.holding = holding;
        }

        @Override
        public String name() {
            return "paired";
        }

        @Override
        public String skipReason(Message message) {
            return null;
        }

        @Override
        public int maxConcurrentSends() {
            return 2;
        }

        @Override
        public int maxBatchSize() {
            return 10;
        }

        @Override
        public SendResult send(List<Message> batch) throws InterruptedException {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                if (holding) {
                    CountDownLatch release = new CountDownLatch(1);
                    int first = ((Number) ((TrackMessage) batch.get(0)).properties().get("n")).intValue();
                    held.add(new HeldSend(first, release));
                    release.await();
                }
                delivered.addAndGet(batch.size());
                return SendResult.delivered(batch.size());
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }
}
