package dev.tracking.local;

import dev.tracking.Message;
import dev.tracking.internal.Checks;
import dev.tracking.spi.Destination;
import dev.tracking.spi.SendResult;
import java.util.List;

/**
 * The local backend as a destination of a tracker that counted each usage event when it accepted it: records
 * what is delivered (recent messages, activity, totals) without counting usage again.
 */
final class CountedOnAcceptance implements Destination {

    private final MessageRecorder recorder;

    CountedOnAcceptance(MessageRecorder recorder) {
        this.recorder = recorder;
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
        Checks.requireNonNull("batch", batch).forEach(recorder::recordCounted);
        return SendResult.delivered(batch.size());
    }
}
