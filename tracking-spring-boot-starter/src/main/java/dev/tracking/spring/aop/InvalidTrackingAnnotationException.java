package dev.tracking.spring.aop;

import java.lang.reflect.Method;

/**
 * A tracking annotation on a bean method cannot work: a bad expression, no way to get an identity, or
 * conflicting attributes. Thrown at startup; the message names the class, the method and the attribute.
 */
public class InvalidTrackingAnnotationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String location;
    private final String attribute;
    private final String action;

    public InvalidTrackingAnnotationException(Method method, String annotation, String attribute, String problem,
            Throwable cause) {
        this(method, annotation, attribute, problem, null, cause);
    }

    /** With the fix to suggest, when it is more specific than "fix the annotation". */
    public InvalidTrackingAnnotationException(Method method, String annotation, String attribute, String problem,
            String action, Throwable cause) {
        super("@" + annotation + (attribute == null ? "" : "(" + attribute + ")") + " on "
                + describe(method) + ": " + problem, cause);
        this.location = describe(method);
        this.attribute = attribute;
        this.action = action;
    }

    /** The method, as {@code com.example.Service.method(..)}. */
    public String location() {
        return location;
    }

    /** The attribute at fault, or {@code null} when the annotation as a whole is. */
    public String attribute() {
        return attribute;
    }

    /** What to change, or {@code null} when the general advice (fix the annotation) applies. */
    public String action() {
        return action;
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + "(..)";
    }
}
