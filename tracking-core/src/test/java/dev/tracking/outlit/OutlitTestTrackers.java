package dev.tracking.outlit;

import dev.tracking.DeliveryOptions;
import dev.tracking.RetryOptions;
import dev.tracking.Tracker;
import dev.tracking.TrackingListener;
import java.time.Duration;

/** Trackers wired to a test Outlit server, with short retry waits. */
final class OutlitTestTrackers {

    static final RetryOptions QUICK_RETRIES =
            new RetryOptions(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(20));

    static final DeliveryOptions DELIVERY = DeliveryOptions.defaults()
            .withFlushInterval(Duration.ofSeconds(30))
            .withShutdownTimeout(Duration.ofSeconds(5))
            .withHttpTimeout(Duration.ofSeconds(5))
            .withRetry(QUICK_RETRIES);

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
