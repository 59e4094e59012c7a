package dev.tracking.spring.autoconfigure;

import dev.tracking.Tracker;
import io.micrometer.core.instrument.binder.httpcomponents.hc5.ObservationExecChainHandler;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Observes every request of the tracker's HTTP clients with Micrometer ({@code httpcomponents.httpclient.request},
 * tagged by method, status and outcome; never the URI, whose path may hold a key) when an
 * {@link ObservationRegistry} is present.
 */
@AutoConfiguration(before = TrackingAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ Tracker.class, ObservationRegistry.class, ObservationExecChainHandler.class })
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "tracking.enabled", matchIfMissing = true)
public final class TrackingHttpObservationAutoConfiguration {

    /** Adds Micrometer's observation handler to each destination's Apache client. */
    @Bean
    @ConditionalOnMissingBean(name = "trackingHttpObservation")
    public HttpClientCustomizer trackingHttpObservation(ObservationRegistry registry) {
        return builder -> builder.addExecInterceptorLast("tracking-observation",
                new ObservationExecChainHandler(registry));
    }
}
