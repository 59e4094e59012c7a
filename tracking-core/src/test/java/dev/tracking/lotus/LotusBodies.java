package dev.tracking.lotus;

import dev.tracking.TrackMessage;
import java.util.Arrays;
import java.util.List;

/** The request bodies Lotus's encoder writes for event batches, for tests outside this package. */
public final class LotusBodies {

    private LotusBodies() {
    }

    /** The body of {@code POST /api/track/} for {@code batch}. */
    public static byte[] body(List<TrackMessage> batch) {
        LotusEncoder encoder = new LotusEncoder();
        int length = encoder.encodeEvents(batch);
        return Arrays.copyOf(encoder.bytes(), length);
    }
}
