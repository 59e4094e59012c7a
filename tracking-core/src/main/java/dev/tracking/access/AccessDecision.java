package dev.tracking.access;

import java.math.BigDecimal;

/**
 * The answer to "may this customer use this feature / record this metered event?".
 *
 * @param allowed whether access is granted
 * @param reason why
 * @param customerId the customer asked about
 * @param feature the feature asked about, or {@code null} for a metered-event check
 * @param event the metered event asked about, or {@code null} for a feature check
 * @param usage the customer's usage in the current period where metered, else {@code null}
 * @param limit the limit where metered and limited; {@code null} means unlimited or not metered
 * @param source where the answer came from
 */
public record AccessDecision(boolean allowed, AccessReason reason, String customerId, String feature, String event,
        BigDecimal usage, BigDecimal limit, DecisionSource source) {

    /** A feature decision. */
    public static AccessDecision forFeature(String customerId, String feature, boolean allowed, AccessReason reason,
            DecisionSource source) {
        return new AccessDecision(allowed, reason, customerId, feature, null, null, null, source);
    }

    /** A metered-event decision. */
    public static AccessDecision forEvent(String customerId, String event, boolean allowed, AccessReason reason,
            BigDecimal usage, BigDecimal limit, DecisionSource source) {
        return new AccessDecision(allowed, reason, customerId, null, event, usage, limit, source);
    }

    /** The same decision, marked as coming from {@code newSource}. */
    public AccessDecision withSource(DecisionSource newSource) {
        return new AccessDecision(allowed, reason, customerId, feature, event, usage, limit, newSource);
    }

    /** Whether this is a metered-event decision. */
    public boolean isMetered() {
        return event != null;
    }
}
