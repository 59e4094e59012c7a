package dev.tracking.testing;

import dev.tracking.TrackMessage;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.DecisionSource;
import dev.tracking.access.Entitlements;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.internal.check.Arguments;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Answers access checks from rules set in a test: allow or deny everything, allow or deny one feature or
 * event, limit a metered event, or give no answer at all. Every decision it makes is kept for assertions.
 */
public final class RecordingEntitlements implements Entitlements {

    private final Supplier<List<TrackMessage>> recordedEvents;
    private final Map<String, Boolean> rules = new ConcurrentHashMap<>();
    private final Map<String, Long> limits = new ConcurrentHashMap<>();
    private final List<AccessDecision> decisions = new CopyOnWriteArrayList<>();
    private volatile boolean allowedByDefault = true;
    private volatile boolean answering = true;
    private volatile OnNoAnswer defaultOnNoAnswer = OnNoAnswer.DENY;

    RecordingEntitlements(Supplier<List<TrackMessage>> recordedEvents) {
        this.recordedEvents = recordedEvents;
    }

    /** Allows every feature and event not otherwise configured (the initial state) and forgets all rules. */
    public RecordingEntitlements allowAll() {
        reset(true);
        return this;
    }

    /** Denies every feature and event not otherwise configured and forgets all rules. */
    public RecordingEntitlements denyAll() {
        reset(false);
        return this;
    }

    /** Allows {@code featureOrEvent} for every customer. */
    public RecordingEntitlements allow(String featureOrEvent) {
        rules.put(Arguments.requireText("featureOrEvent", featureOrEvent), Boolean.TRUE);
        return this;
    }

    /** Denies {@code featureOrEvent} to every customer ({@code NOT_IN_PLAN}). */
    public RecordingEntitlements deny(String featureOrEvent) {
        rules.put(Arguments.requireText("featureOrEvent", featureOrEvent), Boolean.FALSE);
        return this;
    }

    /**
     * Allows each customer {@code limit} recordings of the metered {@code event}, counted from the events
     * the tracker recorded for that customer; the next check is denied with {@code LIMIT_REACHED}.
     */
    public RecordingEntitlements limit(String event, long limit) {
        Arguments.requireText("event", event);
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        limits.put(event, limit);
        return this;
    }

    /** Gives no answer from now on: every decision follows the no-answer policy of the call. */
    public RecordingEntitlements unavailable() {
        answering = false;
        return this;
    }

    /** The policy used by the checks that do not name one; {@code DENY} unless set. */
    public RecordingEntitlements onNoAnswer(OnNoAnswer policy) {
        defaultOnNoAnswer = Arguments.requireNonNull("policy", policy);
        return this;
    }

    /** The policy used by the checks that do not name one. */
    @Override
    public OnNoAnswer onNoAnswer() {
        return defaultOnNoAnswer;
    }

    /** Every decision made, oldest first. */
    public List<AccessDecision> decisions() {
        return List.copyOf(decisions);
    }

    @Override
    public AccessDecision checkFeature(String customerId, String feature, OnNoAnswer onNoAnswer) {
        Arguments.requireText("customerId", customerId);
        Arguments.requireText("feature", feature);
        AccessDecision decision = answering
                ? AccessDecision.forFeature(customerId, feature, isAllowed(feature), reason(isAllowed(feature)),
                        DecisionSource.REMOTE)
                : AccessDecision.forFeature(customerId, feature, onNoAnswer == OnNoAnswer.ALLOW,
                        AccessReason.BACKEND_UNAVAILABLE, DecisionSource.FALLBACK);
        decisions.add(decision);
        return decision;
    }

    @Override
    public AccessDecision checkEvent(String customerId, String eventName, OnNoAnswer onNoAnswer) {
        Arguments.requireText("customerId", customerId);
        Arguments.requireText("eventName", eventName);
        AccessDecision decision = answering ? meteredDecision(customerId, eventName)
                : AccessDecision.forEvent(customerId, eventName, onNoAnswer == OnNoAnswer.ALLOW,
                        AccessReason.BACKEND_UNAVAILABLE, null, null, DecisionSource.FALLBACK);
        decisions.add(decision);
        return decision;
    }

    void clear() {
        decisions.clear();
    }

    private AccessDecision meteredDecision(String customerId, String eventName) {
        Long limit = limits.get(eventName);
        if (limit == null || !isAllowed(eventName)) {
            return AccessDecision.forEvent(customerId, eventName, isAllowed(eventName), reason(isAllowed(eventName)),
                    null, null, DecisionSource.REMOTE);
        }
        long usage = recordedEvents.get().stream()
                .filter(e -> e.eventName().equals(eventName) && customerId.equals(e.identity().customerId()))
                .count();
        boolean allowed = usage < limit;
        return AccessDecision.forEvent(customerId, eventName, allowed,
                allowed ? AccessReason.IN_PLAN : AccessReason.LIMIT_REACHED,
                BigDecimal.valueOf(usage), BigDecimal.valueOf(limit), DecisionSource.REMOTE);
    }

    private boolean isAllowed(String name) {
        return rules.getOrDefault(name, allowedByDefault);
    }

    private static AccessReason reason(boolean allowed) {
        return allowed ? AccessReason.IN_PLAN : AccessReason.NOT_IN_PLAN;
    }

    private void reset(boolean allowed) {
        rules.clear();
        limits.clear();
        answering = true;
        allowedByDefault = allowed;
    }
}
