package dev.tracking.internal.outbox;

import dev.tracking.Failure;
import dev.tracking.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rows an outbox relay claimed, decoded into messages, then sorted by what became of each: delivered (to delete),
 * failed for good (to mark, a payload that cannot be read included) or unsettled (to release).
 */
final class ClaimedBatch {

    final List<Message> messages;
    final List<Long> delivered = new ArrayList<>();
    final List<RowFailure> failed = new ArrayList<>();
    final List<Long> unsettled = new ArrayList<>();
    private final Map<UUID, Long> seqs;

    ClaimedBatch(List<StoredRow> rows) {
        this.messages = new ArrayList<>(rows.size());
        this.seqs = new HashMap<>(2 * rows.size());
        for (StoredRow row : rows) {
            try {
                Message message = OutboxCodec.decode(row.payload());
                messages.add(message);
                seqs.put(message.id(), row.seq());
            } catch (RuntimeException e) {
                failed.add(new RowFailure(row.seq(), "undecodable", "the stored payload cannot be read: " + e));
            }
        }
    }

    /** How many rows failed because their payload cannot be read. */
    int undecodable() {
        return failed.size();
    }

    /** Sorts the decoded messages by {@code outcomes}. */
    void settle(RelayOutcomes outcomes) {
        for (Message message : messages) {
            long seq = seqs.get(message.id());
            Failure failure = outcomes.failed(message.id());
            if (outcomes.delivered(message.id())) {
                delivered.add(seq);
            } else if (failure != null) {
                failed.add(new RowFailure(seq, failure.reason(), failure.detail()));
            } else {
                unsettled.add(seq);
            }
        }
    }
}
