package dev.tracking.sample.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The signed-in user, their customer, its plans, metered usage and features.
 *
 * @param user the user name
 * @param customerId the customer the user acts for
 * @param email the user's email
 * @param plans the ids of the customer's active plans
 * @param usage per metered event: this month's usage and the limit
 * @param features per feature: whether the customer may use it
 */
public record MeView(String user, String customerId, String email, List<String> plans, Map<String, Usage> usage,
        Map<String, Boolean> features) {

    /**
     * Usage of one metered event this period.
     *
     * @param used how many were recorded
     * @param limit the limit, {@code null} when unlimited
     * @param allowed whether one more is allowed
     */
    public record Usage(BigDecimal used, BigDecimal limit, boolean allowed) {
    }
}
