package dev.tracking.spring.test;

import dev.tracking.TrackMessage;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the tracked events of one name; each {@code for…}/{@code with…} step keeps only the events that
 * match it and fails when none is left, saying what the events had instead.
 */
public class TrackedEventsAssert extends AbstractAssert<TrackedEventsAssert, List<TrackMessage>> {

    private final String description;

    TrackedEventsAssert(String description, List<TrackMessage> events) {
        super(List.copyOf(events), TrackedEventsAssert.class);
        this.description = description;
    }

    /** Keeps the events of customer {@code customerId}. */
    public TrackedEventsAssert forCustomer(String customerId) {
        return narrow("for customer " + customerId,
                event -> Objects.equals(customerId, event.identity().customerId()),
                event -> "customer " + event.identity().customerId());
    }

    /** Keeps the events of user {@code userId}. */
    public TrackedEventsAssert forUser(String userId) {
        return narrow("for user " + userId, event -> Objects.equals(userId, event.identity().userId()),
                event -> "user " + event.identity().userId());
    }

    /** Keeps the events whose property {@code name} equals {@code value}. */
    public TrackedEventsAssert withProperty(String name, Object value) {
        return narrow("with " + name + "=" + value,
                event -> event.properties().containsKey(name) && Objects.equals(value, event.properties().get(name)),
                event -> "properties " + event.properties());
    }

    /** Keeps the events without property {@code name}. */
    public TrackedEventsAssert withoutProperty(String name) {
        return narrow("without " + name, event -> !event.properties().containsKey(name),
                event -> "properties " + event.properties());
    }

    /** Fails unless exactly {@code count} events are left. */
    public TrackedEventsAssert times(int count) {
        if (actual.size() != count) {
            failWithMessage("Expected %s event(s) <%s> but found %s: <%s>", count, description, actual.size(),
                    actual);
        }
        return this;
    }

    /** Fails unless exactly one event is left. */
    public TrackedEventsAssert once() {
        return times(1);
    }

    private TrackedEventsAssert narrow(String step, Predicate<TrackMessage> test,
            java.util.function.Function<TrackMessage, String> shown) {
        List<TrackMessage> kept = actual.stream().filter(test).toList();
        if (kept.isEmpty()) {
            failWithMessage("Expected an event <%s> %s, but the events <%s> had: %s", description, step, description,
                    actual.stream().map(shown).toList());
        }
        return new TrackedEventsAssert(description + " " + step, kept);
    }
}
