package dev.tracking.internal.delivery;

import dev.tracking.Failure;
import dev.tracking.Message;
import dev.tracking.RetryOptions;
import dev.tracking.internal.http.TransportFailures;
import dev.tracking.spi.Destination;
import dev.tracking.spi.SendResult.Outcome;
import dev.tracking.spi.SendResult;
import dev.tracking.spi.UnencodableMessageException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends one request's worth of messages to a destination on the sender thread, retrying what the destination
 * asks to retry (backoff with jitter, until the delivery timeout or the close deadline), and counts and reports
 * every outcome. Whatever the destination throws stays here: a message it cannot encode fails alone, and the
 * rest of the batch goes on.
 */
public final class BatchDelivery {

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
        this(destination, counters, listeners, queue, retry, new FailureLog(destination.name()));
    }

    public BatchDelivery(Destination destination, DeliveryCounters counters, ListenerChain listeners, DeliveryQueue queue,
            RetryOptions retry, FailureLog failureLog) {
        this.destination = destination;
        this.name = destination.name();
        this.counters = counters;
        this.listeners = listeners;
        this.failureLog = failureLog;
        this.queue = queue;
        this.retry = retry;
        this.backoff = new Backoff(retry);
    }

    /** Delivers {@code messages} of {@code slot}'s batch; returns normally whatever the destination does. */
    void deliver(SenderSlot slot, List<Message> messages) {
        long start = System.nanoTime();
        deliver(slot, messages, start, start + retry.deliveryTimeout().toNanos());
    }

    /** Delivers {@code messages} within the delivery timeout of the batch they came from, which began at {@code start}. */
    private void deliver(SenderSlot slot, List<Message> messages, long start, long deadline) {
        List<Message> pending = messages;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            SendResult result;
            long sentAt = System.nanoTime();
            try {
                result = destination.send(pending);
                if (result == null || result.size() != pending.size()) {
                    throw new IllegalStateException("destination " + name + " returned a result of the wrong size");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(slot, pending, Failure.of("shutdown", "interrupted while sending: the tracker closed"));
                return;
            } catch (UnencodableMessageException e) {
                pending = withoutUnencodable(slot, pending, e, start, deadline);
                attempt--;
                continue;
            } catch (UncheckedIOException e) {
                result = SendResult.retry(pending.size(), TransportFailures.fromException(e.getCause()), null);
            } catch (RuntimeException | Error e) {
                isolate(slot, pending, e, start, deadline);
                return;
            } catch (Exception e) {
                result = SendResult.retry(pending.size(), TransportFailures.fromException(e), null);
            }
            List<Message> toRetry = record(slot, pending, result, Duration.ofNanos(System.nanoTime() - sentAt));
            if (toRetry.isEmpty()) {
                return;
            }
            Failure last = firstRetryFailure(result);
            long retryAt = backoff.nextAttemptAt(attempt, result.retryAfter(), deadline);
            if (retry.attemptsExhausted(attempt) || retryAt == Long.MIN_VALUE) {
                fail(slot, toRetry, exhausted(attempt, start, last));
                return;
            }
            if (!waitUntil(slot, retryAt, toRetry, last)) {
                return;
            }
            pending = toRetry;
        }
    }

    /** Fails the message {@code e} names and returns the others, to be sent again at once. */
    private List<Message> withoutUnencodable(SenderSlot slot, List<Message> pending, UnencodableMessageException e,
            long start, long deadline) {
        int index = e.index();
        if (index < 0 || index >= pending.size()) {
            isolate(slot, pending, e, start, deadline);
            return List.of();
        }
        Message bad = pending.get(index);
        fail(slot, List.of(bad), Failure.of("unencodable", "message " + bad.id() + ": "
                + (e.field() == null ? "" : e.field() + " ") + "cannot be encoded: " + describe(e.getCause())));
        List<Message> rest = new ArrayList<>(pending);
        rest.remove(index);
        return rest;
    }

    /**
     * The destination threw something unforeseen for {@code pending}: sends each half on its own, so that the
     * message at fault ends up failing alone with reason {@code send_error}. The halves keep the batch's deadline.
     */
    private void isolate(SenderSlot slot, List<Message> pending, Throwable error, long start, long deadline) {
        if (pending.size() == 1) {
            Message bad = pending.get(0);
            fail(slot, pending, Failure.of("send_error", "message " + bad.id() + " could not be sent: "
                    + describe(error)));
            return;
        }
        int half = pending.size() / 2;
        deliver(slot, new ArrayList<>(pending.subList(0, half)), start, deadline);
        deliver(slot, new ArrayList<>(pending.subList(half, pending.size())), start, deadline);
    }

    private static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        return TransportFailures.truncate(error.getClass().getName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage()));
    }

    /**
     * Waits for the retry time; returns {@code false} (with {@code toRetry} counted as failed, reason
     * {@code shutdown}) when the tracker's close deadline comes first or the wait is interrupted.
     */
    private boolean waitUntil(SenderSlot slot, long retryAt, List<Message> toRetry, Failure last) {
        try {
            for (long remaining = retryAt - System.nanoTime(); remaining > 0; remaining = retryAt - System.nanoTime()) {
                if (retryAt - queue.closeDeadlineNanos() > 0) {
                    fail(slot, toRetry, new Failure("shutdown", "the tracker closed before the next retry; last error: "
                            + describe(last), last.credentialsRejected()));
                    return false;
                }
                queue.pause(remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(slot, toRetry, Failure.of("shutdown", "interrupted while waiting to retry; last error: "
                    + describe(last)));
            return false;
        }
    }

    /** Counts {@code messages} of {@code slot}'s batch as failed, unless the batch was abandoned. */
    void fail(SenderSlot slot, List<Message> messages, Failure failure) {
        if (!messages.isEmpty()) {
            slot.settle(messages, () -> fail(messages, failure));
        }
    }

    /** Counts {@code messages} as failed with {@code failure} and tells the listeners. */
    void fail(List<Message> messages, Failure failure) {
        if (messages.isEmpty()) {
            return;
        }
        counters.failed(failure.reason(), messages.size());
        notifyFailed(messages, failure);
    }

    private void notifyFailed(List<Message> messages, Failure failure) {
        failureLog.failed(messages.size(), failure);
        listeners.onFailed(name, messages, failure);
    }

    /**
     * Counts the outcome of one request and returns the messages to retry. Every counter moves before any listener
     * is told, so that a listener that throws cannot leave a message uncounted.
     */
    private List<Message> record(SenderSlot slot, List<Message> sent, SendResult result, Duration elapsed) {
        if (result.allDelivered()) {
            slot.settle(sent, () -> {
                counters.delivered(sent.size());
                counters.requestSucceeded();
                listeners.onDelivered(name, sent);
                listeners.onBatchSent(name, sent.size(), elapsed, "success");
            });
            return List.of();
        }
        List<Message> delivered = new ArrayList<>();
        List<Message> toRetry = new ArrayList<>();
        List<Message> settled = new ArrayList<>();
        Map<Failure, List<Message>> failed = new LinkedHashMap<>();
        Failure anyFailure = null;
        for (int i = 0; i < sent.size(); i++) {
            Outcome outcome = result.outcome(i);
            if (outcome == Outcome.DELIVERED) {
                delivered.add(sent.get(i));
                settled.add(sent.get(i));
                continue;
            }
            Failure failure = result.failure(i) != null ? result.failure(i) : Failure.of("error", "no reason given");
            anyFailure = anyFailure == null ? failure : anyFailure;
            if (outcome == Outcome.RETRY) {
                toRetry.add(sent.get(i));
            } else {
                failed.computeIfAbsent(failure, f -> new ArrayList<>()).add(sent.get(i));
                settled.add(sent.get(i));
            }
        }
        Failure requestFailure = anyFailure;
        String outcome = !toRetry.isEmpty() ? "retry" : delivered.isEmpty() ? "failure" : "partial";
        boolean counted = slot.settle(settled, () -> {
            if (!delivered.isEmpty()) {
                counters.delivered(delivered.size());
                counters.requestSucceeded();
            }
            counters.requestFailed(requestFailure, delivered.isEmpty());
            failed.forEach((failure, messages) -> counters.failed(failure.reason(), messages.size()));
            if (!delivered.isEmpty()) {
                listeners.onDelivered(name, delivered);
            }
            failed.forEach((failure, messages) -> notifyFailed(messages, failure));
            listeners.onBatchSent(name, sent.size(), elapsed, outcome);
        });
        if (!counted) {
            return List.of();
        }
        if (!toRetry.isEmpty()) {
            failureLog.retrying(toRetry.size(), requestFailure);
        }
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
        long millis = Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
        return new Failure("retries_exhausted", "gave up after " + attempts + " attempt(s) in " + millis
                + " ms; last error: " + describe(last), last.credentialsRejected());
    }

    private static String describe(Failure failure) {
        return failure.reason() + (failure.detail() == null ? "" : " (" + failure.detail() + ")");
    }
}
