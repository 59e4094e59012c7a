package dev.tracking.internal;

/** Argument checks that throw {@link IllegalArgumentException} naming the field. */
public final class Checks {

    private Checks() {
    }

    /** Returns {@code value} when it has non-blank text, else throws naming {@code field}. */
    public static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** Returns {@code value} when it is not null, else throws naming {@code field}. */
    public static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}
