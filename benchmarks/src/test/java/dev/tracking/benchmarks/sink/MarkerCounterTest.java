package dev.tracking.benchmarks.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarkerCounterTest {

    private static final byte[] BODY = "{\"events\":[{\"bench_marker\":\"on\"},{\"bbench_marker\":1},{\"bench_mark\":2},"
            .concat("{\"x\":{\"bench_marker\":\"on\"}}]}").getBytes(StandardCharsets.US_ASCII);

    @Test
    void countsEveryMarkerWhereverTheBodyIsSplit() {
        for (int split = 0; split <= BODY.length; split++) {
            MarkerCounter counter = new MarkerCounter("bench_marker");
            counter.feed(BODY, 0, split);
            counter.feed(BODY, split, BODY.length - split);
            assertThat(counter.count()).as("split at %d", split).isEqualTo(3);
        }
    }

    @Test
    void countsByteByByte() {
        MarkerCounter counter = new MarkerCounter("bench_marker");
        for (int i = 0; i < BODY.length; i++) {
            counter.feed(BODY, i, 1);
        }
        assertThat(counter.count()).isEqualTo(3);
    }

    @Test
    void resetForgetsCountAndPartialMatch() {
        MarkerCounter counter = new MarkerCounter("bench_marker");
        counter.feed(BODY, 0, 20);
        counter.reset();
        byte[] tail = "marker\"".getBytes(StandardCharsets.US_ASCII);
        counter.feed(tail, 0, tail.length);
        assertThat(counter.count()).isZero();
    }

    @Test
    void refusesAMarkerThatRepeatsItsFirstCharacter() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MarkerCounter("abca"));
    }
}
