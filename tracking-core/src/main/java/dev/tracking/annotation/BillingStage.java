package dev.tracking.annotation;

import dev.tracking.BillingStatus;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reports a customer's billing status (trialing, paid, churned) after the annotated method succeeds.
 * Given behaviour by the tracking Spring Boot starter (calls from within the same bean are not intercepted).
 * SpEL variables: every method parameter by name and {@code #result}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BillingStage {

    /** The status the customer has reached. */
    BillingStatus value();

    /** SpEL for the customer id; empty means the application's {@code IdentityResolver}. */
    String customerId() default "";

    /** SpEL evaluating to a {@code Map} of properties. */
    String properties() default "";

    /** Named properties, each a SpEL expression. */
    EventProperty[] property() default {};
}
