package dev.tracking.spring.autoconfigure;

import dev.tracking.Tracker;
import dev.tracking.spring.metrics.TrackingMetrics;
import dev.tracking.spring.metrics.TrackingOutboxMetrics;
import dev.tracking.spring.metrics.TrackingQueueMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Publishes the tracker's Micrometer meters when Micrometer and a {@link MeterRegistry} are present:
 * counters fed by a tracking listener, the queue-size gauges through a {@code MeterBinder}, and with the outbox on
 * its gauges and counter.
 */
@AutoConfiguration(after = TrackingAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, Tracker.class })
@ConditionalOnBooleanProperty(name = "tracking.enabled", matchIfMissing = true)
@ConditionalOnBean(MeterRegistry.class)
public class TrackingMetricsAutoConfiguration {

    /** Counts message outcomes, batch sends, skipped recordings and access decisions. */
    @Bean
    @ConditionalOnMissingBean
    public TrackingMetrics trackingMetrics(MeterRegistry registry) {
        return new TrackingMetrics(registry);
    }

    /** The queue-size gauge of each destination. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Tracker.class)
    public TrackingQueueMetrics trackingQueueMetrics(Tracker tracker) {
        return new TrackingQueueMetrics(tracker);
    }

    /** The outbox's pending and failed gauges per destination and its not-durable counter. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Tracker.class)
    @ConditionalOnBooleanProperty("tracking.outbox.enabled")
    public TrackingOutboxMetrics trackingOutboxMetrics(Tracker tracker) {
        return new TrackingOutboxMetrics(tracker);
    }
}
