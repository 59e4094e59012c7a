package dev.tracking.local;

import java.util.concurrent.atomic.AtomicReference;

/** The latest identify, activation and billing status seen for one customer or user. */
final class LatestActivity {

    private final AtomicReference<RecordedEvent> identify = new AtomicReference<>();
    private final AtomicReference<RecordedEvent> activation = new AtomicReference<>();
    private final AtomicReference<RecordedEvent> billingStatus = new AtomicReference<>();

    /** Keeps {@code event} when it is newer than the one of its type held so far. */
    void offer(RecordedEvent event) {
        AtomicReference<RecordedEvent> slot = switch (event.type()) {
            case RecordedEvent.IDENTIFY -> identify;
            case RecordedEvent.ACTIVATION -> activation;
            case RecordedEvent.BILLING_STATUS -> billingStatus;
            default -> throw new IllegalArgumentException("type " + event.type() + " has no latest state");
        };
        slot.accumulateAndGet(event, (held, offered) -> held == null || offered.isNewerThan(held) ? offered : held);
    }

    RecordedEvent identify() {
        return identify.get();
    }

    RecordedEvent activation() {
        return activation.get();
    }

    RecordedEvent billingStatus() {
        return billingStatus.get();
    }
}
