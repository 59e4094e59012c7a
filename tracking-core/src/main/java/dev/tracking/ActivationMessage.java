package dev.tracking;

import dev.tracking.value.PropertyValues;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Moves a user to a journey stage (activated, engaged, inactive). Needs an email, user id or fingerprint.
 */
public record ActivationMessage(UUID id, Instant timestamp, UserStage stage, Identity identity,
        Map<String, Object> properties) implements Message {

    public ActivationMessage {
        ArgumentChecks.requireNonNull("id", id);
        ArgumentChecks.requireEncodableTimestamp(timestamp);
        ArgumentChecks.requireNonNull("stage", stage);
        ArgumentChecks.requireNonNull("identity", identity);
        if (identity.email() == null && identity.userId() == null && identity.fingerprint() == null) {
            throw new IllegalArgumentException("identity must name an email, a userId or a fingerprint");
        }
        properties = PropertyValues.copyOf("properties", properties);
    }

    /** Starts a builder for the {@code activated} stage. */
    public static Builder activated() {
        return new Builder(UserStage.ACTIVATED);
    }

    /** Starts a builder for any stage. */
    public static Builder builder(UserStage stage) {
        return new Builder(stage);
    }

    /** Builds an {@link ActivationMessage}. */
    public static final class Builder extends PropertyMessageBuilder<Builder> {
        private final UserStage stage;

        private Builder(UserStage stage) {
            this.stage = stage;
        }

        @Override
        Builder self() {
            return this;
        }

        public ActivationMessage build() {
            Instant at = timestamp != null ? timestamp : Instant.now();
            return new ActivationMessage(UuidV7.next(), at, stage, identity, properties.snapshot("properties"));
        }
    }
}
