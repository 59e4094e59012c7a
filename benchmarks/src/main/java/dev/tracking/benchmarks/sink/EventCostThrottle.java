package dev.tracking.benchmarks.sink;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Makes the sink slow on purpose: every event costs a fixed time, served one request at a time across all
 * connections, so the sink takes at most {@code 1 / cost} events per second however clients send them.
 */
final class EventCostThrottle {

    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final long nanosPerEvent;
    private final ReentrantLock worker = new ReentrantLock(true);

    EventCostThrottle(long microsPerEvent) {
        this.nanosPerEvent = TimeUnit.MICROSECONDS.toNanos(microsPerEvent);
    }

    /**
     * Spends the time {@code events} cost, holding the sink's single worker, or less when {@code abandoned} turns
     * true (the counters were reset: nobody waits for this work any more).
     */
    void process(long events, BooleanSupplier abandoned) {
        if (nanosPerEvent == 0 || events == 0) {
            return;
        }
        worker.lock();
        try {
            long deadline = System.nanoTime() + events * nanosPerEvent;
            for (long left = deadline - System.nanoTime(); left > 0 && !abandoned.getAsBoolean();
                    left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(Math.min(left, SLICE_NANOS));
            }
        } finally {
            worker.unlock();
        }
    }
}
