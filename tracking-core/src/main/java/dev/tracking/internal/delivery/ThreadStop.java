package dev.tracking.internal.delivery;

import java.util.concurrent.TimeUnit;

/**
 * How a closing tracker stops a thread of its own: it waits for the thread until the close deadline, then interrupts
 * it and waits a short grace more, so that a thread held up by a request or a database call still gets to give up.
 * Deadlines are {@link System#nanoTime()} values.
 */
public final class ThreadStop {

    /** How long an interrupted thread has to stop. */
    public static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private ThreadStop() {
    }

    /**
     * Waits for {@code thread} until {@code deadlineNanos}, then interrupts it and waits at most the grace; returns
     * whether it stopped.
     */
    public static boolean joinOrInterrupt(Thread thread, long deadlineNanos) throws InterruptedException {
        if (!joinUntil(thread, deadlineNanos)) {
            interruptAndJoinUntil(thread, System.nanoTime() + GRACE_NANOS);
        }
        return !thread.isAlive();
    }

    /** Waits for {@code thread} until {@code deadlineNanos} (not at all once it has passed); whether it stopped. */
    public static boolean joinUntil(Thread thread, long deadlineNanos) throws InterruptedException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
        }
        return !thread.isAlive();
    }

    /** Interrupts {@code thread} if it still runs and waits for it until {@code deadlineNanos}; whether it stopped. */
    public static boolean interruptAndJoinUntil(Thread thread, long deadlineNanos) throws InterruptedException {
        if (thread.isAlive()) {
            thread.interrupt();
            joinUntil(thread, deadlineNanos);
        }
        return !thread.isAlive();
    }
}
