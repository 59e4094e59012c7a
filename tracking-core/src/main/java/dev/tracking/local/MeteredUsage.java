package dev.tracking.local;

/**
 * A customer's use of one metered event in the current month.
 *
 * @param event the event name
 * @param used how many were recorded this month
 * @param limit the monthly limit of the customer's active plans, or {@code null} when unlimited or when the
 *     customer has no active plan
 */
public record MeteredUsage(String event, long used, Long limit) {
}
