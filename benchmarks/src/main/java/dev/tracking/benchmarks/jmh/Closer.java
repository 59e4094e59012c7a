package dev.tracking.benchmarks.jmh;

import dev.tracking.benchmarks.clients.BenchClient;
import java.time.Duration;

/** Closes a client without letting a slow shutdown hold up the benchmark. */
final class Closer {

    private Closer() {
    }

    /** Closes {@code client} on a daemon thread and waits at most {@code limit} for it. */
    static void closeWithin(BenchClient client, Duration limit) {
        Thread closing = new Thread(client::close, "bench-close-" + client.name());
        closing.setDaemon(true);
        closing.start();
        try {
            closing.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
