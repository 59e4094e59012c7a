package dev.tracking.internal;

import java.net.URI;
import java.time.Instant;

/** Argument checks that throw {@link IllegalArgumentException} naming the field. */
public final class Checks {

    private static final Instant MIN_TIMESTAMP = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant MAX_TIMESTAMP = Instant.parse("9999-12-31T23:59:59.999Z");

    private Checks() {
    }

    /** Returns {@code value} when it has non-blank text, else throws naming {@code field}. */
    public static String requireText(String field, String value) {
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
    public static String requireWellFormed(String field, String value) {
        if (value != null && EncodedSize.hasUnpairedSurrogate(value)) {
            throw new IllegalArgumentException(field + " has a surrogate character without its pair, which UTF-8 "
                    + "cannot encode");
        }
        return value;
    }

    /**
     * Returns {@code timestamp} when every encoder can write it (years 0000 to 9999, as RFC 3339 and epoch
     * milliseconds need), else throws naming the field.
     */
    public static Instant requireEncodableTimestamp(Instant timestamp) {
        requireNonNull("timestamp", timestamp);
        if (timestamp.isBefore(MIN_TIMESTAMP) || timestamp.isAfter(MAX_TIMESTAMP)) {
            throw new IllegalArgumentException("timestamp must be between years 0000 and 9999, was " + timestamp);
        }
        return timestamp;
    }

    /** Returns {@code url} when it is an absolute {@code http} or {@code https} URL, else throws naming {@code field}. */
    public static URI requireHttpUrl(String field, URI url) {
        requireNonNull(field, url);
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException(field + " must be an absolute http(s) URL, was " + url);
        }
        return url;
    }

    /** Returns {@code value} when it is not null, else throws naming {@code field}. */
    public static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}
