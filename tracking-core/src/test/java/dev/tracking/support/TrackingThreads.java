package dev.tracking.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The library's live threads (every thread it starts is named {@code tracking-…}) at one moment, to check that what
 * a tracker or a Spring context started has ended once it is closed.
 */
public final class TrackingThreads {

    private static final String PREFIX = "tracking-";

    private final Set<Thread> before;

    private TrackingThreads(Set<Thread> before) {
        this.before = before;
    }

    /** The library's threads alive now. */
    public static TrackingThreads now() {
        return new TrackingThreads(Set.copyOf(alive()));
    }

    /** The names of the library's threads started since {@link #now()} that are alive now. */
    public List<String> startedSince() {
        return alive().stream().filter(thread -> !before.contains(thread)).map(Thread::getName).sorted().toList();
    }

    /** Waits until every library thread started since {@link #now()} has ended; fails naming those that did not. */
    public void awaitAllEnded() {
        await().atMost(Duration.ofSeconds(10)).alias("tracking threads still alive").untilAsserted(() -> {
            List<String> left = startedSince();
            if (!left.isEmpty()) {
                throw new AssertionError("still alive: " + left);
            }
        });
    }

    private static Set<Thread> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(PREFIX))
                .collect(Collectors.toSet());
    }
}
