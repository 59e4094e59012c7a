package dev.tracking;

import dev.tracking.value.PropertyValues;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Reports a customer's billing status (trialing, paid, churned). Needs a customer id. */
public record BillingStatusMessage(UUID id, Instant timestamp, BillingStatus status, Identity identity,
        Map<String, Object> properties) implements Message {

    public BillingStatusMessage {
        ArgumentChecks.requireNonNull("id", id);
        ArgumentChecks.requireEncodableTimestamp(timestamp);
        ArgumentChecks.requireNonNull("status", status);
        ArgumentChecks.requireNonNull("identity", identity);
        ArgumentChecks.requireText("customerId", identity.customerId());
        properties = PropertyValues.copyOf("properties", properties);
    }

    /** The customer whose status changed. */
    public String customerId() {
        return identity.customerId();
    }

    /** Starts a builder for {@code status} of customer {@code customerId}. */
    public static Builder builder(BillingStatus status, String customerId) {
        return new Builder(status, customerId);
    }

    /** Builds a {@link BillingStatusMessage}. */
    public static final class Builder {
        private final BillingStatus status;
        private final String customerId;
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private Instant timestamp;

        private Builder(BillingStatus status, String customerId) {
            this.status = status;
            this.customerId = customerId;
        }

        public Builder property(String name, Object value) {
            properties.put(name, value);
            return this;
        }

        public Builder properties(Map<String, ?> values) {
            if (values != null) {
                properties.putAll(values);
            }
            return this;
        }

        public Builder timestamp(Instant value) {
            timestamp = value;
            return this;
        }

        public BillingStatusMessage build() {
            Instant at = timestamp != null ? timestamp : Instant.now();
            return new BillingStatusMessage(UuidV7.next(), at, status, Identity.ofCustomer(customerId), properties);
        }
    }
}
