package dev.tracking.benchmarks.driver;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One client's sustained-overload run.
 *
 * @param client the client
 * @param result the {@code OverloadRun} result, or {@code null} when the run produced none
 * @param samples the live-heap samples taken while it ran
 * @param note how the run ended when it has no result, or {@code ""}
 */
record Overload(String client, JsonNode result, List<JsonNode> samples, String note) {

    boolean measured() {
        return result != null;
    }

    /**
     * Live-heap growth after the first quarter of the run, in MiB (0 when it shrank); an out-of-memory run counts
     * its peak.
     */
    double lateHeapGrowthMiB() {
        double end = outOfMemory() ? result.get("heapMaxMiB").asDouble() : result.get("heapEndMiB").asDouble();
        return Math.max(0, end - result.get("heapLateStartMiB").asDouble());
    }

    double heapMaxMiB() {
        return result.get("heapMaxMiB").asDouble();
    }

    boolean outOfMemory() {
        return result.get("outOfMemory").asBoolean();
    }

    /** Produced events neither counted at the sink nor counted by the client as failed, dropped or pending. */
    long uncounted() {
        return result.has("uncounted") ? result.get("uncounted").asLong()
                : result.get("produced").asLong() - result.get("sinkEvents").asLong();
    }

    long produced() {
        return result.get("produced").asLong();
    }

    long dropped() {
        return result.has("dropped") ? result.get("dropped").asLong() : 0;
    }
}
