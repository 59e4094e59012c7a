package dev.tracking.benchmarks.driver;

import tools.jackson.databind.JsonNode;

/**
 * The outbox on PostgreSQL: {@code track()} outside a transaction, the commit of transactions with events, and
 * delivery from the table to the sink.
 *
 * @param result the run's result line, or {@code null} when it produced none
 * @param note what went wrong or qualifies the numbers, or {@code ""}
 */
record OutboxResults(JsonNode result, String note) {

    static OutboxResults notRun() {
        return new OutboxResults(null, "not run");
    }

    /** A field of the result, e.g. {@code callerP99Millis}, or {@code null}. */
    Double value(String field) {
        return result == null || !result.path(field).isNumber() ? null : result.get(field).asDouble();
    }
}
