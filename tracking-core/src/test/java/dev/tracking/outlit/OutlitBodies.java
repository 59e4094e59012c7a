package dev.tracking.outlit;

import dev.tracking.Message;
import java.util.Arrays;
import java.util.List;

/** The request bodies Outlit's encoder writes, for tests outside this package. */
public final class OutlitBodies {

    private OutlitBodies() {
    }

    /** The body of the ingest request for {@code batch} in {@code protocol}. */
    public static byte[] body(OutlitProtocol protocol, List<Message> batch) {
        OutlitEncoder encoder = new OutlitEncoder(protocol);
        int length = encoder.encode(batch);
        return Arrays.copyOf(encoder.bytes(), length);
    }
}
