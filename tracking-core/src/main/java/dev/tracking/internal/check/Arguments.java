package dev.tracking.internal.check;

import java.net.URI;

/**
 * Argument checks for the options, builders and entry points of every package of the library: each throws
 * {@link IllegalArgumentException} naming the field, on the caller's thread.
 */
public final class Arguments {

    private Arguments() {
    }

    /** Returns {@code value} when it has non-blank text, else throws naming {@code field}. */
    public static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
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
