package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.spring.actuate.TrackingEndpoint;
import dev.tracking.spring.actuate.TrackingHealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TrackingActuatorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TrackingAutoConfiguration.class,
                    TrackingHealthAutoConfiguration.class, TrackingEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=health,tracking");

    @Test
    void addsTheHealthComponentAndTheEndpoint() {
        runner.run(context -> {
            assertThat(context).hasBean("trackingHealthIndicator").hasSingleBean(TrackingEndpoint.class);
            assertThat(context.getBean(TrackingHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void leavesOutTheHealthComponentWhenDisabledOrWithoutHealthSupport() {
        runner.withPropertyValues("management.health.tracking.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TrackingHealthIndicator.class)
                        .hasSingleBean(TrackingEndpoint.class));
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).doesNotHaveBean(TrackingHealthIndicator.class));
    }

    @Test
    void leavesOutTheEndpointWhenNotExposedOrWithoutTheActuator() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=health")
                .run(context -> assertThat(context).doesNotHaveBean(TrackingEndpoint.class)
                        .hasSingleBean(TrackingHealthIndicator.class));
        runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
                .run(context -> assertThat(context).doesNotHaveBean(TrackingEndpoint.class));
    }

    @Test
    void createsNeitherWhenTrackingIsDisabled() {
        runner.withPropertyValues("tracking.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(TrackingHealthIndicator.class).doesNotHaveBean(TrackingEndpoint.class));
    }
}
