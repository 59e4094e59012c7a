package dev.tracking.sample.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the local backend has recorded for the signed-in user's customer.
 *
 * @param backend {@code local} when the embedded backend is running, {@code remote} when remote systems are
 *     configured and there is nothing to read back here
 * @param customerId the customer
 * @param plans the customer's active plans as the local backend sees them
 * @param billingStatus the latest reported billing status, or {@code null}
 * @param usage this month's usage per event name
 * @param events the customer's most recent messages, newest first
 */
public record ActivityView(String backend, String customerId, List<String> plans, String billingStatus,
        Map<String, Long> usage, List<Event> events) {

    /**
     * One recorded message.
     *
     * @param sequence the order the backend received it in
     * @param timestamp when it happened
     * @param kind {@code track}, {@code identify}, {@code activation} or {@code billing_status}
     * @param name the event name, stage or billing status
     * @param customerId the customer it names, or {@code null}
     * @param userId the user it names, or {@code null}
     * @param email the email it names, or {@code null}
     * @param properties its properties
     */
    public record Event(long sequence, Instant timestamp, String kind, String name, String customerId, String userId,
            String email, Map<String, Object> properties) {
    }
}
