package dev.tracking.benchmarks.runs;

import dev.tracking.benchmarks.clients.BenchClient;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends benchmark events at a fixed rate on its own thread until stopped, and remembers whether the client ever
 * threw (an {@link OutOfMemoryError} included) and when.
 */
final class PacedProducer implements Runnable {

    private final BenchClient client;
    private final long eventsPerSecond;
    private final long startNanos = System.nanoTime();
    private volatile boolean running = true;
    private volatile long produced;
    private volatile Throwable failure;
    private volatile long failedAtNanos;

    PacedProducer(BenchClient client, long eventsPerSecond) {
        this.client = client;
        this.eventsPerSecond = eventsPerSecond;
    }

    @Override
    public void run() {
        long sent = 0;
        try {
            while (running) {
                long due = (System.nanoTime() - startNanos) * eventsPerSecond / 1_000_000_000L;
                for (; sent < due && running; sent++) {
                    client.send();
                    produced = sent + 1;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        } catch (Throwable e) {
            failedAtNanos = System.nanoTime();
            failure = e;
        }
    }

    void stop() {
        running = false;
    }

    /** Calls that returned normally. */
    long produced() {
        return produced;
    }

    /** What the client threw, or {@code null}. */
    Throwable failure() {
        return failure;
    }

    /** Seconds from the start to the failure, or -1. */
    double failedAtSeconds() {
        return failure == null ? -1 : (failedAtNanos - startNanos) / 1e9;
    }
}
