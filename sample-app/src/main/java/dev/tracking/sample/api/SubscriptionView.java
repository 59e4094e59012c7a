package dev.tracking.sample.api;

import dev.tracking.billing.Subscription;
import java.time.Instant;

/**
 * A customer's subscription as the API shows it, with the plan's name.
 *
 * @param subscriptionId the billing backend's id
 * @param plan the plan's name
 * @param status {@code active}, {@code ended} or {@code not_started}
 * @param startDate when it started
 * @param endDate when it ends or ended, or {@code null}
 */
public record SubscriptionView(String subscriptionId, String plan, String status, Instant startDate,
        Instant endDate) {

    /** The view of {@code subscription}, its plan named through {@code plans}. */
    public static SubscriptionView of(Subscription subscription, PlanCatalog plans) {
        return new SubscriptionView(subscription.subscriptionId(), plans.nameOf(subscription.planId()),
                subscription.status(), subscription.startDate(), subscription.endDate());
    }
}
