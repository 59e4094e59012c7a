package dev.tracking;

import dev.tracking.value.PropertyValues;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A product or usage event, such as {@code report_exported}: a name, who did it and its properties.
 *
 * <p>Build one with {@link #builder(String)}; it needs a non-blank name and at least one identity field. It may
 * also carry the customer's traits ({@code customerTraits}), which Outlit records on the customer.
 */
public record TrackMessage(UUID id, Instant timestamp, String eventName, Identity identity,
        Map<String, Object> properties, Map<String, Object> customerTraits) implements Message {

    public TrackMessage {
        ArgumentChecks.requireNonNull("id", id);
        ArgumentChecks.requireEncodableTimestamp(timestamp);
        ArgumentChecks.requireWellFormed("eventName", ArgumentChecks.requireText("eventName", eventName));
        ArgumentChecks.requireNonNull("identity", identity);
        if (identity.isEmpty()) {
            throw new IllegalArgumentException(
                    "identity must name at least one of customerId, userId, email, fingerprint");
        }
        properties = PropertyValues.copyOf("properties", properties);
        customerTraits = PropertyValues.copyOf("customerTraits", customerTraits);
    }

    /** An event without customer traits. */
    public TrackMessage(UUID id, Instant timestamp, String eventName, Identity identity,
            Map<String, Object> properties) {
        this(id, timestamp, eventName, identity, properties, Map.of());
    }

    /** Starts a builder for an event called {@code eventName}. */
    public static Builder builder(String eventName) {
        return new Builder(eventName);
    }

    /** Builds a {@link TrackMessage}; the id and, unless set, the timestamp are fixed by {@link #build()}. */
    public static final class Builder extends PropertyMessageBuilder<Builder> {
        private final String eventName;
        private Map<String, Object> customerTraits;

        private Builder(String eventName) {
            this.eventName = eventName;
        }

        @Override
        Builder self() {
            return this;
        }

        /** A trait of the event's customer (Outlit: a string, number, boolean or {@code null}). */
        public Builder customerTrait(String name, Object value) {
            if (customerTraits == null) {
                customerTraits = new LinkedHashMap<>();
            }
            customerTraits.put(name, value);
            return this;
        }

        /** Traits of the event's customer (Outlit: strings, numbers, booleans or {@code null}s). */
        public Builder customerTraits(Map<String, ?> values) {
            if (values != null) {
                values.forEach(this::customerTrait);
            }
            return this;
        }

        /** The message, with a new UUIDv7 id. */
        public TrackMessage build() {
            Instant now = Instant.now();
            return new TrackMessage(UuidV7.at(now.toEpochMilli()), timestamp != null ? timestamp : now, eventName,
                    identity, properties.snapshot("properties"), customerTraits == null ? Map.of() : customerTraits);
        }
    }
}
