package dev.tracking.spi;

import dev.tracking.TrackMessage;

/**
 * Told of every usage event the tracker accepts, on the caller's thread, so that an entitlement cache can
 * count a customer's usage between refreshes. Must be cheap and must not throw.
 */
public interface UsageObserver {

    /** {@code message} was accepted by the tracker. */
    void onTracked(TrackMessage message);
}
