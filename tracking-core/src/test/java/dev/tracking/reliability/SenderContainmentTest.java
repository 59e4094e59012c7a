package dev.tracking.reliability;

import static dev.tracking.reliability.Accounting.senderAlive;
import static dev.tracking.reliability.Accounting.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracking.DeliveryOptions;
import dev.tracking.DestinationStats;
import dev.tracking.Message;
import dev.tracking.RetryOptions;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.TrackingListener;
import dev.tracking.spi.Destination;
import dev.tracking.spi.SendResult;
import dev.tracking.spi.UnencodableMessageException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Whatever a destination or a listener throws on a sender thread, the senders go on and every message is counted. */
class SenderContainmentTest {

    static final DeliveryOptions DELIVERY = DeliveryOptions.builder().flushInterval(Duration.ofSeconds(30))
            .shutdownTimeout(Duration.ofSeconds(5))
            .retry(RetryOptions.builder().initialBackoff(Duration.ofMillis(1))
                    .maxBackoff(Duration.ofMillis(5)).deliveryTimeout(Duration.ofSeconds(10)).build())
            .build();

    @Test
    void aMessageThatOverflowsTheStackWhileEncodedFailsAloneAndTheRestIsDelivered() {
        Answering destination = new Answering("overflowing", batch -> {
            if (batch.stream().anyMatch(SenderContainmentTest::isPoison)) {
                throw new StackOverflowError();
            }
            return SendResult.delivered(batch.size());
        });
        try (Tracker tracker = Tracker.builder().destination(destination).delivery(DELIVERY).build()) {
            sendWithPoisonAt(tracker, 13, 40);

            assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
            DestinationStats stats = settled(tracker);
            assertThat(stats.delivered()).isEqualTo(39);
            assertThat(stats.failedByReason()).containsOnly(Map.entry("send_error", 1L));
            assertThat(stats.lastFailure()).isNull();
            assertThat(destination.delivered).noneMatch(SenderContainmentTest::isPoison).hasSize(39);
            assertThat(senderAlive("overflowing")).isTrue();
        }
    }

    @Test
    void aMessageTheEncoderNamesFailsAloneWithItsIdAndFieldAndTheRestGoesAtOnce() {
        List<String> details = new CopyOnWriteArrayList<>();
        Answering destination = new Answering("encoding", batch -> {
            for (int i = 0; i < batch.size(); i++) {
                if (isPoison(batch.get(i))) {
                    throw new UnencodableMessageException(i, "properties.poison", new ArithmeticException("overflow"));
                }
            }
            return SendResult.delivered(batch.size());
        });
        TrackingListener listener = new TrackingListener() {
            @Override
            public void onFailed(String name, List<? extends Message> messages, dev.tracking.Failure failure) {
                details.add(failure.detail());
            }
        };
        try (Tracker tracker = Tracker.builder().destination(destination).listener(listener).delivery(DELIVERY)
                .build()) {
            TrackMessage poison = sendWithPoisonAt(tracker, 3, 20);

            assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
            DestinationStats stats = settled(tracker);
            assertThat(stats.delivered()).isEqualTo(19);
            assertThat(stats.failedByReason()).containsOnly(Map.entry("unencodable", 1L));
            assertThat(details).singleElement().asString().contains(poison.id().toString())
                    .contains("properties.poison").contains("ArithmeticException");
            assertThat(destination.calls).hasSize(2);
        }
    }

    @Test
    void aSenderThreadThatStopsUnexpectedlyIsReplacedCountedAndKeepsDelivering() {
        AtomicBoolean thrown = new AtomicBoolean();
        TrackingListener listener = new TrackingListener() {
            @Override
            public void onDelivered(String name, List<? extends Message> messages) {
                if (thrown.compareAndSet(false, true)) {
                    throw new StackOverflowError("from a listener");
                }
            }
        };
        Answering destination = new Answering("restarted", batch -> SendResult.delivered(batch.size()));
        try (Tracker tracker = Tracker.builder().destination(destination).listener(listener).delivery(DELIVERY)
                .build()) {
            tracker.track(event(1, false));
            assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
            await().until(() -> tracker.stats().get(0).senderRestarts() == 1);

            for (int i = 0; i < 20; i++) {
                tracker.track(event(i, false));
            }
            assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
            DestinationStats stats = settled(tracker);
            assertThat(stats.delivered()).isEqualTo(21);
            assertThat(stats.dropped()).isZero();
            assertThat(senderAlive("restarted")).isTrue();
        }
    }

    @Test
    void closeCountsTheRequestOfASenderThatIgnoresInterruptsAndNeverCountsItTwice() {
        CountDownLatch release = new CountDownLatch(1);
        Answering destination = new Answering("stuck", batch -> {
            boolean interrupted = false;
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return SendResult.delivered(batch.size());
        });
        Tracker tracker = Tracker.builder().destination(destination)
                .delivery(DELIVERY.toBuilder().shutdownTimeout(Duration.ofMillis(100)).build()).build();
        for (int i = 0; i < 5; i++) {
            tracker.track(event(i, false));
        }
        tracker.flush();
        await().until(() -> destination.calls.size() == 1);
        tracker.track(event(9, false));

        tracker.close();

        DestinationStats stats = settled(tracker);
        assertThat(stats.accepted()).isEqualTo(6);
        assertThat(stats.failedByReason()).containsOnly(Map.entry("shutdown", 6L));
        release.countDown();
        await().until(() -> !senderAlive("stuck"));
        assertThat(settled(tracker).delivered()).isZero();
    }

    private static TrackMessage sendWithPoisonAt(Tracker tracker, int poisonAt, int count) {
        TrackMessage poison = null;
        for (int i = 0; i < count; i++) {
            TrackMessage message = event(i, i == poisonAt);
            poison = i == poisonAt ? message : poison;
            tracker.track(message);
        }
        return poison;
    }

    private static TrackMessage event(int n, boolean poison) {
        return TrackMessage.builder("e").userId("u").property("n", n).property("poison", poison).build();
    }

    private static boolean isPoison(Message message) {
        return Boolean.TRUE.equals(((TrackMessage) message).properties().get("poison"));
    }

    /** A destination answering every send with a function, recording what it was given and what it delivered. */
    static final class Answering implements Destination {
        final String name;
        final Function<List<Message>, SendResult> answer;
        final List<List<Message>> calls = new CopyOnWriteArrayList<>();
        final List<Message> delivered = new CopyOnWriteArrayList<>();

        Answering(String name, Function<List<Message>, SendResult> answer) {
            this.name = name;
            this.answer = answer;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String skipReason(Message message) {
            return null;
        }

        @Override
        public SendResult send(List<Message> batch) {
            calls.add(List.copyOf(batch));
            SendResult result = answer.apply(batch);
            for (int i = 0; i < batch.size(); i++) {
                if (result.outcome(i) == SendResult.Outcome.DELIVERED) {
                    delivered.add(batch.get(i));
                }
            }
            return result;
        }
    }
}
