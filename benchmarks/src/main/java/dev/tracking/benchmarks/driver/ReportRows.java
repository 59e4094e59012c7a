package dev.tracking.benchmarks.driver;

import dev.tracking.benchmarks.clients.BenchClients;
import dev.tracking.benchmarks.driver.Row.Better;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Turns measurements into rows: the rows with a target first, then details without a target. */
final class ReportRows {

    private static final String BETTER_PEER = "better peer";
    private static final String WITHOUT = "without annotations";
    private static final String CACHED_GATE = "cached feature gate + @TrackEvent";
    private static final double HEAP_GROWTH_BOUND_MIB = 16;

    private final SuiteResults results;
    private final List<Row> rows = new ArrayList<>();
    private final List<Row> details = new ArrayList<>();

    ReportRows(SuiteResults results) {
        this.results = results;
    }

    List<Row> rows() {
        return rows;
    }

    List<Row> details() {
        return details;
    }

    ReportRows build() {
        floorRows();
        for (String ours : List.of(BenchClients.OURS_OUTLIT, BenchClients.OURS_LOTUS)) {
            callerRows(ours);
        }
        for (String ours : List.of(BenchClients.OURS_OUTLIT, BenchClients.OURS_LOTUS)) {
            deliveryRows(ours);
        }
        for (String ours : List.of(BenchClients.OURS_OUTLIT, BenchClients.OURS_LOTUS)) {
            overloadAndCloseRows(ours);
        }
        springRows(results.spring());
        results.endToEnd().forEach(this::endToEndRows);
        gateRows(results.gate());
        outboxRows(results.outbox());
        return this;
    }

    private void callerRows(String ours) {
        for (int threads : new int[] {1, 2}) {
            int t = threads;
            String calls = t + " thread" + (t > 1 ? "s" : "") + ", drained";
            add(rows, "track() caller cost, " + calls, ours, "ns/call",
                    c -> results.caller(c, t, true).map(CallerCost::nanosPerCall), Better.LOWER,
                    Target.ratioAtMost(0.25, BETTER_PEER), c -> results.caller(c, t, true).map(CallerCost::note));
            Map<String, Double> floor = new LinkedHashMap<>();
            floor.put(BenchClients.FLOOR, floorNanos(t));
            rows.add(Row.of(label("track() caller cost against the floor, " + calls, ours), "ns/call",
                    results.caller(ours, t, true).map(CallerCost::nanosPerCall).orElse(null), floor, Better.LOWER,
                    Target.ratioAtMost(2, BenchClients.FLOOR), results.unavailable().containsKey(ours)
                            ? unavailable(ours) : results.caller(BenchClients.FLOOR, t, true)
                                    .map(CallerCost::note).orElse("")));
            add(details, "track() caller cost, " + t + " thread" + (t > 1 ? "s" : "") + ", undrained", ours,
                    "ns/call", c -> results.caller(c, t, false).map(CallerCost::nanosPerCall), Better.LOWER, null,
                    c -> results.caller(c, t, false).map(CallerCost::note));
        }
        add(rows, "bytes allocated on the caller thread per event", ours, "B/event",
                c -> results.caller(c, 1, true).map(CallerCost::callerBytesPerCall), Better.LOWER,
                Target.atMost(300, " B"), c -> Optional.empty());
        add(rows, "bytes allocated by the whole JVM per event (delivery included)", ours, "B/event",
                c -> results.caller(c, 1, true).map(CallerCost::wholeJvmBytesPerCall), Better.LOWER,
                Target.ratioAtMost(0.25, BETTER_PEER), c -> Optional.empty());
    }

    /** The floor's own numbers, as details: its time per call appears in the caller-cost rows' peer column. */
    private void floorRows() {
        for (int threads : new int[] {1, 2}) {
            int t = threads;
            Optional<CallerCost> floor = results.caller(BenchClients.FLOOR, t, true);
            details.add(Row.of("floor: timestamp, UUIDv7, property copy, lock-free MPSC offer, " + t + " thread"
                    + (t > 1 ? "s" : "") + ", drained", "ns/call", floor.map(CallerCost::nanosPerCall).orElse(null),
                    Map.of(), Better.LOWER, null, floor.map(CallerCost::note).orElse("")));
        }
        details.add(Row.of("floor: bytes allocated on the caller thread per event", "B/event",
                results.caller(BenchClients.FLOOR, 1, true).map(CallerCost::callerBytesPerCall).orElse(null),
                Map.of(), Better.LOWER, null, ""));
    }

    private Double floorNanos(int threads) {
        return results.caller(BenchClients.FLOOR, threads, true).map(CallerCost::nanosPerCall).orElse(null);
    }

