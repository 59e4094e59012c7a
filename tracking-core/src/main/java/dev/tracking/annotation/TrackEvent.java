package dev.tracking.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records an event each time the annotated method is called. The annotation has no behaviour of its own:
 * the tracking Spring Boot starter gives it behaviour on Spring beans (calls from within the same bean are
 * not intercepted). On a class, it applies to every public method.
 *
 * <p>Expression attributes are SpEL. Variables: every method parameter by name ({@code #request}),
 * {@code #result} (the return value, or the value a returned {@code CompletionStage} completed with) and
 * {@code #exception} (what the method threw, when it threw). An attribute left empty falls back to the
 * application's {@code IdentityResolver} for identity. An expression that fails at run time never breaks
 * the method: the event is skipped and counted with reason {@code expression_error}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface TrackEvent {

    /** The event name, e.g. {@code report_exported}; empty means the method's name in snake_case. */
    String value() default "";

    /** SpEL for the customer (account) id. */
    String customerId() default "";

    /** SpEL for the user id. */
    String userId() default "";

    /** SpEL for the user's email. */
    String email() default "";

    /** SpEL for a device fingerprint. */
    String fingerprint() default "";

    /** SpEL evaluating to a {@code Map} of properties; merged under {@link #property()}. */
    String properties() default "";

    /** Named properties, each a SpEL expression. */
    EventProperty[] property() default {};

    /** SpEL that must be {@code true} for the event to be recorded; empty means always. */
    String condition() default "";

    /** When to record: after success (default), after failure, or both. */
    When when() default When.SUCCESS;

    /** When a {@link TrackEvent} records. */
    enum When {
        /** After the method returns (or its {@code CompletionStage} completes) normally. */
        SUCCESS,
        /** After the method throws (or its {@code CompletionStage} completes exceptionally). */
        FAILURE,
        /** Either way. */
        ALWAYS
    }
}
