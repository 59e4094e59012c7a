package dev.tracking.local;

import dev.tracking.Identity;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest identify, activation and billing status per customer and per user.
 *
 * <p>A user is keyed by user id, else email, else fingerprint; a customer by customer id.
 */
final class ActivityBook {

    private final Map<String, LatestActivity> customers = new ConcurrentHashMap<>();
    private final Map<String, LatestActivity> users = new ConcurrentHashMap<>();

    /** Files an identify, activation or billing status under its customer and its user. */
    void record(RecordedEvent event) {
        Identity identity = event.identity();
        if (identity.customerId() != null) {
            customers.computeIfAbsent(identity.customerId(), id -> new LatestActivity()).offer(event);
        }
        String userKey = userKey(identity);
        if (userKey != null && !RecordedEvent.BILLING_STATUS.equals(event.type())) {
            users.computeIfAbsent(userKey, key -> new LatestActivity()).offer(event);
        }
    }

    /** The latest activity of {@code customerId}, or {@code null} when none was seen. */
    LatestActivity customer(String customerId) {
        return customers.get(customerId);
    }

    Set<String> customerIds() {
        return Set.copyOf(customers.keySet());
    }

    /** Every user's latest activity, by user key. */
    Map<String, LatestActivity> users() {
        return new TreeMap<>(users);
    }

    int userCount() {
        return users.size();
    }

    static String userKey(Identity identity) {
        if (identity.userId() != null) {
            return identity.userId();
        }
        return identity.email() != null ? identity.email() : identity.fingerprint();
    }
}
