package dev.tracking.benchmarks.driver;

import java.util.LinkedHashMap;
import java.util.Map;

/** The measurements behind the rows, kept in {@code latest.json} so that every number can be traced. */
final class RawResults {

    private RawResults() {
    }

    static Map<String, Object> of(SuiteResults results) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("unavailable", results.unavailable());
        raw.put("callerCost", results.caller());
        raw.put("delivery", results.delivery());
        raw.put("steadyState", results.steady());
        raw.put("overload", results.overload().stream().map(o -> o.result() == null ? Map.of("client", o.client(),
                "note", o.note()) : o.result()).toList());
        raw.put("close", results.close().stream().map(c -> c.result() == null ? Map.of("client", c.client(),
                "note", c.note()) : c.result()).toList());
        raw.put("spring", results.spring());
        raw.put("endToEnd", results.endToEnd().stream().map(e -> e.result() == null
                ? Map.of("store", e.store(), "note", e.note())
                : Map.of("store", e.store(), "note", e.note(), "result", e.result())).toList());
        raw.put("gate", GateSuite.raw(results.gate()));
        raw.put("outbox", results.outbox().result() == null ? Map.of("note", results.outbox().note())
                : Map.of("note", results.outbox().note(), "result", results.outbox().result()));
        return raw;
    }
}