    private void deliveryRows(String ours) {
        add(rows, "delivery throughput, first call to last event at the sink", ours, "events/s",
                c -> results.delivery(c).map(Delivery::eventsPerSecond), Better.HIGHER,
                Target.ratioAtLeast(2, BETTER_PEER), c -> Optional.of(results.deliveryNote(c)));
        add(rows, "client CPU per million events delivered, fresh JVM", ours, "CPU-s",
                c -> results.delivery(c).map(Delivery::cpuSecondsPerMillion), Better.LOWER,
                Target.ratioAtMost(0.25, BETTER_PEER), c -> Optional.empty());
        add(rows, "client CPU per million events delivered, steady state" + steadyRate(), ours, "CPU-s",
                c -> results.steady(c).map(SteadyState::cpuSecondsPerMillion), Better.LOWER,
                Target.ratioAtMost(0.25, BETTER_PEER), c -> Optional.of(results.steadyNote(c)));
        add(details, "whole-JVM bytes per event during a delivery run (cold JVM)", ours, "B/event",
                c -> results.delivery(c).map(Delivery::wholeJvmBytesPerEvent), Better.LOWER, null,
                c -> Optional.empty());
        if (ours.equals(BenchClients.OURS_OUTLIT)) {
            rows.add(Row.of(label("largest Outlit request during delivery runs", ours), "events",
                    results.delivery(ours).map(d -> (double) d.maxEventsPerRequest()).orElse(null), Map.of(),
                    Better.LOWER, Target.atMost(100, " events"), unavailable(ours)));
        }
    }

    private String steadyRate() {
        return results.steady().stream().findFirst().map(s -> String.format(" at %,d events/s", s.rate())).orElse("");
    }

    private void overloadAndCloseRows(String ours) {
        add(rows, "overload: live-heap growth after the first quarter", ours, "MiB",
                c -> results.overload(c).map(Overload::lateHeapGrowthMiB), Better.LOWER,
                Target.atMost(HEAP_GROWTH_BOUND_MIB, " MiB"), c -> results.overload(c).map(Overload::note));
        add(rows, "overload: events lost without being counted", ours, "events",
                c -> results.overload(c).map(o -> (double) o.uncounted()), Better.LOWER,
                Target.atMost(0, " events"), c -> Optional.empty());
        add(details, "overload: largest live heap", ours, "MiB",
                c -> results.overload(c).map(Overload::heapMaxMiB), Better.LOWER, null, c -> Optional.empty());
        add(details, "overload: events dropped and counted by the client", ours, "events",
                c -> results.overload(c).map(o -> (double) o.dropped()), Better.LOWER, null, c -> Optional.empty());
        add(rows, "close() after a burst: delivered or counted when it returns", ours, "%",
                c -> results.close(c).map(Close::accountedPercentAtReturn), Better.HIGHER,
                Target.atLeast(100, " %"), c -> Optional.empty());
        add(details, "close() after a burst: delivered when it returns", ours, "%",
                c -> results.close(c).map(Close::deliveredPercentAtReturn), Better.HIGHER, null,
                c -> Optional.empty());
        add(details, "close() after a burst: time to return", ours, "ms",
                c -> results.close(c).map(close -> close.returned() ? (double) close.closeMillis() : null),
                Better.LOWER, null, c -> results.close(c).map(close -> close.returned() ? ""
                        : "did not return in time; " + close.arrivedAfterReturn() + " arrived later"));
    }

    private void springRows(SpringResults spring) {
        Map<String, Double> counted = new LinkedHashMap<>();
        counted.put("@Counted", spring.countedOverhead());
        rows.add(Row.of("@TrackEvent overhead per call (two SpEL properties)", "ns", spring.trackEventOverhead(),
                counted, Better.LOWER, Target.atMost(2000, " ns"), spring.trackEventNote()));
        rows.add(Row.of("@TrackEvent overhead relative to @Counted", "ns", spring.trackEventOverhead(), counted,
                Better.LOWER, Target.ratioAtMost(3, "@Counted"), spring.note()));
        rows.add(Row.of("@GateOnFeature, cached decision", "ns/call", spring.gateCached(), Map.of(), Better.LOWER,
                Target.atMost(200, " ns"), spring.note()));
        details.add(Row.of("@GateOnFeature, cache miss answered by a loopback Lotus stub", "ns/call",
                spring.gateMiss(), Map.of(), Better.LOWER, null, spring.note()));
        Map<String, Double> countedBytes = new LinkedHashMap<>();
        countedBytes.put("@Counted", spring.bytesOf("counted"));
        Double plainBytes = spring.bytesOf("none");
        details.add(Row.of("@TrackEvent: bytes allocated per call, whole JVM", "B/call", spring.bytesOf("trackEvent"),
                countedBytes, Better.LOWER, null, plainBytes == null ? ""
                        : String.format("the method without annotation: %,.0f B/call", plainBytes)));
        details.add(Row.of("@GateOnFeature, cached decision: bytes allocated per call, whole JVM", "B/call",
                spring.bytesOf("cachedDecision"), Map.of(), Better.LOWER, null, ""));
    }

