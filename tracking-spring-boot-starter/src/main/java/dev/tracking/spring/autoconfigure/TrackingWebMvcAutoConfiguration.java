package dev.tracking.spring.autoconfigure;

import dev.tracking.access.FeatureAccessDeniedException;
import dev.tracking.spring.web.FeatureAccessDeniedExceptionHandler;
import dev.tracking.spring.web.TrackingApiExceptionHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * In a servlet web application, renders {@link FeatureAccessDeniedException} as 403 problem details and
 * {@code TrackingApiException} (billing and backend errors) as problem details with a status by cause.
 */
@AutoConfiguration(after = TrackingAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = { "org.springframework.web.servlet.DispatcherServlet",
        "org.springframework.http.ProblemDetail" })
@ConditionalOnBooleanProperty(name = "tracking.enabled", matchIfMissing = true)
public class TrackingWebMvcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public FeatureAccessDeniedExceptionHandler featureAccessDeniedExceptionHandler() {
        return new FeatureAccessDeniedExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    public TrackingApiExceptionHandler trackingApiExceptionHandler() {
        return new TrackingApiExceptionHandler();
    }
}
