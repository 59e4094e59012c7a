package dev.tracking.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One named property of a recorded event, its value a SpEL expression. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface EventProperty {

    /** The property's name. */
    String name();

    /** A SpEL expression for its value, e.g. {@code #request.format}. */
    String value();
}
