package dev.tracking.lotus;

import dev.tracking.TrackingApiException;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.DecisionSource;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/**
 * Reads Lotus's four access answers into {@link AccessDecision}s.
 *
 * <p>Features: by name, the answer lists one {@code GetFeatureAccess} per active subscription and the feature is
 * allowed when any of them has {@code access}; by id, the server's {@code access} flag decides.
 *
 * <p>Metered events: the hard cap is {@code metric_total_limit} ({@code null} = unlimited);
 * {@code metric_free_limit} only says how much usage is free of charge, so it never denies. A subscription's
 * headroom is its total limit minus its usage, taken over every matching component (recording the event counts
 * against all of them). The decision reports usage and limit of the subscription with the most headroom. By name
 * there is no server verdict: the event is allowed while that headroom is positive (or unlimited), it is
 * {@code NOT_IN_PLAN} when no active subscription meters the event. By id, the server's {@code access} flag
 * (which follows the organization's policy) decides, except that a subscription with all-zero limits is one whose
 * plan lacks the metric (Lotus still says {@code access: true} for it): with no other, the event is
 * {@code NOT_IN_PLAN}.
 */
final class LotusAccess {

    private LotusAccess() {
    }

    static AccessDecision featureByName(String customerId, String feature, JsonNode subscriptions) {
        boolean allowed = false;
        for (JsonNode subscription : subscriptions.values()) {
            allowed |= subscription.path("access").asBoolean(false);
        }
        return feature(customerId, feature, allowed);
    }

    static AccessDecision featureById(String customerId, String feature, JsonNode answer) {
        return feature(customerId, feature, answer.path("access").asBoolean(false));
    }

    static AccessDecision eventByName(String customerId, String event, JsonNode subscriptions) {
        Headroom best = null;
        for (JsonNode subscription : subscriptions.values()) {
            Headroom tightest = null;
            for (JsonNode component : subscription.path("usage_per_component").values()) {
                tightest = Headroom.tighter(tightest, Headroom.of(component));
            }
            best = Headroom.looser(best, tightest);
        }
        if (best == null) {
            return event(customerId, event, false, AccessReason.NOT_IN_PLAN, null);
        }
        boolean allowed = best.isPositive();
        return event(customerId, event, allowed, allowed ? AccessReason.IN_PLAN : AccessReason.LIMIT_REACHED, best);
    }

    static AccessDecision eventById(String customerId, String event, JsonNode answer) {
        Headroom best = null;
        for (JsonNode subscription : answer.path("access_per_subscription").values()) {
            if (hasMetric(subscription)) {
                best = Headroom.looser(best, Headroom.of(subscription));
            }
        }
        if (best == null) {
            return event(customerId, event, false, AccessReason.NOT_IN_PLAN, null);
        }
        boolean allowed = answer.path("access").asBoolean(false);
        return event(customerId, event, allowed, allowed ? AccessReason.IN_PLAN : AccessReason.LIMIT_REACHED, best);
    }

    /**
     * Whether a subscription's plan has the metric: Lotus reports a plan without it with all-zero limits
     * ({@code metric_total_limit} and {@code metric_free_limit} 0) and still says {@code access: true}.
     */
    private static boolean hasMetric(JsonNode subscription) {
        BigDecimal total = LotusJson.decimal(subscription, "metric_total_limit");
        BigDecimal free = LotusJson.decimal(subscription, "metric_free_limit");
        boolean totalZero = total != null && total.signum() == 0;
        boolean freeZero = free == null ? !subscription.path("metric_free_limit").isNull() : free.signum() == 0;
        return !(totalZero && freeZero);
    }

    /**
     * Whether Lotus refused the request because it does not know the customer: a 400 (or 404) whose validation
     * errors name {@code customer_id} (the server's {@code does_not_exist} answer for an unknown customer id).
     */
    static boolean isUnknownCustomer(TrackingApiException e) {
        if (e.status() != 400 && e.status() != 404) {
            return false;
        }
        for (TrackingApiException.ValidationError error : e.validationErrors()) {
            if ("customer_id".equals(error.attr())) {
                return true;
            }
        }
        return e.detail() != null && e.detail().contains("customer_id") && e.detail().contains("does not exist");
    }

    static AccessDecision unknownCustomer(String customerId, String feature, String event) {
        return new AccessDecision(false, AccessReason.UNKNOWN_CUSTOMER, customerId, feature, event, null, null,
                DecisionSource.REMOTE);
    }

    private static AccessDecision feature(String customerId, String feature, boolean allowed) {
        return AccessDecision.forFeature(customerId, feature, allowed,
                allowed ? AccessReason.IN_PLAN : AccessReason.NOT_IN_PLAN, DecisionSource.REMOTE);
    }

    private static AccessDecision event(String customerId, String event, boolean allowed, AccessReason reason,
            Headroom headroom) {
        return AccessDecision.forEvent(customerId, event, allowed, reason,
                headroom == null ? null : headroom.usage(), headroom == null ? null : headroom.limit(),
                DecisionSource.REMOTE);
    }

    /** Usage against a total limit; a {@code null} limit is unlimited. */
    private record Headroom(BigDecimal usage, BigDecimal limit) {

        static Headroom of(JsonNode node) {
            BigDecimal usage = LotusJson.decimal(node, "metric_usage");
            return new Headroom(usage == null ? BigDecimal.ZERO : usage, LotusJson.decimal(node, "metric_total_limit"));
        }

        boolean isPositive() {
            return limit == null || limit.compareTo(usage) > 0;
        }

        static Headroom tighter(Headroom a, Headroom b) {
            return a == null ? b : b == null ? a : compare(a, b) <= 0 ? a : b;
        }

        static Headroom looser(Headroom a, Headroom b) {
            return a == null ? b : b == null ? a : compare(a, b) >= 0 ? a : b;
        }

        private static int compare(Headroom a, Headroom b) {
            if (a.limit == null || b.limit == null) {
                return a.limit == null ? (b.limit == null ? 0 : 1) : -1;
            }
            return a.limit.subtract(a.usage).compareTo(b.limit.subtract(b.usage));
        }
    }
}
