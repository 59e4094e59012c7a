package dev.tracking.access;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One remote access answer in {@link CachedEntitlements}: when it was fetched (ticker nanos) and the usage this
 * instance counted or reserved since.
 */
final class CachedDecision {

    final AccessDecision remote;
    final long fetchedAt;
    final AtomicLong trackedSince;

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final AccessDecision cached;
    private volatile Counted counted;

    /** The decision for a tracked count, kept so that repeated hits with the same count allocate nothing. */
    private record Counted(long count, AccessDecision decision) {
    }

    CachedDecision(AccessDecision remote, long fetchedAt, long trackedSince) {
        this.remote = remote;
        this.fetchedAt = fetchedAt;
        this.trackedSince = new AtomicLong(trackedSince);
        this.cached = remote.withSource(DecisionSource.CACHE);
    }

    /**
     * Reserves {@code quantity} units against this answer when remote usage, the units counted locally since and
     * {@code quantity} stay within the limit (compare-and-set, so concurrent reservations never overshoot it).
     * Returns the allowed decision, or a denial ({@code LIMIT_REACHED}) when the units do not fit, even if a smaller
     * quantity still would.
     */
    AccessDecision tryReserve(long quantity) {
        if (!remote.allowed()) {
            return view();
        }
        if (remote.limit() == null || remote.usage() == null) {
            trackedSince.addAndGet(quantity);
            return cached;
        }
        BigDecimal room = remote.limit().subtract(remote.usage());
        long roomUnits = room.signum() <= 0 ? 0 : room.setScale(0, RoundingMode.FLOOR).min(LONG_MAX).longValue();
        while (true) {
            long counted = trackedSince.get();
            if (counted > roomUnits - quantity) {
                return limitReached(counted);
            }
            if (trackedSince.compareAndSet(counted, counted + quantity)) {
                return cached;
            }
        }
    }

    private AccessDecision limitReached(long counted) {
        return new AccessDecision(false, AccessReason.LIMIT_REACHED, remote.customerId(), remote.feature(),
                remote.event(), remote.usage().add(BigDecimal.valueOf(counted)), remote.limit(), DecisionSource.CACHE);
    }

    /**
     * The cached decision with the usage counted locally added to the remote usage: a metered event that was
     * under its limit is denied with {@code LIMIT_REACHED} once remote usage plus local count reaches the limit.
     */
    AccessDecision view() {
        long count = trackedSince.get();
        if (count == 0 || remote.usage() == null) {
            return cached;
        }
        Counted memo = counted;
        if (memo != null && memo.count() == count) {
            return memo.decision();
        }
        BigDecimal usage = remote.usage().add(BigDecimal.valueOf(count));
        boolean allowed = remote.allowed() && (remote.limit() == null || usage.compareTo(remote.limit()) < 0);
        AccessReason reason = allowed || !remote.allowed() ? remote.reason() : AccessReason.LIMIT_REACHED;
        AccessDecision decision = new AccessDecision(allowed, reason, remote.customerId(), remote.feature(),
                remote.event(), usage, remote.limit(), DecisionSource.CACHE);
        counted = new Counted(count, decision);
        return decision;
    }
}
