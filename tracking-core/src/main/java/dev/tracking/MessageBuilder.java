package dev.tracking;

import java.time.Instant;

/**
 * The setters every message builder with an identity shares: who the message is about and when it happened.
 *
 * @param <B> the concrete builder, which every setter returns
 */
abstract class MessageBuilder<B extends MessageBuilder<B>> {

    Identity identity = Identity.empty();
    Instant timestamp;

    MessageBuilder() {
    }

    /** The builder itself, as its concrete type. */
    abstract B self();

    /** Sets every identity field at once; {@code null} clears them. */
    public B identity(Identity value) {
        identity = value == null ? Identity.empty() : value;
        return self();
    }

    public B customerId(String value) {
        identity = identity.withCustomerId(value);
        return self();
    }

    public B userId(String value) {
        identity = identity.withUserId(value);
        return self();
    }

    public B email(String value) {
        identity = identity.withEmail(value);
        return self();
    }

    public B fingerprint(String value) {
        identity = identity.withFingerprint(value);
        return self();
    }

    /** When it happened; defaults to the moment {@code build()} is called. */
    public B timestamp(Instant value) {
        timestamp = value;
        return self();
    }
}
