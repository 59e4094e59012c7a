package dev.tracking.benchmarks.clients;

import java.time.Duration;

/** Closes a client on a daemon thread, waiting a bounded time, so a slow shutdown cannot hang a benchmark. */
public final class ClientShutdown {

    private ClientShutdown() {
    }

    /** Nanoseconds {@code client.close()} took, or -1 when it had not returned after {@code limit}. */
    public static long closeWithin(BenchClient client, Duration limit) {
        long[] took = {-1};
        Thread closing = new Thread(() -> {
            long start = System.nanoTime();
            client.close();
            took[0] = System.nanoTime() - start;
        }, "bench-close-" + client.name());
        closing.setDaemon(true);
        closing.start();
        try {
            closing.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return closing.isAlive() ? -1 : took[0];
    }
}
