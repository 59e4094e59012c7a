package dev.tracking.spring.test;

import dev.tracking.Tracker;
import dev.tracking.spring.autoconfigure.LocalBackends;
import dev.tracking.spring.autoconfigure.TrackingAutoConfiguration;
import dev.tracking.spring.autoconfigure.TrackingProperties;
import dev.tracking.testing.RecordingTracker;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The tracker of {@link AutoConfigureTracking}: a {@link RecordingTracker} that allows every access check until
 * a test says otherwise, whose {@code billing()} is a local backend with the {@code tracking.local} plans and
 * customers. Runs before the starter's auto-configuration, which then backs off.
 */
@AutoConfiguration(before = TrackingAutoConfiguration.class)
@EnableConfigurationProperties(TrackingProperties.class)
public final class RecordingTrackerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(Tracker.class)
    public RecordingTracker tracker(TrackingProperties properties) {
        return new RecordingTracker().withBilling(LocalBackends.create(properties.getLocal()));
    }
}
