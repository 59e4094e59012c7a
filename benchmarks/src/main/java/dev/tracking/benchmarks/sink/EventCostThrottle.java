package dev.tracking.benchmarks.sink;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes the sink slow on purpose: every event costs a fixed time, served one request at a time across all
 * connections, so the sink takes at most {@code 1 / cost} events per second however clients send them.
 */
final class EventCostThrottle {

    private final long nanosPerEvent;
    private final ReentrantLock worker = new ReentrantLock(true);

    EventCostThrottle(long microsPerEvent) {
        this.nanosPerEvent = TimeUnit.MICROSECONDS.toNanos(microsPerEvent);
    }

    /** Spends the time {@code events} cost, holding the sink's single worker. */
    void process(long events) {
        if (nanosPerEvent == 0 || events == 0) {
            return;
        }
        worker.lock();
        try {
            long deadline = System.nanoTime() + events * nanosPerEvent;
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        } finally {
            worker.unlock();
        }
    }
}
