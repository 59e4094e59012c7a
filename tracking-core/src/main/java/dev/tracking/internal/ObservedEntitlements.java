package dev.tracking.internal;

import dev.tracking.access.AccessDecision;
import dev.tracking.access.Entitlements;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.access.Reservation;
import dev.tracking.internal.delivery.ListenerChain;

/** The tracker's entitlements as its callers see them: every decision is also told to the tracking listeners. */
final class ObservedEntitlements implements Entitlements {

    private final Entitlements entitlements;
    private final ListenerChain listeners;

    ObservedEntitlements(Entitlements entitlements, ListenerChain listeners) {
        this.entitlements = entitlements;
        this.listeners = listeners;
    }

    @Override
    public AccessDecision checkFeature(String customerId, String feature) {
        return observed(entitlements.checkFeature(customerId, feature));
    }

    @Override
    public AccessDecision checkFeature(String customerId, String feature, OnNoAnswer onNoAnswer) {
        return observed(entitlements.checkFeature(customerId, feature, onNoAnswer));
    }

    @Override
    public AccessDecision checkEvent(String customerId, String eventName) {
        return observed(entitlements.checkEvent(customerId, eventName));
    }

    @Override
    public AccessDecision checkEvent(String customerId, String eventName, OnNoAnswer onNoAnswer) {
        return observed(entitlements.checkEvent(customerId, eventName, onNoAnswer));
    }

    @Override
    public Reservation tryConsume(String customerId, String eventName, long quantity) {
        return observed(entitlements.tryConsume(customerId, eventName, quantity));
    }

    @Override
    public Reservation tryConsume(String customerId, String eventName, long quantity, OnNoAnswer onNoAnswer) {
        return observed(entitlements.tryConsume(customerId, eventName, quantity, onNoAnswer));
    }

    @Override
    public OnNoAnswer onNoAnswer() {
        return entitlements.onNoAnswer();
    }

    @Override
    public void invalidate(String customerId) {
        entitlements.invalidate(customerId);
    }

    private Reservation observed(Reservation reservation) {
        listeners.onAccessChecked(reservation.decision());
        return reservation;
    }

    private AccessDecision observed(AccessDecision decision) {
        listeners.onAccessChecked(decision);
        return decision;
    }
}
