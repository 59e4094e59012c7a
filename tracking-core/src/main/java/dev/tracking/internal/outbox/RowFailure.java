package dev.tracking.internal.outbox;

/**
 * Why row {@code seq} failed for good; it stays in the table with these until replayed or purged.
 *
 * @param seq the row's number
 * @param reason the failure's reason code
 * @param detail its detail text, or {@code null}
 */
public record RowFailure(long seq, String reason, String detail) {
}
