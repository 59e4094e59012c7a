package dev.tracking.spring.aop;

import dev.tracking.access.AccessDecision;
import java.lang.annotation.Annotation;

/**
 * Told what the annotation aspects did that the tracker itself cannot see: recordings skipped before reaching
 * it, and the decisions of gates. Metrics implement it; it must be fast and must not throw.
 */
public interface TrackingAspectListener {

    /**
     * A {@code @TrackEvent} or {@code @BillingStage} did not record. Reasons: {@code expression_error},
     * {@code no_identity}, {@code invalid_event}, {@code tracker_closed}, {@code record_failed}.
     */
    default void onSkipped(Class<? extends Annotation> annotation, String reason) {
    }

    /** A {@code @GateOnFeature} got {@code decision}. */
    default void onAccessChecked(AccessDecision decision) {
    }
}
