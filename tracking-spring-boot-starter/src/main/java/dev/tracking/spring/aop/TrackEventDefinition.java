package dev.tracking.spring.aop;

import dev.tracking.annotation.TrackEvent;
import dev.tracking.spring.expression.MethodExpression;

/** A {@code @TrackEvent} as applied to one method, its expressions parsed. */
record TrackEventDefinition(AnnotatedMethod method, String eventName, IdentityExpressions identity,
        PropertyExpressions properties, MethodExpression condition, TrackEvent.When when) {

    boolean recordsOnSuccess() {
        return when != TrackEvent.When.FAILURE;
    }

    boolean recordsOnFailure() {
        return when != TrackEvent.When.SUCCESS;
    }
}
