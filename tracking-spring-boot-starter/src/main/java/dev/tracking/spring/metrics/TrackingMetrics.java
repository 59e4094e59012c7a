package dev.tracking.spring.metrics;

import dev.tracking.Failure;
import dev.tracking.Message;
import dev.tracking.TrackingListener;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.DecisionSource;
import dev.tracking.spring.aop.TrackingAspectListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counts every outcome of every message into Micrometer: {@code tracking.events} (tags {@code destination},
 * {@code outcome} = accepted|delivered|failed|dropped, {@code reason}), {@code tracking.batch.send} (timer,
 * tags {@code destination}, {@code outcome}) and {@code tracking.entitlement.checks} (tags {@code result} =
 * allowed|denied, {@code source} = remote|cache|fallback) and {@code tracking.entitlements.remote} (timer of each
 * request the access cache made to its backend, tags {@code trigger} = miss|refresh, {@code outcome} =
 * answered|no_answer). Recordings the annotations skipped before they
 * reached the tracker count as dropped with destination {@code none}. Access decisions come from the tracker's
 * entitlements (gates and direct calls alike) and from gates that decided without asking them.
 */
public class TrackingMetrics implements TrackingListener, TrackingAspectListener {

    /** The {@code destination} tag of recordings that never reached one. */
    public static final String NO_DESTINATION = "none";

    /** The {@code reason} tag of outcomes that have none (accepted, delivered). */
    public static final String NO_REASON = "none";

    private static final DecisionSource[] SOURCES = DecisionSource.values();

    private final MeterRegistry registry;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> accepted = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<Counter> checks = new AtomicReferenceArray<>(2 * SOURCES.length);
    private final AtomicReferenceArray<Timer> remoteChecks = new AtomicReferenceArray<>(4);

    public TrackingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onAccepted(String destination, Message message) {
        Counter counter = accepted.get(destination);
        if (counter == null) {
            counter = events(destination, "accepted", NO_REASON);
            accepted.put(destination, counter);
        }
        counter.increment();
    }

    @Override
    public void onDelivered(String destination, List<? extends Message> messages) {
        events(destination, "delivered", NO_REASON).increment(messages.size());
    }

    @Override
    public void onFailed(String destination, List<? extends Message> messages, Failure failure) {
        events(destination, "failed", failure.reason()).increment(messages.size());
    }

    @Override
    public void onDropped(String destination, Message message, String reason) {
        events(destination, "dropped", reason).increment();
    }

    @Override
    public void onBatchSent(String destination, int size, Duration elapsed, String outcome) {
        timers.computeIfAbsent(List.of(destination, outcome), key -> Timer.builder("tracking.batch.send")
                .description("Requests sent to a destination, by outcome (success, partial, failure, retry)")
                .tag("destination", destination).tag("outcome", outcome)
                .register(registry)).record(elapsed);
    }

    @Override
    public void onSkipped(Class<? extends Annotation> annotation, String reason) {
        events(NO_DESTINATION, "dropped", reason).increment();
    }

    @Override
    public void onAccessChecked(AccessDecision decision) {
        DecisionSource source = decision.source() == null ? DecisionSource.REMOTE : decision.source();
        int slot = 2 * source.ordinal() + (decision.allowed() ? 0 : 1);
        Counter counter = checks.get(slot);
        if (counter == null) {
            String result = decision.allowed() ? "allowed" : "denied";
            String sourceTag = source.name().toLowerCase(Locale.ROOT);
            counter = Counter.builder("tracking.entitlement.checks")
                    .description("Access decisions, by result and where the answer came from")
                    .tag("result", result).tag("source", sourceTag)
                    .register(registry);
            checks.set(slot, counter);
        }
        counter.increment();
    }

    @Override
    public void onRemoteAccessCheck(boolean refresh, boolean answered, Duration elapsed) {
        int slot = (refresh ? 2 : 0) + (answered ? 0 : 1);
        Timer timer = remoteChecks.get(slot);
        if (timer == null) {
            timer = Timer.builder("tracking.entitlements.remote")
                    .description("Requests of the access cache to its backend, for a miss or a background refresh")
                    .tag("trigger", refresh ? "refresh" : "miss").tag("outcome", answered ? "answered" : "no_answer")
                    .register(registry);
            remoteChecks.set(slot, timer);
        }
        timer.record(elapsed);
    }

    private Counter events(String destination, String outcome, String reason) {
        String tagReason = reason == null || reason.isBlank() ? NO_REASON : reason;
        return counters.computeIfAbsent(List.of("events", destination, outcome, tagReason),
                key -> Counter.builder("tracking.events")
                        .description("Messages by destination and outcome (accepted, delivered, failed, dropped)")
                        .tag("destination", destination).tag("outcome", outcome).tag("reason", tagReason)
                        .register(registry));
    }
}
