package dev.tracking.spring.test;

import dev.tracking.BillingStatus;
import dev.tracking.TrackMessage;
import dev.tracking.testing.RecordingTracker;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on everything a {@link RecordingTracker} recorded; start with {@link TrackingAssertions}. */
public class RecordedAssert extends AbstractAssert<RecordedAssert, RecordingTracker> {

    RecordedAssert(RecordingTracker tracker) {
        super(tracker, RecordedAssert.class);
    }

    /** Fails unless at least one event named {@code eventName} was tracked; narrows to those events. */
    public TrackedEventsAssert tracked(String eventName) {
        isNotNull();
        List<TrackMessage> events = actual.eventsNamed(eventName);
        if (events.isEmpty()) {
            failWithMessage("Expected an event named <%s> to be tracked, but the tracked events were <%s>",
                    eventName, names(actual.events()));
        }
        return new TrackedEventsAssert(eventName, events);
    }

    /** Fails if an event named {@code eventName} was tracked. */
    public RecordedAssert didNotTrack(String eventName) {
        isNotNull();
        List<TrackMessage> events = actual.eventsNamed(eventName);
        if (!events.isEmpty()) {
            failWithMessage("Expected no event named <%s> to be tracked, but found <%s>", eventName, events);
        }
        return this;
    }

    /** Fails unless nothing at all was recorded. */
    public RecordedAssert recordedNothing() {
        isNotNull();
        if (!actual.messages().isEmpty()) {
            failWithMessage("Expected nothing to be recorded, but found <%s>", actual.messages());
        }
        return this;
    }

    /** Fails unless {@code status} was reported for {@code customerId}. */
    public RecordedAssert reportedBillingStatus(String customerId, BillingStatus status) {
        isNotNull();
        boolean found = actual.billingStatuses(status).stream()
                .anyMatch(message -> customerId.equals(message.customerId()));
        if (!found) {
            failWithMessage("Expected billing status <%s> for customer <%s>, but the reported statuses were <%s>",
                    status, customerId, actual.billingStatuses());
        }
        return this;
    }

    private static List<String> names(List<TrackMessage> events) {
        return events.stream().map(TrackMessage::eventName).toList();
    }
}
