package dev.tracking;

import dev.tracking.internal.Checks;
import dev.tracking.internal.PropertyBuffer;
import dev.tracking.internal.PropertyValues;
import dev.tracking.internal.UuidV7;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A product or usage event, such as {@code report_exported}: a name, who did it and its properties.
 *
 * <p>Build one with {@link #builder(String)}; it needs a non-blank name and at least one identity field.
 */
public record TrackMessage(UUID id, Instant timestamp, String eventName, Identity identity,
        Map<String, Object> properties) implements Message {

    public TrackMessage {
        Checks.requireNonNull("id", id);
        Checks.requireEncodableTimestamp(timestamp);
        Checks.requireWellFormed("eventName", Checks.requireText("eventName", eventName));
        Checks.requireNonNull("identity", identity);
        if (identity.isEmpty()) {
            throw new IllegalArgumentException(
                    "identity must name at least one of customerId, userId, email, fingerprint");
        }
        properties = PropertyValues.copyOf("properties", properties);
    }

    /** Starts a builder for an event called {@code eventName}. */
    public static Builder builder(String eventName) {
        return new Builder(eventName);
    }

    /** Builds a {@link TrackMessage}; the id and, unless set, the timestamp are fixed by {@link #build()}. */
    public static final class Builder extends MessageBuilder<Builder> {
        private final String eventName;
        private final PropertyBuffer properties = new PropertyBuffer();

        private Builder(String eventName) {
            this.eventName = eventName;
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder property(String name, Object value) {
            properties.put(name, value);
            return this;
        }

        public Builder properties(Map<String, ?> values) {
            properties.putAll(values);
            return this;
        }

        /** The message, with a new UUIDv7 id. */
        public TrackMessage build() {
            Instant now = Instant.now();
            return new TrackMessage(UuidV7.at(now.toEpochMilli()), timestamp != null ? timestamp : now, eventName,
                    identity, properties.snapshot());
        }
    }
}
