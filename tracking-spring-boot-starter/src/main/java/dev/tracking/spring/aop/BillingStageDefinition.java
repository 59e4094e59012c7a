package dev.tracking.spring.aop;

import dev.tracking.BillingStatus;
import dev.tracking.spring.expression.MethodExpression;

/** A {@code @BillingStage} as applied to one method, its expressions parsed. */
record BillingStageDefinition(AnnotatedMethod method, BillingStatus status, MethodExpression customerId,
        PropertyExpressions properties) {
}
