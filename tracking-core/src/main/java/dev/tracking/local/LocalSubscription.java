package dev.tracking.local;

import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Subscription;
import java.time.Instant;

/**
 * A subscription as the local backend stores it; its status follows from the clock.
 *
 * <p>An open subscription renews every calendar month (UTC); {@code endsAt} is set by a cancel and is
 * exclusive: access lasts while the clock is before it.
 *
 * @param subscriptionId the id the store gave it
 * @param customerId the subscribed customer
 * @param planId the plan
 * @param startDate when access starts
 * @param endsAt when access ends (exclusive), or {@code null} while it renews
 */
public record LocalSubscription(String subscriptionId, String customerId, String planId, Instant startDate,
        Instant endsAt) {

    static final String ACTIVE = "active";
    static final String ENDED = "ended";
    static final String NOT_STARTED = "not_started";

    String status(Instant now) {
        if (endsAt != null && !now.isBefore(endsAt)) {
            return ENDED;
        }
        return now.isBefore(startDate) ? NOT_STARTED : ACTIVE;
    }

    boolean isActive(Instant now) {
        return ACTIVE.equals(status(now));
    }

    /** This subscription cancelled at {@code now}: ended now, or no longer renewing after this month. */
    LocalSubscription cancel(CancelOptions options, Instant now) {
        if (ENDED.equals(status(now))) {
            return this;
        }
        Instant end = options.revokeAccessNow() ? now : currentPeriodEnd(now);
        return new LocalSubscription(subscriptionId, customerId, planId, startDate, end);
    }

    /** The public view as it stands at {@code now}. */
    Subscription view(Instant now) {
        Instant end = endsAt != null ? endsAt : currentPeriodEnd(now);
        return new Subscription(subscriptionId, customerId, planId, startDate, end, status(now), endsAt == null);
    }

    private Instant currentPeriodEnd(Instant now) {
        if (endsAt != null) {
            return endsAt;
        }
        return UtcMonths.endOfMonthContaining(now.isBefore(startDate) ? startDate : now);
    }
}
