package dev.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DestinationStatsTest {

    @Test
    void whatTheBuilderIsNotGivenIsZeroNullOrEmpty() {
        DestinationStats stats = DestinationStats.builder("lotus").build();

        assertThat(stats.destination()).isEqualTo("lotus");
        assertThat(new long[] {stats.accepted(), stats.delivered(), stats.failed(), stats.dropped(), stats.pending(),
                stats.consecutiveFailures(), stats.senderRestarts()}).containsOnly(0L);
        assertThat(stats.lastDeliveryAt()).isNull();
        assertThat(stats.lastFailureAt()).isNull();
        assertThat(stats.lastFailure()).isNull();
        assertThat(stats.credentialsRejected()).isFalse();
        assertThat(stats.failedByReason()).isEmpty();
        assertThat(stats.droppedByReason()).isEmpty();
    }

    @Test
    void aTestReadsTheCountsItGaveAndTheAccountingIdentityHolds() {
        DestinationStats stats = DestinationStats.builder("lotus").accepted(11).delivered(10).dropped(1)
                .droppedByReason(Map.of("not_a_usage_event", 1L)).build();

        assertThat(stats.accepted()).isEqualTo(stats.delivered() + stats.failed() + stats.dropped() + stats.pending());
        assertThat(stats.dropped()).isEqualTo(stats.droppedByReason().values().stream().mapToLong(Long::longValue)
                .sum());
    }

    @Test
    void theDestinationIsRequired() {
        assertThatIllegalArgumentException().isThrownBy(() -> DestinationStats.builder(null))
                .withMessage("destination must not be blank");
        assertThatIllegalArgumentException().isThrownBy(() -> DestinationStats.builder(" "))
                .withMessage("destination must not be blank");
    }

    @Test
    void aNullReasonsMapIsRefusedAtBuildNamingIt() {
        DestinationStats.Builder failed = DestinationStats.builder("outlit").failedByReason(null);
        DestinationStats.Builder dropped = DestinationStats.builder("outlit").droppedByReason(null);

        assertThatIllegalArgumentException().isThrownBy(failed::build).withMessage("failedByReason must not be null");
        assertThatIllegalArgumentException().isThrownBy(dropped::build)
                .withMessage("droppedByReason must not be null");
    }

    @Test
    void theReasonsAreACopySortedByReasonAndCannotBeChanged() {
        Map<String, Long> dropped = new HashMap<>(Map.of("shutdown", 2L, "queue_full", 5L, "not_applicable", 1L));
        DestinationStats stats = DestinationStats.builder("outlit").dropped(8).droppedByReason(dropped).build();

        dropped.put("queue_full", 99L);

        assertThat(stats.droppedByReason()).containsExactly(Map.entry("not_applicable", 1L),
                Map.entry("queue_full", 5L), Map.entry("shutdown", 2L));
        assertThatThrownBy(() -> stats.droppedByReason().put("x", 1L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderRoundTripsEveryValue() {
        DestinationStats stats = everyValueSet();
        DestinationStats copy = stats.toBuilder().build();

        assertThat(FieldsAlike.sameIn(stats, DestinationStats.builder("other").build()))
                .as("values left unset").isEmpty();
        assertThat(FieldsAlike.sameIn(copy, stats)).hasSize((int) FieldsAlike.count(DestinationStats.class));
        assertThat(copy).isEqualTo(stats).hasSameHashCodeAs(stats).hasToString(stats.toString());
    }

    @Test
    void toBuilderChangesACopyOnly() {
        DestinationStats stats = everyValueSet();

        DestinationStats rejected = stats.toBuilder().credentialsRejected(false).build();

        assertThat(stats.credentialsRejected()).isTrue();
        assertThat(rejected.credentialsRejected()).isFalse();
        assertThat(rejected).isNotEqualTo(stats);
        assertThat(FieldsAlike.sameIn(rejected, stats)).hasSize((int) FieldsAlike.count(DestinationStats.class) - 1);
    }

    private static DestinationStats everyValueSet() {
        return DestinationStats.builder("outlit").accepted(20).delivered(10).failed(3).dropped(2).pending(5)
                .consecutiveFailures(4).lastDeliveryAt(Instant.parse("2026-01-01T00:00:00Z"))
                .lastFailureAt(Instant.parse("2026-01-02T00:00:00Z"))
                .lastFailure(new Failure("http_401", "bad key", true)).credentialsRejected(true)
                .failedByReason(Map.of("http_401", 3L)).droppedByReason(Map.of("queue_full", 2L)).senderRestarts(1)
                .build();
    }
}
