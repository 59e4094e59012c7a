package dev.tracking.spi;

import dev.tracking.Message;
import java.util.List;

/**
 * Where messages go: Outlit, Lotus, the local backend or a custom sink. The tracker gives each destination
 * its own bounded queue and sender thread and calls {@link #send(List)} only from that thread, unless the
 * destination takes more than one request at once ({@link #maxConcurrentSends()}).
 */
public interface Destination extends AutoCloseable {

    /** A short, stable name used in stats, metrics and logs, e.g. {@code outlit}. */
    String name();

    /**
     * Throws {@link IllegalArgumentException} naming the field when {@code message} can never be sent here
     * (e.g. a timestamp outside the server's window). Called on the caller's thread: must be cheap.
     */
    default void validate(Message message) {
    }

    /**
     * Why this destination does not take {@code message} (a reason code such as {@code no_customer_id}),
     * or {@code null} when it does. Called on the caller's thread: must be cheap.
     */
    String skipReason(Message message);

    /**
     * Messages whose groups differ never share a request (Outlit sends lifecycle events on their own).
     * Called on the sender thread.
     */
    default int requestGroup(Message message) {
        return 0;
    }

    /**
     * How many requests the tracker may have in flight to this destination at once, each sent from its own sender
     * thread (the tracker uses at most 2). A destination answering more than 1 must allow concurrent calls of
     * {@link #send(List)}; batches may then be delivered out of order.
     */
    default int maxConcurrentSends() {
        return 1;
    }

    /**
     * Whether the destination learned outside {@link #send(List)} that its server refuses its key (Lotus: an access
     * check answered {@code Invalid API key}); the stats then say {@code credentialsRejected}. Must be cheap.
     */
    default boolean credentialsRejected() {
        return false;
    }

    /** The most messages one request may carry. */
    default int maxBatchSize() {
        return 100;
    }

    /**
     * Sends one batch and reports the outcome of each message. A checked exception (I/O, timeouts) or an
     * {@link java.io.UncheckedIOException} means the whole batch may be retried. An
     * {@link UnencodableMessageException} fails the message it names alone, and the rest is sent again at once.
     * Any other {@link RuntimeException} or {@link Error} is taken as a message the destination cannot handle: the
     * tracker splits the batch until the message at fault fails alone (reason {@code send_error}); the sender
     * thread goes on either way.
     */
    SendResult send(List<Message> batch) throws Exception;

    /** Releases resources; called once when the tracker closes, after the last send. */
    @Override
    default void close() {
    }
}
