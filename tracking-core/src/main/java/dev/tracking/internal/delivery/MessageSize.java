package dev.tracking.internal.delivery;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatusMessage;
import dev.tracking.IdentifyMessage;
import dev.tracking.Identity;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.value.JsonText;
import dev.tracking.value.PropertyMap;
import dev.tracking.value.PropertyValues;
import java.util.Map;

/**
 * How large a message is once encoded as JSON in UTF-8, so that oversized messages are refused on the caller's
 * thread and batches respect their byte limit. The properties' snapshot already knows its size
 * ({@link PropertyMap#encodedBytes()}, strings exact, escapes included); the identity and name are measured here,
 * and the fixed per-message fields (id, type, timestamp, url) are covered by a constant. Allocates nothing.
 */
public final class MessageSize {

    static final int ENVELOPE_BYTES = 160;

    private MessageSize() {
    }

    /** The encoded size of {@code message} in bytes (an upper bound). */
    public static int estimate(Message message) {
        long size = ENVELOPE_BYTES + identity(message.identity());
        if (message instanceof TrackMessage track) {
            size += 16 + JsonText.stringBytes(track.eventName()) + map(track.properties())
                    + map(track.customerTraits());
        } else if (message instanceof IdentifyMessage identify) {
            size += map(identify.traits()) + map(identify.customerTraits());
        } else if (message instanceof ActivationMessage activation) {
            size += 64 + map(activation.properties());
        } else if (message instanceof BillingStatusMessage billing) {
            size += 24 + map(billing.properties());
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    private static long identity(Identity identity) {
        return text(identity.customerId()) + text(identity.userId()) + 2L * text(identity.email())
                + text(identity.fingerprint());
    }

    private static long text(String value) {
        return value == null ? 0 : JsonText.stringBytes(value) + 16;
    }

    private static long map(Map<String, Object> map) {
        if (map instanceof PropertyMap snapshot && snapshot.encodedBytes() >= 0) {
            return snapshot.encodedBytes();
        }
        return PropertyValues.copyOf("properties", map).encodedBytes();
    }
}
