package dev.tracking;

import dev.tracking.value.PropertyValues;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Tells who a user is: email and/or user id (one is required), optional customer, user traits and
 * customer traits.
 */
public record IdentifyMessage(UUID id, Instant timestamp, Identity identity, Map<String, Object> traits,
        Map<String, Object> customerTraits) implements Message {

    public IdentifyMessage {
        ArgumentChecks.requireNonNull("id", id);
        ArgumentChecks.requireEncodableTimestamp(timestamp);
        ArgumentChecks.requireNonNull("identity", identity);
        if (identity.email() == null && identity.userId() == null) {
            throw new IllegalArgumentException("identity must name an email or a userId");
        }
        traits = PropertyValues.copyOf("traits", traits);
        customerTraits = PropertyValues.copyOf("customerTraits", customerTraits);
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link IdentifyMessage}. */
    public static final class Builder extends MessageBuilder<Builder> {
        private final Map<String, Object> traits = new LinkedHashMap<>();
        private final Map<String, Object> customerTraits = new LinkedHashMap<>();

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder trait(String name, Object value) {
            traits.put(name, value);
            return this;
        }

        public Builder traits(Map<String, ?> values) {
            if (values != null) {
                traits.putAll(values);
            }
            return this;
        }

        public Builder customerTrait(String name, Object value) {
            customerTraits.put(name, value);
            return this;
        }

        public Builder customerTraits(Map<String, ?> values) {
            if (values != null) {
                customerTraits.putAll(values);
            }
            return this;
        }

        public IdentifyMessage build() {
            Instant at = timestamp != null ? timestamp : Instant.now();
            return new IdentifyMessage(UuidV7.next(), at, identity, traits, customerTraits);
        }
    }
}
