package dev.tracking.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.UUID;

/**
 * Lets a tracked event count toward usage once, whether the backend hears of it when the tracker accepts it,
 * when it is delivered, or both: the first sighting counts and the second is skipped.
 *
 * <p>An id waits for its second sighting at most 30 minutes and among at most 100,000 others, which bounds
 * the memory of events that are only ever seen once (sent without a tracker, or dropped by a full queue).
 */
final class FirstSightings {

    private final Cache<UUID, Boolean> awaitingSecond = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(30))
            .build();

    /** Whether this is the first time {@code id} is seen; a second sighting forgets it. */
    boolean isFirst(UUID id) {
        boolean[] first = new boolean[1];
        awaitingSecond.asMap().compute(id, (key, held) -> {
            first[0] = held == null;
            return first[0] ? Boolean.TRUE : null;
        });
        return first[0];
    }
}
