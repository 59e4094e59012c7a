package dev.tracking.benchmarks.driver;

import tools.jackson.databind.JsonNode;

/**
 * One client's {@code close()} after a burst.
 *
 * @param client the client
 * @param result the {@code CloseRun} result, or {@code null} when the run produced none
 * @param note how the run ended when it has no result, or {@code ""}
 */
record Close(String client, JsonNode result, String note) {

    boolean measured() {
        return result != null;
    }

    boolean returned() {
        return result.get("returned").asBoolean();
    }

    long closeMillis() {
        return result.get("closeMillis").asLong();
    }

    /** Percentage of the burst the sink had counted when close returned. */
    double deliveredPercentAtReturn() {
        return 100.0 * result.get("sinkAtReturn").asLong() / result.get("events").asLong();
    }

    /**
     * Percentage of the burst delivered or counted by the client as failed or dropped when close returned, with
     * nothing left pending; for a client that keeps no counters, what the sink had.
     */
    double accountedPercentAtReturn() {
        if (!result.has("accepted")) {
            return deliveredPercentAtReturn();
        }
        if (result.get("pending").asLong() > 0) {
            return 100.0 * (result.get("accepted").asLong() - result.get("pending").asLong())
                    / result.get("events").asLong();
        }
        long counted = Math.min(result.get("sinkAtReturn").asLong(), result.get("statsDelivered").asLong())
                + result.get("failed").asLong() + result.get("dropped").asLong();
        return 100.0 * counted / result.get("events").asLong();
    }

    /** Events that reached the sink after close had returned. */
    long arrivedAfterReturn() {
        return result.get("sinkAfterwards").asLong() - result.get("sinkAtReturn").asLong();
    }
}
