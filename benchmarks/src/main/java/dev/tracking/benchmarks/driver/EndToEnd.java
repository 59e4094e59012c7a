package dev.tracking.benchmarks.driver;

import tools.jackson.databind.JsonNode;

/**
 * The export endpoint under load, with the tracking annotations acting ("tracked") and without ("plain").
 *
 * @param store the local backend's store, as it appears in the results
 * @param result the load generator's result line, or {@code null} when it produced none
 * @param note what went wrong or qualifies the numbers, or {@code ""}
 */
record EndToEnd(String store, JsonNode result, String note) {

    /** A field of the result, e.g. {@code trackedRequestsPerSecond}, or {@code null}. */
    Double value(String field) {
        return result == null || !result.path(field).isNumber() ? null : result.get(field).asDouble();
    }

    boolean measured() {
        return value("trackedRequestsPerSecond") != null && value("plainRequestsPerSecond") != null;
    }
}
