package dev.tracking.benchmarks.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverloadTest {

    private static final List<String> DIED_OF_OUT_OF_MEMORY = List.of(
            "SAMPLE {\"atSeconds\":2.0,\"liveHeapMiB\":100.0,\"produced\":100000,\"sinkEvents\":10000}",
            "SAMPLE {\"atSeconds\":16.0,\"liveHeapMiB\":300.0,\"produced\":800000,\"sinkEvents\":80000}",
            "SAMPLE {\"atSeconds\":46.0,\"liveHeapMiB\":1000.0,\"produced\":2300000,\"sinkEvents\":200000}",
            "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space");

    @Test
    void aRunWithoutResultIsJudgedByItsLastSample() {
        ChildOutput output = new ChildOutput(1, false, DIED_OF_OUT_OF_MEMORY);

        Overload overload = Overload.fromSamples("posthog", output.linesAfter("SAMPLE "), 60, output);

        assertThat(overload.measured()).isTrue();
        assertThat(overload.outOfMemory()).isTrue();
        assertThat(overload.produced()).isEqualTo(2_300_000);
        assertThat(overload.uncounted()).isEqualTo(2_100_000);
        assertThat(overload.heapMaxMiB()).isEqualTo(1000.0);
        assertThat(overload.lateHeapGrowthMiB()).isEqualTo(700.0);
        assertThat(overload.note()).isEqualTo("ran out of memory at 46 s; figures from its last sample");
    }

    @Test
    void aRunWithoutSamplesHasNoFigures() {
        ChildOutput output = new ChildOutput(-1, true, List.of());

        Overload overload = Overload.fromSamples("segment", List.of(), 60, output);

        assertThat(overload.measured()).isFalse();
        assertThat(overload.note()).isEqualTo("killed after its time limit");
    }
}
