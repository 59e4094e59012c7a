package dev.tracking.lotus;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The cached access answers of one customer: features and metered events by name, each a completed answer or a
 * request in flight that concurrent checks share. Grouping by customer makes a hit allocation-free and lets
 * {@link LotusEntitlements#invalidate} drop a customer in one step.
 */
final class CustomerDecisions {

    final ConcurrentMap<String, CompletableFuture<CachedDecision>> features = new ConcurrentHashMap<>(4);
    final ConcurrentMap<String, CompletableFuture<CachedDecision>> events = new ConcurrentHashMap<>(4);

    ConcurrentMap<String, CompletableFuture<CachedDecision>> slots(boolean metered) {
        return metered ? events : features;
    }

    /** How many cache places this customer takes: one, plus one per answer. */
    int weight() {
        return 1 + features.size() + events.size();
    }
}
