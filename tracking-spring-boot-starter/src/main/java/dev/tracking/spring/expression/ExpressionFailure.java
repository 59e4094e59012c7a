package dev.tracking.spring.expression;

/**
 * An expression failed at run time: it threw, yielded {@code null} or yielded the wrong type. The aspects
 * catch it and skip the recording, counting reason {@code expression_error}.
 */
public class ExpressionFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExpressionFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
