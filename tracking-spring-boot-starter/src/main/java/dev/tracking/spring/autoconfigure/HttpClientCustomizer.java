package dev.tracking.spring.autoconfigure;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Changes the Apache HTTP client of each destination before it is built (an interceptor, a metric): declare one
 * as a bean. The starter declares one that observes requests with Micrometer when an {@code ObservationRegistry}
 * is present. Not used when the application supplies its own {@code HttpSender}.
 */
@FunctionalInterface
public interface HttpClientCustomizer {

    /** Customizes {@code builder}. */
    void customize(HttpClientBuilder builder);
}
