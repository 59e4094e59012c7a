package dev.tracking.spring.autoconfigure;

import dev.tracking.Tracker;
import dev.tracking.spring.aop.SkippedRecordings;
import org.springframework.beans.factory.ObjectProvider;
import dev.tracking.spring.actuate.TrackingEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Adds the {@code tracking} actuator endpoint (per-destination counters) when the actuator is present and the
 * endpoint is exposed, e.g. with {@code management.endpoints.web.exposure.include=health,tracking}.
 */
@AutoConfiguration(after = TrackingAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
        "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
@ConditionalOnBooleanProperty(name = "tracking.enabled", matchIfMissing = true)
@ConditionalOnBean(Tracker.class)
@ConditionalOnAvailableEndpoint(TrackingEndpoint.class)
public class TrackingEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public TrackingEndpoint trackingEndpoint(Tracker tracker, ObjectProvider<SkippedRecordings> skipped) {
        return new TrackingEndpoint(tracker, skipped.getIfAvailable());
    }
}
