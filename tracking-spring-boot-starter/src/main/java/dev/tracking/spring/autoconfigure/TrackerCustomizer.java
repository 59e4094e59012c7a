package dev.tracking.spring.autoconfigure;

import dev.tracking.TrackerBuilder;

/**
 * Adjusts the auto-configured tracker before it is built, e.g. to add a custom destination or a clock.
 * Every customizer bean is applied, in order, after the {@code tracking.*} properties.
 */
@FunctionalInterface
public interface TrackerCustomizer {

    /** Changes {@code builder} as needed. */
    void customize(TrackerBuilder builder);
}
