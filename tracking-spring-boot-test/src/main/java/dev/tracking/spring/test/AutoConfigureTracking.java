package dev.tracking.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Swaps a {@link dev.tracking.testing.RecordingTracker} in for the tracker in a {@code @SpringBootTest} or a test
 * slice ({@code @WebMvcTest}, {@code @DataJpaTest}, …), with the tracking annotations, the problem-details
 * handlers and a {@code billing()} backed by the {@code tracking.local} plans and customers. Nothing is sent
 * anywhere; the recorded messages are cleared and the access rules reset to allow-all after each test method.
 * An application's own {@code Tracker} bean is kept.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureTracking {
}
