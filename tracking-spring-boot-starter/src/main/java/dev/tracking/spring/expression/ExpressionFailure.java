package dev.tracking.spring.expression;

/**
 * An expression failed at run time: it threw, yielded {@code null} or yielded the wrong type. The aspects
 * catch it and skip the recording, counting reason {@code expression_error}. It carries no stack trace of its
 * own (the cause, when there is one, has the one that matters), so that a failing expression stays cheap.
 */
public class ExpressionFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExpressionFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
