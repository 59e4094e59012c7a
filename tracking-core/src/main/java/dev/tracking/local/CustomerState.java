package dev.tracking.local;

import dev.tracking.billing.Subscription;
import java.time.Instant;
import java.util.List;

/**
 * Everything the local backend knows about one customer, as an immutable snapshot.
 *
 * @param customerId the customer's id
 * @param registered whether the customer was declared or created, so that access checks know it; a customer
 *     only seen in events is not registered
 * @param name the registered name, or {@code null}
 * @param email the registered email, or {@code null}
 * @param activePlans the plan ids of the active subscriptions
 * @param features the features those plans grant
 * @param subscriptions every subscription as it stands now, ended ones included
 * @param billingStatus the latest reported billing status ({@code trialing}, {@code paid}, {@code churned}), or
 *     {@code null}
 * @param billingStatusAt when that status was reported, or {@code null}
 * @param month the current UTC month, e.g. {@code 2026-03}
 * @param usage this month's usage per event: every event recorded this month or limited by an active plan
 * @param latestIdentify the latest identify naming this customer, or {@code null}
 * @param latestActivation the latest user stage change naming this customer, or {@code null}
 */
public record CustomerState(String customerId, boolean registered, String name, String email,
        List<String> activePlans, List<String> features, List<Subscription> subscriptions, String billingStatus,
        Instant billingStatusAt, String month, List<MeteredUsage> usage, RecordedEvent latestIdentify,
        RecordedEvent latestActivation) {
}
