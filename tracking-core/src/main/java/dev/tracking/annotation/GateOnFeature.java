package dev.tracking.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method only when the customer may use a feature or record one more metered event.
 * Given behaviour by the tracking Spring Boot starter (calls from within the same bean are not intercepted).
 *
 * <p>Set exactly one of {@link #feature()} (or {@link #value()}) and {@link #event()}. A metered gate reserves
 * {@link #quantity()} units before the method runs, atomically (no two callers get the same remaining unit);
 * the method's success keeps them, an exception or a failed {@code CompletionStage} gives them back. When access
 * is denied the method does not run and a {@code FeatureAccessDeniedException} is thrown, which a web application
 * renders as 403 problem details. SpEL variables: every method parameter by name.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface GateOnFeature {

    /** Alias for {@link #feature()}. */
    String value() default "";

    /** The feature name, e.g. {@code slack_integration}. */
    String feature() default "";

    /** A metered event name, e.g. {@code report_exported}: allowed while usage is under the limit. */
    String event() default "";

    /** How many units of the metered {@link #event()} one call uses (at least 1); only for metered gates. */
    long quantity() default 1;

    /** SpEL for the customer id; empty means the application's {@code IdentityResolver}. */
    String customerId() default "";

    /** What to decide when no answer can be had. */
    NoAnswer onNoAnswer() default NoAnswer.DEFAULT;

    /** What a gate decides without an answer. */
    enum NoAnswer {
        /** As {@code tracking.entitlements.on-error} says (deny unless configured otherwise). */
        DEFAULT,
        /** Allow the call. */
        ALLOW,
        /** Deny the call. */
        DENY
    }
}
