package dev.tracking.internal;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatusMessage;
import dev.tracking.IdentifyMessage;
import dev.tracking.Identity;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import java.lang.reflect.Array;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Estimates how large a message is once encoded as JSON, by a cheap walk over its fields (no encoding), so
 * that oversized messages are refused on the caller's thread and batches respect their byte limit.
 *
 * <p>Strings count one byte per character; the fixed per-message fields (id, type, timestamp, url) are
 * covered by a constant. The walk allocates nothing: a {@link PropertyMap} is read by index, other maps are
 * visited with {@link Map#forEach} by a per-thread accumulator.
 */
public final class MessageSize {

    static final int ENVELOPE_BYTES = 160;
    private static final int NUMBER_BYTES = 20;
    private static final int TIME_BYTES = 38;
    private static final ThreadLocal<Walker> WALKER = ThreadLocal.withInitial(Walker::new);

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
        if (map.isEmpty()) {
            return 2;
        }
        if (map instanceof PropertyMap properties) {
            long size = 2;
            for (int i = 0; i < properties.size(); i++) {
                size += entry(properties.keyAt(i), properties.valueAt(i));
            }
            return size;
        }
        Walker walker = WALKER.get();
        long outer = walker.size;
        walker.size = 2;
        map.forEach(walker);
        long size = walker.size;
        walker.size = outer;
        return size;
    }

    private static long entry(Object key, Object value) {
        return (key instanceof String name ? name.length() : 8) + 4 + value(value);
    }

    private static long value(Object value) {
        if (value instanceof String text) {
            return text.length() + 2L;
        }
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return NUMBER_BYTES;
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
        if (value instanceof CharSequence text) {
            return text.length() + 2L;
        }
        if (value.getClass().isArray()) {
            return 2 + (long) Array.getLength(value) * (NUMBER_BYTES + 1);
        }
        return TIME_BYTES;
    }

    /** Sums the sizes of a map's entries. */
    private static final class Walker implements BiConsumer<Object, Object> {
        private long size;

        @Override
        public void accept(Object key, Object value) {
            size += entry(key, value);
        }
    }
}
