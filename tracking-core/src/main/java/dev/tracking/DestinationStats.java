package dev.tracking;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A consistent snapshot of one destination's counters, read with {@link Tracker#stats()}. At every moment
 * {@code accepted == delivered + failed + dropped + pending}.
 *
 * <p>Immutable. The tracker builds it; tests build their own with {@link #builder(String)}, where every setting not
 * given is zero, {@code null} or empty, so a counter added later does not change a caller.
 */
public final class DestinationStats {

    private final String destination;
    private final long accepted;
    private final long delivered;
    private final long failed;
    private final long dropped;
    private final long pending;
    private final long consecutiveFailures;
    private final Instant lastDeliveryAt;
    private final Instant lastFailureAt;
    private final Failure lastFailure;
    private final boolean credentialsRejected;
    private final Map<String, Long> failedByReason;
    private final Map<String, Long> droppedByReason;
    private final long senderRestarts;

    private DestinationStats(Builder b) {
        this.destination = b.destination;
        this.accepted = b.accepted;
        this.delivered = b.delivered;
        this.failed = b.failed;
        this.dropped = b.dropped;
        this.pending = b.pending;
        this.consecutiveFailures = b.consecutiveFailures;
        this.lastDeliveryAt = b.lastDeliveryAt;
        this.lastFailureAt = b.lastFailureAt;
        this.lastFailure = b.lastFailure;
        this.credentialsRejected = b.credentialsRejected;
        this.failedByReason = sorted("failedByReason", b.failedByReason);
        this.droppedByReason = sorted("droppedByReason", b.droppedByReason);
        this.senderRestarts = b.senderRestarts;
    }

    /** A builder for the stats of {@code destination}, with every count zero. */
    public static Builder builder(String destination) {
        if (destination == null || destination.isBlank()) {
            throw new IllegalArgumentException("destination must not be blank");
        }
        return new Builder(destination);
    }

    /** A builder holding these stats, to change some of them. */
    public Builder toBuilder() {
        return new Builder(destination).accepted(accepted).delivered(delivered).failed(failed).dropped(dropped)
                .pending(pending).consecutiveFailures(consecutiveFailures).lastDeliveryAt(lastDeliveryAt)
                .lastFailureAt(lastFailureAt).lastFailure(lastFailure).credentialsRejected(credentialsRejected)
                .failedByReason(failedByReason).droppedByReason(droppedByReason).senderRestarts(senderRestarts);
    }

    /** The destination's name ({@code outlit}, {@code lotus}, {@code local}, …). */
    public String destination() {
        return destination;
    }

    /** Messages handed to this destination. */
    public long accepted() {
        return accepted;
    }

    /** Messages the server acknowledged. */
    public long delivered() {
        return delivered;
    }

    /** Messages rejected or out of retries. */
    public long failed() {
        return failed;
    }

    /** Messages dropped before sending (queue full, not applicable, shut down). */
    public long dropped() {
        return dropped;
    }

    /** Messages queued or in flight. */
    public long pending() {
        return pending;
    }

    /** Requests that failed in a row since the last success. */
    public long consecutiveFailures() {
        return consecutiveFailures;
    }

    /** When a request last succeeded, or {@code null}. */
    public Instant lastDeliveryAt() {
        return lastDeliveryAt;
    }

    /** When a request last failed, or {@code null}. */
    public Instant lastFailureAt() {
        return lastFailureAt;
    }

    /** The last failure, or {@code null}. */
    public Failure lastFailure() {
        return lastFailure;
    }

    /**
     * Whether the last failure was the server refusing the key, or the destination learned so otherwise
     * ({@link dev.tracking.spi.Destination#credentialsRejected()}).
     */
    public boolean credentialsRejected() {
        return credentialsRejected;
    }

    /** Failed messages counted by reason code, sorted by reason. */
    public Map<String, Long> failedByReason() {
        return failedByReason;
    }

    /** Dropped messages counted by reason code, sorted by reason. */
    public Map<String, Long> droppedByReason() {
        return droppedByReason;
    }

    /** How many times a sender thread stopped unexpectedly and was replaced (0 when all is well). */
    public long senderRestarts() {
        return senderRestarts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DestinationStats that && destination.equals(that.destination)
                && accepted == that.accepted && delivered == that.delivered && failed == that.failed
                && dropped == that.dropped && pending == that.pending
                && consecutiveFailures == that.consecutiveFailures
                && Objects.equals(lastDeliveryAt, that.lastDeliveryAt)
                && Objects.equals(lastFailureAt, that.lastFailureAt) && Objects.equals(lastFailure, that.lastFailure)
                && credentialsRejected == that.credentialsRejected && failedByReason.equals(that.failedByReason)
                && droppedByReason.equals(that.droppedByReason) && senderRestarts == that.senderRestarts;
    }

    @Override
    public int hashCode() {
        return Objects.hash(destination, accepted, delivered, failed, dropped, pending, consecutiveFailures,
                lastDeliveryAt, lastFailureAt, lastFailure, credentialsRejected, failedByReason, droppedByReason,
                senderRestarts);
    }

    @Override
    public String toString() {
        return "DestinationStats[destination=" + destination + ", accepted=" + accepted + ", delivered=" + delivered
                + ", failed=" + failed + ", dropped=" + dropped + ", pending=" + pending + ", consecutiveFailures="
                + consecutiveFailures + ", lastDeliveryAt=" + lastDeliveryAt + ", lastFailureAt=" + lastFailureAt
                + ", lastFailure=" + lastFailure + ", credentialsRejected=" + credentialsRejected
                + ", failedByReason=" + failedByReason + ", droppedByReason=" + droppedByReason
                + ", senderRestarts=" + senderRestarts + "]";
    }

    private static Map<String, Long> sorted(String field, Map<String, Long> byReason) {
        if (byReason == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return byReason.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(byReason));
    }

    /**
     * Builds {@link DestinationStats}. Values are taken as given (the tracker's own snapshot keeps the accounting
     * identity); only a {@code null} reasons map is refused.
     */
    public static final class Builder {

        private final String destination;
        private long accepted;
        private long delivered;
        private long failed;
        private long dropped;
        private long pending;
        private long consecutiveFailures;
        private Instant lastDeliveryAt;
        private Instant lastFailureAt;
        private Failure lastFailure;
        private boolean credentialsRejected;
        private Map<String, Long> failedByReason = Map.of();
        private Map<String, Long> droppedByReason = Map.of();
        private long senderRestarts;

        private Builder(String destination) {
            this.destination = destination;
        }

        public Builder accepted(long value) {
            this.accepted = value;
            return this;
        }

        public Builder delivered(long value) {
            this.delivered = value;
            return this;
        }

        public Builder failed(long value) {
            this.failed = value;
            return this;
        }

        public Builder dropped(long value) {
            this.dropped = value;
            return this;
        }

        public Builder pending(long value) {
            this.pending = value;
            return this;
        }

        public Builder consecutiveFailures(long value) {
            this.consecutiveFailures = value;
            return this;
        }

        public Builder lastDeliveryAt(Instant value) {
            this.lastDeliveryAt = value;
            return this;
        }

        public Builder lastFailureAt(Instant value) {
            this.lastFailureAt = value;
            return this;
        }

        public Builder lastFailure(Failure value) {
            this.lastFailure = value;
            return this;
        }

        public Builder credentialsRejected(boolean value) {
            this.credentialsRejected = value;
            return this;
        }

        public Builder failedByReason(Map<String, Long> value) {
            this.failedByReason = value;
            return this;
        }

        public Builder droppedByReason(Map<String, Long> value) {
            this.droppedByReason = value;
            return this;
        }

        public Builder senderRestarts(long value) {
            this.senderRestarts = value;
            return this;
        }

        /**
         * The stats.
         *
         * @throws IllegalArgumentException when a reasons map is {@code null}
         */
        public DestinationStats build() {
            return new DestinationStats(this);
        }
    }
}
