package dev.tracking.local;

import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.DecisionSource;
import dev.tracking.access.Entitlements;
import dev.tracking.access.HeldReservation;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.access.Reservation;
import dev.tracking.internal.check.Arguments;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Access decisions computed in process from the customer's active plans and this month's usage. Always
 * answers, so the no-answer policy never applies; every decision has source {@link DecisionSource#REMOTE}.
 */
final class LocalEntitlements implements Entitlements {

    private final LocalBilling billing;
    private final UsageLedger usage;
    private final Clock clock;

    LocalEntitlements(LocalBilling billing, UsageLedger usage, Clock clock) {
        this.billing = billing;
        this.usage = usage;
        this.clock = clock;
    }

    @Override
    public AccessDecision checkFeature(String customerId, String feature, OnNoAnswer onNoAnswer) {
        Arguments.requireText("customerId", customerId);
        Arguments.requireText("feature", feature);
        Arguments.requireNonNull("onNoAnswer", onNoAnswer);
        if (!billing.knows(customerId)) {
            return AccessDecision.forFeature(customerId, feature, false, AccessReason.UNKNOWN_CUSTOMER,
                    DecisionSource.REMOTE);
        }
        boolean granted = billing.activePlans(customerId, clock.instant()).stream().anyMatch(p -> p.grants(feature));
        return AccessDecision.forFeature(customerId, feature, granted,
                granted ? AccessReason.IN_PLAN : AccessReason.NOT_IN_PLAN, DecisionSource.REMOTE);
    }

    @Override
    public AccessDecision checkEvent(String customerId, String eventName, OnNoAnswer onNoAnswer) {
        Arguments.requireText("customerId", customerId);
        Arguments.requireText("eventName", eventName);
        Arguments.requireNonNull("onNoAnswer", onNoAnswer);
        if (!billing.knows(customerId)) {
            return AccessDecision.forEvent(customerId, eventName, false, AccessReason.UNKNOWN_CUSTOMER, null, null,
                    DecisionSource.REMOTE);
        }
        Instant now = clock.instant();
        List<LocalPlan> plans = billing.activePlans(customerId, now);
        BigDecimal used = BigDecimal.valueOf(usage.usage(customerId, eventName, UtcMonths.of(now)));
        if (plans.isEmpty()) {
            return AccessDecision.forEvent(customerId, eventName, false, AccessReason.NOT_IN_PLAN, used, null,
                    DecisionSource.REMOTE);
        }
        Long limit = mostGenerousLimit(plans, eventName);
        boolean allowed = limit == null || used.longValue() < limit;
        return AccessDecision.forEvent(customerId, eventName, allowed,
                allowed ? AccessReason.IN_PLAN : AccessReason.LIMIT_REACHED, used,
                limit == null ? null : BigDecimal.valueOf(limit), DecisionSource.REMOTE);
    }

    /**
     * Reserves {@code quantity} units in the current UTC month when they fit under the most generous limit of the
     * active plans: the store adds them only if the total stays within it, in one atomic step. Unlimited events
     * are counted too, so usage stays true. Releasing gives the units back to the month they were taken in.
     */
    @Override
    public Reservation tryConsume(String customerId, String eventName, long quantity, OnNoAnswer onNoAnswer) {
        Arguments.requireText("customerId", customerId);
        Arguments.requireText("eventName", eventName);
        Arguments.requireNonNull("onNoAnswer", onNoAnswer);
        Entitlements.requirePositive(quantity);
        if (!billing.knows(customerId)) {
            return Reservation.holdingNothing(AccessDecision.forEvent(customerId, eventName, false,
                    AccessReason.UNKNOWN_CUSTOMER, null, null, DecisionSource.REMOTE));
        }
        Instant now = clock.instant();
        YearMonth month = UtcMonths.of(now);
        List<LocalPlan> plans = billing.activePlans(customerId, now);
        if (plans.isEmpty()) {
            return Reservation.holdingNothing(AccessDecision.forEvent(customerId, eventName, false,
                    AccessReason.NOT_IN_PLAN, BigDecimal.valueOf(usage.usage(customerId, eventName, month)), null,
                    DecisionSource.REMOTE));
        }
        Long limit = mostGenerousLimit(plans, eventName);
        if (limit == null) {
            usage.consume(customerId, eventName, month, quantity);
        } else if (!usage.tryConsume(customerId, eventName, month, quantity, limit)) {
            return Reservation.holdingNothing(AccessDecision.forEvent(customerId, eventName, false,
                    AccessReason.LIMIT_REACHED, BigDecimal.valueOf(usage.usage(customerId, eventName, month)),
                    BigDecimal.valueOf(limit), DecisionSource.REMOTE));
        }
        AccessDecision granted = AccessDecision.forEvent(customerId, eventName, true, AccessReason.IN_PLAN,
                null, limit == null ? null : BigDecimal.valueOf(limit), DecisionSource.REMOTE);
        return new HeldReservation(granted, () -> usage.release(customerId, eventName, month, quantity));
    }

    /** The highest limit among {@code plans}, or {@code null} (unlimited) when any plan sets none. */
    static Long mostGenerousLimit(List<LocalPlan> plans, String eventName) {
        long highest = 0;
        for (LocalPlan plan : plans) {
            Long limit = plan.limitFor(eventName);
            if (limit == null) {
                return null;
            }
            highest = Math.max(highest, limit);
        }
        return highest;
    }
}
