package dev.tracking.benchmarks.driver;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One client's sustained-overload run.
 *
 * @param client the client
 * @param result the {@code OverloadRun} result, or {@code null} when the run produced none
 * @param samples the live-heap samples taken while it ran
 * @param note how the run ended when it has no result, or {@code ""}
 */
record Overload(String client, JsonNode result, List<JsonNode> samples, String note) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The run of a child that printed no result (typically because it ran out of memory): what its last sample
     * says, with the produced events that had not reached the sink by then counted as lost.
     */
    static Overload fromSamples(String client, List<JsonNode> samples, int seconds, ChildOutput output) {
        if (samples.isEmpty()) {
            return new Overload(client, null, samples, output.outcome());
        }
        JsonNode last = samples.get(samples.size() - 1);
        double lateStart = samples.stream().filter(s -> s.get("atSeconds").asDouble() >= seconds / 4.0)
                .mapToDouble(s -> s.get("liveHeapMiB").asDouble()).findFirst()
                .orElse(samples.get(0).get("liveHeapMiB").asDouble());
        boolean outOfMemory = output.lines().stream().anyMatch(line -> line.contains("OutOfMemoryError"));
        ObjectNode result = JSON.createObjectNode().put("client", client)
                .put("produced", last.get("produced").asLong()).put("sinkEvents", last.get("sinkEvents").asLong())
                .put("outOfMemory", outOfMemory)
                .put("heapMaxMiB", samples.stream().mapToDouble(s -> s.get("liveHeapMiB").asDouble()).max().orElse(0))
                .put("heapLateStartMiB", lateStart).put("heapEndMiB", last.get("liveHeapMiB").asDouble())
                .put("endedAtSeconds", last.get("atSeconds").asDouble());
        return new Overload(client, result, samples, String.format("%s at %.0f s; figures from its last sample",
                outOfMemory ? "ran out of memory" : "ended without a result", last.get("atSeconds").asDouble()));
    }

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
