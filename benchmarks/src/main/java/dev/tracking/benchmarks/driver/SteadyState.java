package dev.tracking.benchmarks.driver;

import tools.jackson.databind.JsonNode;

/**
 * Client CPU per million events delivered in steady state (a warmed-up JVM sending at a constant rate).
 *
 * @param client the client
 * @param rate the producer's events per second
 * @param cpuSecondsPerMillion process CPU seconds per million events counted at the sink over all windows
 * @param deliveredPerSecond events per second counted at the sink during the windows
 * @param note what makes the number doubtful, or {@code ""}
 */
record SteadyState(String client, int rate, double cpuSecondsPerMillion, double deliveredPerSecond, String note) {

    /** Below this share of the producer's rate, the client did not keep up and its backlog grew. */
    private static final double KEEPING_UP = 0.95;

    static SteadyState of(String client, JsonNode result) {
        double delivered = result.get("deliveredPerSecond").asDouble();
        int rate = result.get("rate").asInt();
        String failure = result.path("producerFailure").asString("");
        String note = !failure.isEmpty() ? "the producer failed: " + failure
                : delivered < KEEPING_UP * rate ? String.format("delivered only %,.0f of %,d events/s", delivered, rate)
                : "";
        return new SteadyState(client, rate, result.get("cpuSecondsPerMillion").asDouble(Double.NaN), delivered,
                note);
    }

    static SteadyState failed(String client, int rate, String note) {
        return new SteadyState(client, rate, Double.NaN, Double.NaN, note);
    }

    boolean measured() {
        return !Double.isNaN(cpuSecondsPerMillion);
    }
}
