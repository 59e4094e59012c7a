package dev.tracking.billing;

import java.time.Instant;

/**
 * A customer's subscription to a plan.
 *
 * @param subscriptionId the backend's id
 * @param customerId the subscribed customer
 * @param planId the plan
 * @param startDate when it started
 * @param endDate when the current period ends (access lasts until then after a cancel at period end), or {@code null}
 * @param status {@code active}, {@code ended} or {@code not_started}
 * @param autoRenew whether it renews at {@code endDate}
 */
public record Subscription(String subscriptionId, String customerId, String planId, Instant startDate,
        Instant endDate, String status, boolean autoRenew) {

    /** Whether it currently grants access. */
    public boolean isActive() {
        return "active".equals(status);
    }
}
