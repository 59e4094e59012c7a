package dev.tracking.spring.aop;

import dev.tracking.annotation.TrackEvent;
import org.springframework.expression.Expression;

/** A {@code @TrackEvent} as applied to one method, its expressions parsed. */
record TrackEventDefinition(String eventName, IdentityExpressions identity, PropertyExpressions properties,
        Expression condition, TrackEvent.When when) {

    boolean recordsOnSuccess() {
        return when != TrackEvent.When.FAILURE;
    }

    boolean recordsOnFailure() {
        return when != TrackEvent.When.SUCCESS;
    }
}
