package dev.tracking.spring.actuate;

import dev.tracking.DestinationStats;
import java.util.LinkedHashMap;
import java.util.Map;

/** The per-destination details shown by the health component and the endpoint; never a credential. */
final class DestinationDetails {

    private DestinationDetails() {
    }

    static Map<String, Object> of(DestinationStats stats) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("queueSize", stats.pending());
        details.put("accepted", stats.accepted());
        details.put("delivered", stats.delivered());
        details.put("failed", stats.failed());
        details.put("dropped", stats.dropped());
        details.put("consecutiveFailures", stats.consecutiveFailures());
        details.put("credentialsRejected", stats.credentialsRejected());
        details.put("senderRestarts", stats.senderRestarts());
        putIfPresent(details, "lastDeliveryAt", stats.lastDeliveryAt());
        putIfPresent(details, "lastFailureAt", stats.lastFailureAt());
        if (stats.lastFailure() != null) {
            details.put("lastFailureReason", stats.lastFailure().reason());
        }
        return details;
    }

    private static void putIfPresent(Map<String, Object> details, String name, Object value) {
        if (value != null) {
            details.put(name, value.toString());
        }
    }
}
