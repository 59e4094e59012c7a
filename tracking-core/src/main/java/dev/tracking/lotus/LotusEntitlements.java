package dev.tracking.lotus;

import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.DecisionSource;
import dev.tracking.access.Entitlements;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.internal.check.Arguments;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lotus's access checks asked live, one request each, through {@link LotusClient}: the remote side that
 * {@link dev.tracking.access.CachedEntitlements} caches for the tracker. An unknown customer is
 * {@code UNKNOWN_CUSTOMER}, as Lotus said it; when Lotus gives no answer the {@link OnNoAnswer} policy decides
 * ({@code BACKEND_UNAVAILABLE}, source {@code FALLBACK}), logged once at WARN until Lotus answers again.
 */
public final class LotusEntitlements implements Entitlements {

    private static final Logger log = LoggerFactory.getLogger(LotusEntitlements.class);

    private final LotusClient client;
    private final AtomicBoolean failing = new AtomicBoolean();

    LotusEntitlements(LotusClient client) {
        this.client = client;
    }

    @Override
    public AccessDecision checkFeature(String customerId, String feature, OnNoAnswer onNoAnswer) {
        return ask(customerId, feature, null, onNoAnswer, () -> client.checkFeature(customerId, feature));
    }

    @Override
    public AccessDecision checkEvent(String customerId, String eventName, OnNoAnswer onNoAnswer) {
        return ask(customerId, null, eventName, onNoAnswer, () -> client.checkEvent(customerId, eventName));
    }

    private AccessDecision ask(String customerId, String feature, String event, OnNoAnswer onNoAnswer,
            Supplier<AccessDecision> request) {
        Arguments.requireNonNull("onNoAnswer", onNoAnswer);
        try {
            return answered(request.get());
        } catch (RuntimeException e) {
            return noAnswer(customerId, feature, event, onNoAnswer, e);
        }
    }

    private AccessDecision answered(AccessDecision decision) {
        if (failing.compareAndSet(true, false)) {
            log.info("Lotus answers access checks again");
        }
        return decision;
    }

    private AccessDecision noAnswer(String customerId, String feature, String event, OnNoAnswer onNoAnswer,
            RuntimeException e) {
        if (e instanceof IllegalArgumentException) {
            throw e; // a blank argument is the caller's mistake, not a missing answer
        }
        if (failing.compareAndSet(false, true)) {
            log.warn("Lotus access checks fail; answering from the cache or the no-answer policy: {}", e.getMessage());
        } else {
            log.debug("Lotus access check for customer {} failed: {}", customerId, e.getMessage());
        }
        return new AccessDecision(onNoAnswer == OnNoAnswer.ALLOW, AccessReason.BACKEND_UNAVAILABLE, customerId,
                feature, event, null, null, DecisionSource.FALLBACK);
    }
}
