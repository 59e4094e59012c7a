package dev.tracking.internal.outbox;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Wakes an idle outbox relay early (new rows, a flush) and tells it to stop. */
final class RelayWakeup {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean signalled;
    private volatile boolean stopping;

    void signal() {
        lock.lock();
        try {
            signalled = true;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    void stop() {
        stopping = true;
        signal();
    }

    boolean stopping() {
        return stopping;
    }

    /** Waits up to {@code nanos} or until signalled; returns {@code false} when the relay should stop. */
    boolean await(long nanos) {
        lock.lock();
        try {
            long remaining = nanos;
            while (!signalled && !stopping && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            signalled = false;
            return !stopping;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
