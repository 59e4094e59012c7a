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

    /** The {@code email} pattern of {@code outlit-openapi-3.0.json}; {@link #isEmail} decides the same faster. */
    static final Pattern EMAIL = Pattern.compile(
            "^(?!\\.)(?!.*\\.\\.)([A-Za-z0-9_'+\\-\\.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$");

    private OutlitChecks() {
    }

    static void validate(Message message, OutlitProtocol protocol) {
        String email = message.identity().email();
        if (email != null && !isEmail(email)) {
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

    /**
     * Whether {@code email} matches {@link #EMAIL}, decided in one pass without the regex engine (the check runs on
     * every call): a local part of letters, digits and {@code _'+-.} ending in neither {@code '} nor {@code .}, one
     * {@code @}, then labels that start with a letter or digit and hold letters, digits and {@code -}, each
     * followed by a dot, and a last label of at least two letters; no leading dot and no {@code ..} anywhere.
     */
    static boolean isEmail(String email) {
        int at = email.indexOf('@');
        int length = email.length();
        if (at < 1 || email.charAt(0) == '.' || email.contains("..")) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            char c = email.charAt(i);
            if (!(isAlphanumeric(c) || c == '_' || c == '\'' || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        char last = email.charAt(at - 1);
        if (last == '\'' || last == '.') {
            return false;
        }
        int lastDot = email.lastIndexOf('.');
        if (lastDot < at + 2 || length - lastDot - 1 < 2) {
            return false;
        }
        for (int i = lastDot + 1; i < length; i++) {
            char c = email.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        boolean labelStart = true;
        for (int i = at + 1; i < lastDot; i++) {
            char c = email.charAt(i);
            if (c == '.') {
                if (labelStart) {
                    return false;
                }
                labelStart = true;
            } else if (labelStart ? isAlphanumeric(c) : isAlphanumeric(c) || c == '-') {
                labelStart = false;
            } else {
                return false;
            }
        }
        return !labelStart;
    }

    private static boolean isAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
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
