package dev.tracking.local;

import dev.tracking.Message;
import dev.tracking.internal.check.Arguments;
import dev.tracking.spi.Destination;
import dev.tracking.spi.SendResult;
import java.util.List;
import java.util.function.Consumer;

/**
 * The local backend as a destination: hands every delivered message to a recording step (with or without
 * counting usage) and reports the whole batch delivered.
 */
final class RecordingDestination implements Destination {

    private final Consumer<Message> recording;
    private final Runnable afterBatch;

    RecordingDestination(Consumer<Message> recording, Runnable afterBatch) {
        this.recording = recording;
        this.afterBatch = afterBatch;
    }

    @Override
    public String name() {
        return LocalBackend.NAME;
    }

    /** Takes every message. */
    @Override
    public String skipReason(Message message) {
        return null;
    }

    /** Records every message of {@code batch} and reports them all delivered. */
    @Override
    public SendResult send(List<Message> batch) {
        Arguments.requireNonNull("batch", batch).forEach(recording);
        afterBatch.run();
        return SendResult.delivered(batch.size());
    }
}
