package dev.tracking.internal;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatusMessage;
import dev.tracking.IdentifyMessage;
import dev.tracking.Identity;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import java.lang.reflect.Array;
import java.util.Map;

/**
 * Estimates how large a message is once encoded as JSON, by a cheap walk over its fields (no encoding), so
 * that oversized messages are refused on the caller's thread and batches respect their byte limit.
 *
 * <p>Strings count one byte per character; the fixed per-message fields (id, type, timestamp, url) are
 * covered by a constant.
 */
public final class MessageSize {

    static final int ENVELOPE_BYTES = 160;
    private static final int NUMBER_BYTES = 20;
    private static final int TIME_BYTES = 32;

    private MessageSize() {
    }

    /** The estimated encoded size of {@code message} in bytes. */
    public static int estimate(Message message) {
        long size = ENVELOPE_BYTES + identity(message.identity());
        if (message instanceof TrackMessage track) {
            size += 16 + track.eventName().length() + map(track.properties());
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
        return value == null ? 0 : value.length() + 16;
    }

    private static long map(Map<?, ?> map) {
        long size = 2;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            size += String.valueOf(entry.getKey()).length() + 4 + value(entry.getValue());
        }
        return size;
    }

    private static long value(Object value) {
        if (value == null) {
            return 4;
        }
        if (value instanceof CharSequence text) {
            return text.length() + 2;
        }
        if (value instanceof Number) {
            return NUMBER_BYTES;
        }
        if (value instanceof Boolean) {
            return 5;
        }
        if (value instanceof Map<?, ?> nested) {
            return map(nested);
        }
        if (value instanceof Iterable<?> items) {
            long size = 2;
            for (Object item : items) {
                size += value(item) + 1;
            }
            return size;
        }
        if (value instanceof Object[] items) {
            long size = 2;
            for (Object item : items) {
                size += value(item) + 1;
            }
            return size;
        }
        if (value.getClass().isArray()) {
            return 2 + (long) Array.getLength(value) * (NUMBER_BYTES + 1);
        }
        return TIME_BYTES + 6;
    }
}
