package dev.tracking.spring.aop;

import dev.tracking.annotation.GateOnFeature;
import org.springframework.expression.Expression;

/** A {@code @GateOnFeature} as applied to one method: a feature or a metered event, its customer expression parsed. */
record GateDefinition(String feature, String event, Expression customerId, GateOnFeature.NoAnswer onNoAnswer) {

    boolean isMetered() {
        return event != null;
    }
}
