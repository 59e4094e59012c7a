package dev.tracking.internal;

import dev.tracking.Failure;
import dev.tracking.Message;
import dev.tracking.RetryOptions;
import dev.tracking.internal.http.TransportFailures;
import dev.tracking.spi.Destination;
import dev.tracking.spi.SendResult;
import dev.tracking.spi.SendResult.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends one request's worth of messages to a destination on the sender thread, retrying what the destination
 * asks to retry (backoff with jitter, bounded by attempts, total time and the close deadline), and counts and
 * reports every outcome.
 */
final class BatchDelivery {

    private final Destination destination;
    private final String name;
    private final DeliveryCounters counters;
    private final ListenerChain listeners;
    private final FailureLog failureLog;
    private final DeliveryQueue queue;
    private final RetryOptions retry;
    private final Backoff backoff;

    BatchDelivery(Destination destination, DeliveryCounters counters, ListenerChain listeners, DeliveryQueue queue,
            RetryOptions retry) {
        this.destination = destination;
        this.name = destination.name();
        this.counters = counters;
        this.listeners = listeners;
        this.failureLog = new FailureLog(name);
        this.queue = queue;
        this.retry = retry;
        this.backoff = new Backoff(retry);
    }

    /** Delivers {@code messages}; returns normally whatever happens, with every message counted. */
    void deliver(List<Message> messages) {
        long start = System.nanoTime();
        List<Message> pending = messages;
        for (int attempt = 1; ; attempt++) {
            SendResult result;
            long sentAt = System.nanoTime();
            try {
                result = destination.send(pending);
                if (result == null || result.size() != pending.size()) {
                    throw new IllegalStateException("destination " + name + " returned a result of the wrong size");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(pending, Failure.of("shutdown", "interrupted while sending: the tracker closed"));
                return;
            } catch (Exception e) {
                result = SendResult.retry(pending.size(), TransportFailures.fromException(e), null);
            }
            List<Message> toRetry = record(pending, result, Duration.ofNanos(System.nanoTime() - sentAt));
            if (toRetry.isEmpty()) {
                return;
            }
            Failure last = firstRetryFailure(result);
            long delay = backoff.delayNanos(attempt, result.retryAfter());
            long retryAt = System.nanoTime() + delay;
            if (attempt >= retry.maxAttempts() || retryAt - start > retry.maxDuration().toNanos()) {
                fail(toRetry, exhausted(attempt, start, last));
                return;
            }
            if (!waitUntil(retryAt, toRetry, last)) {
                return;
            }
            pending = toRetry;
        }
    }

    /**
     * Waits for the retry time; returns {@code false} (with {@code toRetry} counted as failed, reason
     * {@code shutdown}) when the tracker's close deadline comes first or the wait is interrupted.
     */
    private boolean waitUntil(long retryAt, List<Message> toRetry, Failure last) {
        try {
            for (long remaining = retryAt - System.nanoTime(); remaining > 0; remaining = retryAt - System.nanoTime()) {
                if (retryAt - queue.closeDeadlineNanos() > 0) {
                    fail(toRetry, new Failure("shutdown", "the tracker closed before the next retry; last error: "
                            + describe(last), last.credentialsRejected()));
                    return false;
                }
                queue.pause(remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(toRetry, Failure.of("shutdown", "interrupted while waiting to retry; last error: " + describe(last)));
            return false;
        }
    }

    /** Counts {@code messages} as failed with {@code failure} and tells the listeners. */
    void fail(List<Message> messages, Failure failure) {
        if (messages.isEmpty()) {
            return;
        }
        counters.failed(failure.reason(), messages.size());
        failureLog.failed(messages.size(), failure);
        listeners.onFailed(name, messages, failure);
    }

    private List<Message> record(List<Message> sent, SendResult result, Duration elapsed) {
        if (result.allDelivered()) {
            counters.delivered(sent.size());
            counters.requestSucceeded();
            listeners.onDelivered(name, sent);
            listeners.onBatchSent(name, sent.size(), elapsed, "success");
            return List.of();
        }
        List<Message> delivered = new ArrayList<>();
        List<Message> toRetry = new ArrayList<>();
        Map<Failure, List<Message>> failed = new LinkedHashMap<>();
        Failure anyFailure = null;
        for (int i = 0; i < sent.size(); i++) {
            Outcome outcome = result.outcome(i);
            if (outcome == Outcome.DELIVERED) {
                delivered.add(sent.get(i));
                continue;
            }
            Failure failure = result.failure(i) != null ? result.failure(i) : Failure.of("error", "no reason given");
            anyFailure = anyFailure == null ? failure : anyFailure;
            if (outcome == Outcome.RETRY) {
                toRetry.add(sent.get(i));
            } else {
                failed.computeIfAbsent(failure, f -> new ArrayList<>()).add(sent.get(i));
            }
        }
        if (!delivered.isEmpty()) {
            counters.delivered(delivered.size());
            counters.requestSucceeded();
            listeners.onDelivered(name, delivered);
        }
        counters.requestFailed(anyFailure, delivered.isEmpty());
        failed.forEach((failure, messages) -> fail(messages, failure));
        if (!toRetry.isEmpty()) {
            failureLog.retrying(toRetry.size(), anyFailure);
        }
        String outcome = !toRetry.isEmpty() ? "retry" : delivered.isEmpty() ? "failure" : "partial";
        listeners.onBatchSent(name, sent.size(), elapsed, outcome);
        return toRetry;
    }

    private static Failure firstRetryFailure(SendResult result) {
        for (int i = 0; i < result.size(); i++) {
            if (result.outcome(i) == Outcome.RETRY && result.failure(i) != null) {
                return result.failure(i);
            }
        }
        return Failure.of("error", "no reason given");
    }

    private static Failure exhausted(int attempts, long startNanos, Failure last) {
        long seconds = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
        return new Failure("retries_exhausted", "gave up after " + attempts + " attempt(s) in " + seconds
                + " s; last error: " + describe(last), last.credentialsRejected());
    }

    private static String describe(Failure failure) {
        return failure.reason() + (failure.detail() == null ? "" : " (" + failure.detail() + ")");
    }
}
