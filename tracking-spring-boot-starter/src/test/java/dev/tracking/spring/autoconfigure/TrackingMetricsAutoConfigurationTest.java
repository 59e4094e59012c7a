package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.Identity;
import dev.tracking.Tracker;
import dev.tracking.spring.metrics.TrackingMetrics;
import dev.tracking.spring.metrics.TrackingQueueMetrics;
import dev.tracking.support.LotusServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TrackingMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                    TrackingAutoConfiguration.class, TrackingMetricsAutoConfiguration.class));

    @Test
    void publishesOutcomesAndQueueSizes() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(TrackingMetrics.class).hasSingleBean(TrackingQueueMetrics.class);
            Tracker tracker = context.getBean(Tracker.class);
            tracker.track("report_exported", Identity.ofCustomer("acme"), null);
            assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("tracking.events").tags("destination", "local", "outcome", "accepted")
                    .counter().count()).isEqualTo(1);
            assertThat(registry.get("tracking.events").tags("destination", "local", "outcome", "delivered")
                    .counter().count()).isEqualTo(1);
            assertThat(registry.get("tracking.batch.send").tag("destination", "local").timer().count()).isEqualTo(1);
            assertThat(registry.get("tracking.queue.size").tag("destination", "local").gauge().value()).isZero();
            assertThat(registry.get("tracking.sender.restarts").tag("destination", "local").gauge().value()).isZero();

            tracker.entitlements().checkFeature("acme", "slack_integration");
            assertThat(registry.get("tracking.entitlement.checks").tags("result", "denied", "source", "remote")
                    .counter().count()).isEqualTo(1);
        });
    }

    @Test
    void timesTheAccessCachesRequestsToLotus() {
        try (LotusServer lotus = new LotusServer()) {
            runner.withPropertyValues("tracking.lotus.api-key=" + LotusServer.API_KEY,
                    "tracking.lotus.base-url=" + lotus.baseUrl()).run(context -> {
                        Tracker tracker = context.getBean(Tracker.class);
                        tracker.entitlements().checkFeature("acme", "export");
                        tracker.entitlements().checkFeature("acme", "export");

                        MeterRegistry registry = context.getBean(MeterRegistry.class);
                        Timer remote = registry.get("tracking.entitlements.remote")
                                .tags("trigger", "miss", "outcome", "answered").timer();
                        assertThat(remote.count()).isEqualTo(1);
                        assertThat(remote.totalTime(TimeUnit.NANOSECONDS)).isPositive();
                        assertThat(lotus.featureChecks()).isEqualTo(1);
                    });
        }
    }

    @Test
    void backsOffWithoutMicrometerOrARegistryOrWhenDisabled() {
        ApplicationContextRunner withoutRegistry = new ApplicationContextRunner().withConfiguration(
                AutoConfigurations.of(TrackingAutoConfiguration.class, TrackingMetricsAutoConfiguration.class));
        withoutRegistry.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasSingleBean(Tracker.class)
                        .doesNotHaveBean(TrackingMetrics.class));
        withoutRegistry.run(context -> assertThat(context).hasSingleBean(Tracker.class)
                .doesNotHaveBean(TrackingMetrics.class));
        runner.withPropertyValues("tracking.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TrackingMetrics.class));
    }

    @Test
    void backsOffToTheApplicationsMeters() {
        runner.withBean("ownMetrics", TrackingMetrics.class, () -> new TrackingMetrics(new SimpleMeterRegistry()))
                .run(context -> assertThat(context).hasSingleBean(TrackingMetrics.class).hasBean("ownMetrics"));
    }
}
