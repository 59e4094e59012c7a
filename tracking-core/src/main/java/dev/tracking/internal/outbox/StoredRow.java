package dev.tracking.internal.outbox;

/**
 * A row read back from the outbox by a claim.
 *
 * @param seq the row's number, in writing order
 * @param messageId the message's id as text
 * @param payload the encoded message
 * @param attempts how many claims took it, this one included
 */
public record StoredRow(long seq, String messageId, String payload, int attempts) {

    /** Without the payload, which may hold personal data. */
    @Override
    public String toString() {
        return "StoredRow[seq=" + seq + ", messageId=" + messageId + ", attempts=" + attempts + "]";
    }
}
