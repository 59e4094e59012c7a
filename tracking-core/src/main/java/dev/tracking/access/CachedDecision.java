package dev.tracking.access;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One remote access answer in {@link CachedEntitlements}: when it was fetched (ticker nanos), and the usage this
 * instance counted that the answer does not include: everything its {@link LocalUsage} counted past
 * {@code baseline}, the settled units when the answer was asked for.
 */
final class CachedDecision {

    final AccessDecision remote;
    final long fetchedAt;
    final LocalUsage usage;
    private final long baseline;

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final AccessDecision cached;
    private volatile Counted counted;

    /** The decision for a tracked count, kept so that repeated hits with the same count allocate nothing. */
    private record Counted(long count, AccessDecision decision) {
    }

    CachedDecision(AccessDecision remote, long fetchedAt, LocalUsage usage, long baseline) {
        this.remote = remote;
        this.fetchedAt = fetchedAt;
        this.usage = usage;
        this.baseline = baseline;
        this.cached = remote.withSource(DecisionSource.CACHE);
    }

    /** The units counted locally that this answer does not include. */
    long localCount() {
        return usage.counted() - baseline;
    }

    /**
     * Reserves {@code quantity} units when remote usage, the local count and {@code quantity} stay within the
     * limit (atomically, so concurrent reservations never overshoot it). Returns the allowed decision, a denial
     * ({@code LIMIT_REACHED}) when the units do not fit (even if a smaller quantity still would), or {@code null}
     * when the usage was retired and a newer answer must be asked.
     */
    AccessDecision tryReserve(long quantity) {
        if (!remote.allowed()) {
            return view();
        }
        long roomUnits = -1;
        if (remote.limit() != null && remote.usage() != null) {
            BigDecimal room = remote.limit().subtract(remote.usage());
            roomUnits = room.signum() <= 0 ? 0 : room.setScale(0, RoundingMode.FLOOR).min(LONG_MAX).longValue();
        }
        return switch (usage.reserve(baseline, roomUnits, quantity)) {
            case HELD -> cached;
            case DENIED -> limitReached(localCount());
            case RETIRED -> null;
        };
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
        long count = localCount();
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
