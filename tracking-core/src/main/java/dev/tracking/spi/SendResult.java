package dev.tracking.spi;

import dev.tracking.Failure;
import java.time.Duration;
import java.util.Arrays;

/**
 * The outcome of one {@link Destination#send} call, message by message: delivered, failed for good, or to be
 * retried (optionally not before {@link #retryAfter()}).
 */
public final class SendResult {

    /** What happened to one message of the batch. */
    public enum Outcome { DELIVERED, FAILED, RETRY }

    private final Outcome[] outcomes;
    private final Failure[] failures;
    private final Duration retryAfter;

    private SendResult(Outcome[] outcomes, Failure[] failures, Duration retryAfter) {
        this.outcomes = outcomes;
        this.failures = failures;
        this.retryAfter = retryAfter;
    }

    /** Every message of a batch of {@code size} was delivered. */
    public static SendResult delivered(int size) {
        return builder(size).build();
    }

    /** Every message failed for good. */
    public static SendResult failed(int size, Failure failure) {
        Builder builder = builder(size);
        for (int i = 0; i < size; i++) {
            builder.failed(i, failure);
        }
        return builder.build();
    }

    /** Every message should be retried, not before {@code retryAfter} when that is not {@code null}. */
    public static SendResult retry(int size, Failure failure, Duration retryAfter) {
        Builder builder = builder(size).retryAfter(retryAfter);
        for (int i = 0; i < size; i++) {
            builder.retry(i, failure);
        }
        return builder.build();
    }

    /** A builder where every message starts as delivered. */
    public static Builder builder(int size) {
        return new Builder(size);
    }

    public int size() {
        return outcomes.length;
    }

    public Outcome outcome(int index) {
        return outcomes[index];
    }

    /** The failure of a FAILED or RETRY message, else {@code null}. */
    public Failure failure(int index) {
        return failures[index];
    }

    /** The server's requested wait before a retry, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whether every message was delivered. */
    public boolean allDelivered() {
        return Arrays.stream(outcomes).allMatch(o -> o == Outcome.DELIVERED);
    }

    /** Builds a {@link SendResult}. */
    public static final class Builder {
        private final Outcome[] outcomes;
        private final Failure[] failures;
        private Duration retryAfter;

        private Builder(int size) {
            outcomes = new Outcome[size];
            failures = new Failure[size];
            Arrays.fill(outcomes, Outcome.DELIVERED);
        }

        public Builder failed(int index, Failure failure) {
            outcomes[index] = Outcome.FAILED;
            failures[index] = failure;
            return this;
        }

        public Builder retry(int index, Failure failure) {
            outcomes[index] = Outcome.RETRY;
            failures[index] = failure;
            return this;
        }

        public Builder retryAfter(Duration value) {
            retryAfter = value;
            return this;
        }

        public SendResult build() {
            return new SendResult(outcomes, failures, retryAfter);
        }
    }
}
