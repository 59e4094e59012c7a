package dev.tracking.spring.test;

import dev.tracking.testing.RecordingTracker;

/**
 * Entry point of the fluent assertions on what a {@link RecordingTracker} recorded:
 * {@code assertThat(recorded).tracked("document_created").forCustomer("acme").withProperty("format", "pdf")}.
 */
public final class TrackingAssertions {

    private TrackingAssertions() {
    }

    /** Assertions on the messages {@code tracker} recorded. */
    public static RecordedAssert assertThat(RecordingTracker tracker) {
        return new RecordedAssert(tracker);
    }
}
