package dev.tracking.spring.aop;

import dev.tracking.annotation.GateOnFeature;
import dev.tracking.spring.expression.MethodExpression;

/**
 * A {@code @GateOnFeature} as applied to one method: a feature or a metered event, its customer expression parsed.
 *
 * @param returnsFuture whether the method returns a type a {@code CompletableFuture} can stand in for, so that a
 *     denial is returned as a failed future instead of thrown
 * @param quantity the units a metered gate reserves per call
 */
record GateDefinition(AnnotatedMethod method, String feature, String event, MethodExpression customerId,
        GateOnFeature.NoAnswer onNoAnswer, boolean returnsFuture, long quantity) {

    boolean isMetered() {
        return event != null;
    }
}
