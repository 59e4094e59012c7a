package dev.tracking.spring.aop;

import dev.tracking.Identity;
import dev.tracking.spring.expression.CallEvaluationContext;
import dev.tracking.spring.expression.MethodExpression;
import dev.tracking.spring.expression.TrackingExpressionEvaluator;

/** The parsed identity attributes of an annotation; an absent one is {@code null}. */
record IdentityExpressions(MethodExpression customerId, MethodExpression userId, MethodExpression email,
        MethodExpression fingerprint) {

    /** Whether no attribute is set, so the identity comes from the application's resolver alone. */
    boolean isEmpty() {
        return customerId == null && userId == null && email == null && fingerprint == null;
    }

    /** Whether some identity attribute is not set, so the resolver may fill it. */
    boolean isPartial() {
        return customerId == null || userId == null || email == null || fingerprint == null;
    }

    Identity evaluate(TrackingExpressionEvaluator evaluator, CallEvaluationContext context) {
        return new Identity(text(evaluator, customerId, context), text(evaluator, userId, context),
                text(evaluator, email, context), text(evaluator, fingerprint, context));
    }

    /** The expression's value as text, or {@code null} for an absent attribute. */
    static String text(TrackingExpressionEvaluator evaluator, MethodExpression expression,
            CallEvaluationContext context) {
        return expression == null ? null : String.valueOf(evaluator.evaluate(expression, context, Object.class));
    }
}
