package dev.tracking.spi;

import dev.tracking.TrackMessage;

/**
 * Told of every usage event the tracker accepts, on the caller's thread, so that an entitlement cache can
 * count a customer's usage between refreshes. Must be cheap and must not throw.
 */
public interface UsageObserver {

    /** {@code message} was accepted by the tracker. */
    void onTracked(TrackMessage message);

    /**
     * {@code message} was accepted by a tracker that does not also deliver to this observer (it is not one of the
     * tracker's destinations), so the observer hears of the message only this once. Defaults to
     * {@link #onTracked(TrackMessage)}.
     */
    default void onTrackedOnly(TrackMessage message) {
        onTracked(message);
    }
}
