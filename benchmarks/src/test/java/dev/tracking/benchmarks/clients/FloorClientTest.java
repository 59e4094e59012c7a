package dev.tracking.benchmarks.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FloorClientTest {

    @Test
    void itsConsumerTakesEveryEventFromManyCallers() throws InterruptedException {
        try (FloorClient floor = new FloorClient(1 << 16)) {
            Thread[] callers = new Thread[4];
            for (int t = 0; t < callers.length; t++) {
                callers[t] = new Thread(() -> {
                    for (int i = 0; i < 50_000; i++) {
                        floor.send();
                    }
                });
                callers[t].start();
            }
            for (Thread caller : callers) {
                caller.join();
            }

            assertThat(floor.awaitConsumed(200_000, Duration.ofMinutes(1))).isTrue();
            assertThat(floor.consumed() + floor.droppedOrFailed()).isEqualTo(200_000);
        }
    }

    @Test
    void aFullQueueDropsAndCounts() {
        try (FloorClient floor = new FloorClient(4)) {
            for (int i = 0; i < 100_000; i++) {
                floor.send();
            }

            assertThat(floor.awaitConsumed(100_000, Duration.ofMinutes(1))).isTrue();
            assertThat(floor.consumed() + floor.droppedOrFailed()).isEqualTo(100_000);
        }
    }

    @Test
    void idsAreVersion7WithTheTimestampInFront() {
        long millis = 1_767_225_600_123L;

        UUID id = FloorClient.uuidV7(millis);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(FloorClient.uuidV7(millis)).isNotEqualTo(id);
    }

    @Test
    void thePropertyCopyDoesNotFollowTheCallersMap() {
        Map<String, Object> properties = new HashMap<>(Map.of("rows", 42));

        Object[] copy = FloorClient.copy(properties);
        properties.put("rows", 43);

        assertThat(copy).containsExactly("rows", 42);
    }
}
