package dev.tracking;

/**
 * Why messages were not delivered.
 *
 * @param reason a short, low-cardinality code usable as a metric tag, e.g. {@code http_400}, {@code timeout},
 *     {@code rejected}, {@code retries_exhausted}, {@code shutdown}
 * @param detail a human-readable explanation, such as the server's message; never contains credentials
 * @param credentialsRejected whether the server refused the destination's key
 */
public record Failure(String reason, String detail, boolean credentialsRejected) {

    /** A failure with a reason and detail, credentials not implicated. */
    public static Failure of(String reason, String detail) {
        return new Failure(reason, detail, false);
    }
}
