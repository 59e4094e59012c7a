package dev.tracking.outlit;

import dev.tracking.DeliveryOptions;
import dev.tracking.RetryOptions;
import dev.tracking.Tracker;
import dev.tracking.TrackingListener;
import java.time.Duration;

/** Trackers wired to a test Outlit server, with short retry waits. */
final class OutlitTestTrackers {

    static final RetryOptions QUICK_RETRIES = RetryOptions.builder().maxAttempts(3)
            .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50))
            .deliveryTimeout(Duration.ofSeconds(20)).build();

    static final DeliveryOptions DELIVERY = DeliveryOptions.builder()
            .flushInterval(Duration.ofSeconds(30))
            .shutdownTimeout(Duration.ofSeconds(5))
            .httpTimeout(Duration.ofSeconds(5))
            .retry(QUICK_RETRIES)
            .build();

    private OutlitTestTrackers() {
    }

    static Tracker tracker(OutlitOptions options, DeliveryOptions delivery, TrackingListener... listeners) {
        var builder = Tracker.builder().outlit(options).delivery(delivery);
        for (TrackingListener listener : listeners) {
            builder.listener(listener);
        }
        return builder.build();
    }
}
