package dev.tracking.internal;

import dev.tracking.Message;
import dev.tracking.spi.Destination;
import dev.tracking.spi.SendResult;
import java.util.List;

/**
 * A destination that takes one request at a time ({@link Destination#maxConcurrentSends()} of 1) and is covered
 * by the outbox: its memory queue's sender and its outbox relay both send to it, so their calls of
 * {@link #send} take turns.
 */
final class OneSendAtATime implements Destination {

    private final Destination destination;

    OneSendAtATime(Destination destination) {
        this.destination = destination;
    }

    /** {@code destination} itself when it takes concurrent requests, else wrapped. */
    static Destination of(Destination destination) {
        return destination.maxConcurrentSends() > 1 ? destination : new OneSendAtATime(destination);
    }

    @Override
    public String name() {
        return destination.name();
    }

    @Override
    public void validate(Message message) {
        destination.validate(message);
    }

    @Override
    public String skipReason(Message message) {
        return destination.skipReason(message);
    }

    @Override
    public int requestGroup(Message message) {
        return destination.requestGroup(message);
    }

    @Override
    public int maxConcurrentSends() {
        return 1;
    }

    @Override
    public boolean credentialsRejected() {
        return destination.credentialsRejected();
    }

    @Override
    public int maxBatchSize() {
        return destination.maxBatchSize();
    }

    @Override
    public synchronized SendResult send(List<Message> batch) throws Exception {
        return destination.send(batch);
    }

    @Override
    public void close() {
        destination.close();
    }
}
