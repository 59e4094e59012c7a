package dev.tracking.support;

import dev.tracking.TrackMessage;

/** Small factories for test messages. */
public final class Messages {

    private Messages() {
    }

    /** An event {@code name} for customer {@code customerId}. */
    public static TrackMessage event(String name, String customerId) {
        return TrackMessage.builder(name).customerId(customerId).build();
    }

    /** An event numbered {@code n}, for customer {@code acme}. */
    public static TrackMessage numbered(int n) {
        return TrackMessage.builder("event_" + n).customerId("acme").property("n", n).build();
    }
}
