package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.spring.web.FeatureAccessDeniedExceptionHandler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.DispatcherServlet;

class TrackingWebMvcAutoConfigurationTest {

    private final AutoConfigurations configurations = AutoConfigurations.of(TrackingWebMvcAutoConfiguration.class);

    @Test
    void rendersDenialsInAServletWebApplication() {
        new WebApplicationContextRunner().withConfiguration(configurations)
                .run(context -> assertThat(context).hasSingleBean(FeatureAccessDeniedExceptionHandler.class));
    }

    @Test
    void backsOffOutsideServletWebApplicationsOrWithoutSpringMvcOrWhenDisabled() {
        new ApplicationContextRunner().withConfiguration(configurations)
                .run(context -> assertThat(context).doesNotHaveBean(FeatureAccessDeniedExceptionHandler.class));
        new WebApplicationContextRunner().withConfiguration(configurations)
                .withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
                .run(context -> assertThat(context).doesNotHaveBean(FeatureAccessDeniedExceptionHandler.class));
        new WebApplicationContextRunner().withConfiguration(configurations).withPropertyValues("tracking.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(FeatureAccessDeniedExceptionHandler.class));
    }
}
