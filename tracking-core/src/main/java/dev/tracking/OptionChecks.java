package dev.tracking;

import java.time.Duration;

/** The checks the option types run at {@code build()}; each throws {@link IllegalArgumentException} naming the field. */
final class OptionChecks {

    private OptionChecks() {
    }

    static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
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
