package dev.tracking;

import dev.tracking.value.JsonText;
import java.time.Duration;
import java.time.Instant;

/**
 * The checks the public types of this package run on their arguments: the message records and {@link Identity} when
 * they are made, {@link TrackerBuilder} at each setting, the option types at {@code build()}. Each throws
 * {@link IllegalArgumentException} naming the field.
 */
final class ArgumentChecks {

    private static final Instant MIN_TIMESTAMP = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant MAX_TIMESTAMP = Instant.parse("9999-12-31T23:59:59.999Z");

    private ArgumentChecks() {
    }

    static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /**
     * Returns {@code value} (may be {@code null}) when it is text UTF-8 can encode, else throws naming {@code field}:
     * an identifier with a surrogate character out of its pair would reach each server differently (an escape in a
     * JSON body, a {@code ?} in a URL), so it is refused everywhere.
     */
    static String requireWellFormed(String field, String value) {
        if (value != null && JsonText.hasUnpairedSurrogate(value)) {
            throw new IllegalArgumentException(field + " has a surrogate character without its pair, which UTF-8 "
                    + "cannot encode");
        }
        return value;
    }

    /**
     * Returns {@code timestamp} when every encoder can write it (years 0000 to 9999, as RFC 3339 and epoch
     * milliseconds need), else throws naming the field.
     */
    static Instant requireEncodableTimestamp(Instant timestamp) {
        requireNonNull("timestamp", timestamp);
        if (timestamp.isBefore(MIN_TIMESTAMP) || timestamp.isAfter(MAX_TIMESTAMP)) {
            throw new IllegalArgumentException("timestamp must be between years 0000 and 9999, was " + timestamp);
        }
        return timestamp;
    }

    static Duration requirePositive(String field, Duration value) {
        requireNonNull(field, value);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return value;
    }

    static Duration requireNotNegative(String field, Duration value) {
        requireNonNull(field, value);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    static long requireAtLeast(String field, long minimum, long value) {
        if (value < minimum) {
            throw new IllegalArgumentException(field + " must be at least " + minimum + ", was " + value);
        }
        return value;
    }
}
