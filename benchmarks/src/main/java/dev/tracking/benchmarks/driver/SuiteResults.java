package dev.tracking.benchmarks.driver;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run of the driver measured.
 *
 * @param ours our clients that could be built, in result order
 * @param unavailable our clients that could not be built, with the reason
 * @param caller caller-cost results
 * @param delivery delivery results
 * @param steady steady-state CPU results
 * @param overload overload results
 * @param close close results
 * @param spring annotation and gate results
 * @param endToEnd end-to-end results, one per store
 * @param gate metered-gate results (in-memory and database stores)
 * @param outbox outbox results on PostgreSQL
 */
record SuiteResults(List<String> ours, Map<String, String> unavailable, List<CallerCost> caller,
        List<Delivery> delivery, List<SteadyState> steady, List<Overload> overload, List<Close> close, SpringResults spring,
        List<EndToEnd> endToEnd, GateResults gate, OutboxResults outbox) {

    Optional<CallerCost> caller(String client, int threads, boolean drained) {
        return caller.stream().filter(c -> c.client().equals(client) && c.threads() == threads
                && c.drained() == drained).findFirst();
    }

    Optional<Delivery> delivery(String client) {
        return delivery.stream().filter(d -> d.client().equals(client) && d.runs() > 0).findFirst();
    }

    /** What went wrong in a client's delivery runs, or {@code ""}. */
    String deliveryNote(String client) {
        return delivery.stream().filter(d -> d.client().equals(client)).map(Delivery::note).findFirst().orElse("");
    }

    Optional<SteadyState> steady(String client) {
        return steady.stream().filter(s -> s.client().equals(client) && s.measured()).findFirst();
    }

    /** What qualifies a client's steady-state number, or {@code ""}. */
    String steadyNote(String client) {
        return steady.stream().filter(s -> s.client().equals(client)).map(SteadyState::note).findFirst().orElse("");
    }

    Optional<Overload> overload(String client) {
        return overload.stream().filter(o -> o.client().equals(client) && o.measured()).findFirst();
    }

    Optional<Close> close(String client) {
        return close.stream().filter(c -> c.client().equals(client) && c.measured()).findFirst();
    }
}
