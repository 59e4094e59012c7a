package dev.tracking.spring.aop;

import dev.tracking.BillingStatus;
import org.springframework.expression.Expression;

/** A {@code @BillingStage} as applied to one method, its expressions parsed. */
record BillingStageDefinition(BillingStatus status, Expression customerId, PropertyExpressions properties) {
}
