package dev.tracking.lotus;

import dev.tracking.TrackMessage;
import java.util.Arrays;
import java.util.List;

/** The request bodies Lotus's batch writer writes, for tests outside this package. */
public final class LotusBodies {

    private LotusBodies() {
    }

    /** The body of {@code POST /api/track/} for {@code batch}. */
    public static byte[] body(List<TrackMessage> batch) {
        LotusBatchWriter writer = new LotusBatchWriter();
        int length = writer.write(batch);
        return Arrays.copyOf(writer.bytes(), length);
    }
}
