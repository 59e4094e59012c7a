package dev.tracking.spring.aop;

import dev.tracking.access.AccessDecision;
import java.lang.annotation.Annotation;

/**
 * Told what the annotation aspects did that the tracker itself cannot see: recordings skipped before reaching
 * it, and the decisions gates made without asking the tracker's entitlements. Metrics implement it; it must be
 * fast and must not throw.
 */
public interface TrackingAspectListener {

    /**
     * A {@code @TrackEvent} or {@code @BillingStage} did not record. Reasons: {@code expression_error}, {@code invalid_property},
     * {@code no_identity}, {@code invalid_event}, {@code tracker_closed}, {@code record_failed}.
     */
    default void onSkipped(Class<? extends Annotation> annotation, String reason) {
    }

    /**
     * A {@code @GateOnFeature} decided by its no-answer policy without asking the tracker's entitlements (no
     * customer id, or the check threw). The decisions the entitlements make reach
     * {@link dev.tracking.TrackingListener#onAccessChecked} instead.
     */
    default void onAccessChecked(AccessDecision decision) {
    }
}