    private void endToEndRows(EndToEnd run) {
        String store = " (" + run.store() + ")";
        rows.add(Row.of("end to end: requests/s of the export endpoint with @GateOnFeature + @TrackEvent" + store,
                "requests/s", run.value("trackedRequestsPerSecond"),
                without(run.value("plainRequestsPerSecond")), Better.HIGHER, Target.ratioAtLeast(0.95, WITHOUT),
                run.note()));
        details.add(Row.of("end to end: p99 latency with the annotations" + store, "µs", run.value("trackedP99Micros"),
                without(run.value("plainP99Micros")), Better.LOWER, null, ""));
        details.add(Row.of("end to end: app CPU per request with the annotations" + store, "µs",
                run.value("trackedCpuMicrosPerRequest"), without(run.value("plainCpuMicrosPerRequest")),
                Better.LOWER, null, ""));
    }

    private void gateRows(GateResults gate) {
        if (gate.note().equals("not run")) {
            return;
        }
        Map<String, Double> cached = new LinkedHashMap<>();
        cached.put(CACHED_GATE, gate.cachedTracked());
        rows.add(Row.of("metered gate + @TrackEvent per call (in-memory store)", "ns/call", gate.meteredTracked(),
                cached, Better.LOWER, Target.ratioAtMost(2, CACHED_GATE), gate.note()));
        for (String store : GateSuite.DATABASES) {
            GateResults.DatabaseGate result = gate.database(store).orElse(null);
            if (result == null) {
                continue;
            }
            String name = store.equals("postgresql") ? "PostgreSQL" : "H2";
            rows.add(Row.of("metered gate + @TrackEvent on " + name + ", 8 threads", "calls/s",
                    result.callsPerSecond(), Map.of(), Better.HIGHER, Target.atLeast(5_000, " calls/s"),
                    result.describe()));
            rows.add(Row.of("metered gate on " + name + ": calls off the exact count (usage ≠ calls allowed, "
                    + "allowed ≠ limit)", "calls", result.miscounted(), Map.of(), Better.LOWER,
                    Target.atMost(0, " calls"), result.checked() ? "" : result.note()));
        }
    }

    private void outboxRows(OutboxResults outbox) {
        if (outbox.note().equals("not run")) {
            return;
        }
        rows.add(Row.of("outbox on PostgreSQL: track() caller latency outside a transaction, p99", "ms",
                outbox.value("callerP99Millis"), Map.of(), Better.LOWER, Target.atMost(5, " ms"), outbox.note()));
        rows.add(Row.of("outbox on PostgreSQL: events/s delivered from the outbox to the sink", "events/s",
                outbox.value("deliveredPerSecond"), Map.of(), Better.HIGHER, Target.atLeast(20_000, " events/s"),
                outbox.note()));
        details.add(Row.of("outbox on PostgreSQL: track() caller latency outside a transaction, p50", "ms",
                outbox.value("callerP50Millis"), Map.of(), Better.LOWER, null, ""));
        details.add(Row.of("outbox on PostgreSQL: added commit time, transaction with 1 event", "ms",
                outbox.value("addedCommitMillis1"), Map.of(), Better.LOWER, null, ""));
        details.add(Row.of("outbox on PostgreSQL: added commit time, transaction with 10 events", "ms",
                outbox.value("addedCommitMillis10"), Map.of(), Better.LOWER, null, ""));
    }

    private static Map<String, Double> without(Double value) {
        Map<String, Double> peers = new LinkedHashMap<>();
        peers.put(WITHOUT, value);
        return peers;
    }

    private void add(List<Row> into, String name, String ours, String unit,
            Function<String, Optional<Double>> value, Better better, Target target,
            Function<String, Optional<String>> note) {
        Map<String, Double> peers = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        notes.add(results.unavailable().containsKey(ours) ? unavailable(ours) : note.apply(ours).orElse(""));
        for (String peer : BenchClients.PEERS) {
            peers.put(peer, value.apply(peer).orElse(null));
            note.apply(peer).filter(text -> !text.isEmpty()).ifPresent(text -> notes.add(peer + ": " + text));
        }
        String why = String.join("; ", notes.stream().filter(text -> !text.isEmpty()).toList());
        into.add(Row.of(label(name, ours), unit, value.apply(ours).orElse(null), peers, better, target, why));
    }

    private String unavailable(String ours) {
        String reason = results.unavailable().get(ours);
        return reason == null ? "" : "not available: " + reason;
    }

    private static String label(String name, String ours) {
        return name + " (" + (ours.equals(BenchClients.OURS_OUTLIT) ? "Outlit" : "Lotus") + ")";
    }
}
