package dev.tracking.spring.expression;

/** An annotation attribute's expression does not parse, or names a variable that will not exist. */
public class InvalidExpressionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidExpressionException(String message, Throwable cause) {
        super(message, cause);
    }
}
