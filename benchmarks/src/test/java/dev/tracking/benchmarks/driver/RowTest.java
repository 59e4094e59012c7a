package dev.tracking.benchmarks.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.benchmarks.driver.Row.Better;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowTest {

    private static Map<String, Double> peers(Double segment, Double posthog) {
        Map<String, Double> peers = new LinkedHashMap<>();
        peers.put("segment", segment);
        peers.put("posthog", posthog);
        return peers;
    }

    @Test
    void comparesWithTheLowerPeerWhenLowerIsBetter() {
        Row row = Row.of("caller cost", "ns", 150.0, peers(4800.0, 1900.0), Better.LOWER,
                Target.ratioAtMost(0.1, "better peer"), "");

        assertThat(row.peer()).isEqualTo(1900.0);
        assertThat(row.ratio()).isCloseTo(150.0 / 1900.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(row.met()).isTrue();
    }

    @Test
    void comparesWithTheHigherPeerWhenHigherIsBetter() {
        Row row = Row.of("throughput", "events/s", 200_000.0, peers(81_800.0, 118_900.0), Better.HIGHER,
                Target.ratioAtLeast(2, "better peer"), "");

        assertThat(row.peer()).isEqualTo(118_900.0);
        assertThat(row.met()).isFalse();
    }

    @Test
    void ignoresMissingPeersAndJudgesAbsoluteTargetsOnOurValue() {
        Row row = Row.of("bytes", "B", 280.0, peers(Double.NaN, 1400.0), Better.LOWER, Target.atMost(300, " B"),
                "");

        assertThat(row.peers()).containsEntry("segment", null);
        assertThat(row.peer()).isEqualTo(1400.0);
        assertThat(row.met()).isTrue();
    }

    @Test
    void aMissingValueOfOursNeverMeetsItsTarget() {
        Row row = Row.of("close", "%", null, peers(46.0, 100.0), Better.HIGHER, Target.atLeast(100, " %"),
                "not available: not built");

        assertThat(row.ratio()).isNull();
        assertThat(row.met()).isFalse();
        assertThat(Cells.ours(row)).isEqualTo("not available");
    }

    @Test
    void aDetailHasNoTarget() {
        Row row = Row.of("undrained", "ns", 90.0, peers(5000.0, 2000.0), Better.LOWER, null, "");

        assertThat(row.isDetail()).isTrue();
        assertThat(row.met()).isNull();
    }
}
