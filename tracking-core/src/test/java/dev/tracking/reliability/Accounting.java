package dev.tracking.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.DestinationStats;
import dev.tracking.Tracker;

/** Assertions every reliability test makes about a tracker's counters. */
final class Accounting {

    private Accounting() {
    }

    /** The identity {@code accepted = delivered + failed + dropped + pending} holds, with nothing pending. */
    static DestinationStats settled(Tracker tracker) {
        DestinationStats stats = tracker.stats().get(0);
        assertThat(stats.accepted()).isEqualTo(stats.delivered() + stats.failed() + stats.dropped() + stats.pending());
        assertThat(stats.pending()).isZero();
        assertThat(tracker.queueSize()).isZero();
        return stats;
    }

    /** Whether a live sender thread of {@code destination} exists. */
    static boolean senderAlive(String destination) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("tracking-sender-" + destination));
    }
}
