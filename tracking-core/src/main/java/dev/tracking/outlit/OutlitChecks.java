package dev.tracking.outlit;

import dev.tracking.IdentifyMessage;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What Outlit's contract rejects, refused on the caller's thread with an {@link IllegalArgumentException} naming
 * the field: an {@code email} that does not match the contract's pattern and, in today's contract, a
 * {@code traits} or {@code customerTraits} value that would not be a JSON string, number, boolean or null (a map,
 * list, array or any other object). One such event would otherwise fail the whole request of up to 100 events.
 */
final class OutlitChecks {

    /** The {@code email} pattern of {@code outlit-openapi-3.0.json}. */
    static final Pattern EMAIL = Pattern.compile(
            "^(?!\\.)(?!.*\\.\\.)([A-Za-z0-9_'+\\-\\.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$");

    private OutlitChecks() {
    }

    static void validate(Message message, OutlitProtocol protocol) {
        String email = message.identity().email();
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("email is not an address Outlit accepts (its contract's pattern)");
        }
        if (protocol == OutlitProtocol.LEGACY_V1) {
            return;
        }
        if (message instanceof IdentifyMessage identify) {
            requireScalars("traits", identify.traits());
            requireScalars("customerTraits", identify.customerTraits());
        } else if (message instanceof TrackMessage track) {
            requireScalars("customerTraits", track.customerTraits());
        }
    }

    private static void requireScalars(String field, Map<String, Object> traits) {
        if (traits.isEmpty()) {
            return;
        }
        traits.forEach((name, value) -> {
            if (!isScalar(value)) {
                throw new IllegalArgumentException(field + "." + name
                        + " must be a string, number, boolean or null for Outlit, was a "
                        + value.getClass().getName());
            }
        });
    }

    /** Whether {@code value} is written as a JSON string, number, boolean or null. */
    private static boolean isScalar(Object value) {
        return value == null || value instanceof CharSequence || value instanceof Number
                || value instanceof Boolean || value instanceof Character || value instanceof Enum<?>
                || value instanceof UUID || value instanceof TemporalAccessor || value instanceof Date;
    }
}
