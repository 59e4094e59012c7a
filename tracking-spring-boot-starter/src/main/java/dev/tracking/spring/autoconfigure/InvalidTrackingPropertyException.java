package dev.tracking.spring.autoconfigure;

/**
 * A {@code tracking.*} property is missing, malformed or out of range. Its message and action name the
 * property and never contain a secret.
 */
public class InvalidTrackingPropertyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String action;

    public InvalidTrackingPropertyException(String property, String problem, String action) {
        super(problem);
        this.property = property;
        this.action = action;
    }

    /** The full name of the property at fault, e.g. {@code tracking.lotus.base-url}. */
    public String property() {
        return property;
    }

    /** What to change to fix it. */
    public String action() {
        return action;
    }
}
