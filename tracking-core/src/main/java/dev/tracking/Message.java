package dev.tracking;

import java.time.Instant;
import java.util.UUID;

/**
 * Something the tracker delivers: a usage event, an identify, a user stage or a billing status.
 *
 * <p>Every message gets its id (a UUIDv7) and timestamp once, when it is built; a retry re-sends both
 * unchanged, so the receiving server can drop duplicates.
 */
public sealed interface Message permits TrackMessage, IdentifyMessage, ActivationMessage, BillingStatusMessage {

    /** The message's unique id, fixed when it was built. */
    UUID id();

    /** When it happened, fixed when it was built. */
    Instant timestamp();

    /** Who it is about. */
    Identity identity();
}
