package dev.tracking.spring.autoconfigure;

import dev.tracking.Tracker;
import dev.tracking.spring.aop.SkippedRecordings;
import org.springframework.beans.factory.ObjectProvider;
import dev.tracking.spring.actuate.TrackingHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Adds the {@code tracking} health component when Spring Boot's health support is present; switch it off with
 * {@code management.health.tracking.enabled=false}.
 */
@AutoConfiguration(after = TrackingAutoConfiguration.class,
        beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBooleanProperty(name = "tracking.enabled", matchIfMissing = true)
@ConditionalOnBean(Tracker.class)
@ConditionalOnEnabledHealthIndicator("tracking")
@EnableConfigurationProperties(TrackingProperties.class)
public class TrackingHealthAutoConfiguration {

    /** Named so that the component is called {@code tracking}. */
    @Bean
    @ConditionalOnMissingBean(name = "trackingHealthIndicator")
    public TrackingHealthIndicator trackingHealthIndicator(Tracker tracker, TrackingProperties properties,
            ObjectProvider<SkippedRecordings> skipped) {
        return new TrackingHealthIndicator(tracker, properties.getHealth().getFailureThreshold(),
                skipped.getIfAvailable());
    }
}
