package dev.tracking.spring.aop;

import dev.tracking.Identity;
import dev.tracking.spring.expression.TrackingExpressionEvaluator;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

/** The parsed identity attributes of an annotation; an absent one is {@code null}. */
record IdentityExpressions(Expression customerId, Expression userId, Expression email, Expression fingerprint) {

    static IdentityExpressions ofCustomer(Expression customerId) {
        return new IdentityExpressions(customerId, null, null, null);
    }

    /** Whether no attribute is set, so the identity comes from the application's resolver alone. */
    boolean isEmpty() {
        return customerId == null && userId == null && email == null && fingerprint == null;
    }

    /** Whether some identity attribute is not set, so the resolver may fill it. */
    boolean isPartial() {
        return customerId == null || userId == null || email == null || fingerprint == null;
    }

    Identity evaluate(TrackingExpressionEvaluator evaluator, EvaluationContext context) {
        return new Identity(text(evaluator, customerId, context), text(evaluator, userId, context),
                text(evaluator, email, context), text(evaluator, fingerprint, context));
    }

    private static String text(TrackingExpressionEvaluator evaluator, Expression expression, EvaluationContext context) {
        return expression == null ? null : String.valueOf(evaluator.evaluate(expression, context, Object.class));
    }
}
