package dev.tracking.benchmarks.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReportRowsTest {

    private static final List<String> CLIENTS = List.of("ours-outlit", "ours-lotus", "segment", "posthog");

    private static List<CallerCost> callerCosts() {
        List<CallerCost> costs = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            costs.add(new CallerCost("ours-outlit", threads, true, 300.0 * threads, 200, 250, ""));
            costs.add(new CallerCost("ours-lotus", threads, true, 150.0 * threads, 200, 250, ""));
            costs.add(new CallerCost("segment", threads, true, 3000.0, 3800, 14000, ""));
            costs.add(new CallerCost("posthog", threads, true, 800.0, 1400, 4000, ""));
            costs.add(new CallerCost("floor", threads, true, 100.0 * threads, 120, 130, ""));
        }
        return costs;
    }

    private static ReportRows report(List<SteadyState> steady, List<EndToEnd> endToEnd) {
        return report(steady, endToEnd, GateResults.notRun(), OutboxResults.notRun());
    }

    private static ReportRows report(List<SteadyState> steady, List<EndToEnd> endToEnd, GateResults gate,
            OutboxResults outbox) {
        return new ReportRows(new SuiteResults(CLIENTS, Map.of(), callerCosts(), List.of(), steady, List.of(),
                List.of(), SpringResults.notAvailable("not run"), endToEnd, gate, outbox)).build();
    }

    private static Row row(List<Row> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name + " in " + rows.stream().map(Row::name)
                        .toList()));
    }

    @Test
    void callerCostIsJudgedAgainstTheFloorAndAgainstTheBetterPeer() {
        List<Row> rows = report(List.of(), List.of()).rows();

        Row againstFloor = row(rows, "track() caller cost against the floor, 1 thread, drained (Outlit)");
        assertThat(againstFloor.peers()).containsEntry("floor", 100.0);
        assertThat(againstFloor.ratio()).isEqualTo(3.0);
        assertThat(againstFloor.target()).isEqualTo("≤ 2× floor");
        assertThat(againstFloor.met()).isFalse();
        assertThat(row(rows, "track() caller cost against the floor, 2 threads, drained (Lotus)").met()).isTrue();

        Row againstPeers = row(rows, "track() caller cost, 1 thread, drained (Lotus)");
        assertThat(againstPeers.peer()).isEqualTo(800.0);
        assertThat(againstPeers.target()).isEqualTo("≤ 0.25× better peer");
        assertThat(againstPeers.met()).isTrue();
        assertThat(row(rows, "track() caller cost, 1 thread, drained (Outlit)").met()).isFalse();
    }

    @Test
    void theFloorItselfIsADetail() {
        List<Row> details = report(List.of(), List.of()).details();

        assertThat(row(details, "floor: timestamp, UUIDv7, property copy, lock-free MPSC offer, 2 threads, drained")
                .ours()).isEqualTo(200.0);
        assertThat(row(details, "floor: bytes allocated on the caller thread per event").ours()).isEqualTo(120.0);
    }

    @Test
    void steadyStateRowsStandBesideTheFreshJvmRows() {
        List<Row> rows = report(List.of(new SteadyState("ours-outlit", 20_000, 0.5, 20_000, ""),
                new SteadyState("segment", 20_000, 10, 19_000, ""),
                new SteadyState("posthog", 20_000, 4, 8_000, "delivered only 8,000 of 20,000 events/s")), List.of())
                .rows();

        List<String> names = rows.stream().map(Row::name).toList();
        int fresh = names.indexOf("client CPU per million events delivered, fresh JVM (Outlit)");
        Row steady = rows.get(fresh + 1);
        assertThat(steady.name()).isEqualTo(
                "client CPU per million events delivered, steady state at 20,000 events/s (Outlit)");
        assertThat(steady.ratio()).isEqualTo(0.125);
        assertThat(steady.met()).isTrue();
        assertThat(steady.note()).isEqualTo("posthog: delivered only 8,000 of 20,000 events/s");
        assertThat(row(rows, "client CPU per million events delivered, steady state at 20,000 events/s (Lotus)")
                .met()).isFalse();
    }

    @Test
    void endToEndThroughputMayLoseAtMostFivePercentToTheAnnotations() {
        JsonMapper json = JsonMapper.builder().build();
        EndToEnd run = new EndToEnd("in-memory store", json.readTree("""
                {"trackedRequestsPerSecond": 9600, "plainRequestsPerSecond": 10000, "trackedP99Micros": 2100,
                 "plainP99Micros": 2000, "trackedCpuMicrosPerRequest": 190, "plainCpuMicrosPerRequest": 180}"""),
                "");
        EndToEnd slower = new EndToEnd("slow store", json.readTree("""
                {"trackedRequestsPerSecond": 9400, "plainRequestsPerSecond": 10000}"""), "");
        ReportRows report = report(List.of(), List.of(run, slower));

        Row throughput = row(report.rows(), "end to end: requests/s of the export endpoint with @GateOnFeature + "
                + "@TrackEvent (in-memory store)");
        assertThat(throughput.peers()).containsEntry("without annotations", 10_000.0);
        assertThat(throughput.ratio()).isEqualTo(0.96);
        assertThat(throughput.target()).isEqualTo("≥ 0.95× without annotations");
        assertThat(throughput.met()).isTrue();
        assertThat(row(report.rows(), "end to end: requests/s of the export endpoint with @GateOnFeature + "
                + "@TrackEvent (slow store)").met()).isFalse();
        assertThat(row(report.details(), "end to end: p99 latency with the annotations (in-memory store)").ratio())
                .isEqualTo(1.05);
    }

    @Test
    void theMeteredGateIsJudgedAgainstTheCachedGateOfTheSameRunAndOnDatabasesByRateAndExactness() {
        GateResults gate = new GateResults(400.0, 900.0, "", List.of(
                new GateResults.DatabaseGate("postgresql", 6_000.0, 30_000, 0, 30_000, 100, 320, 100, 100, ""),
                new GateResults.DatabaseGate("h2", 4_000.0, 20_000, 0, 19_999, 100, 320, 101, 101, "")));
        List<Row> rows = report(List.of(), List.of(), gate, OutboxResults.notRun()).rows();

        Row memory = row(rows, "metered gate + @TrackEvent per call (in-memory store)");
        assertThat(memory.peers()).containsEntry("cached feature gate + @TrackEvent", 400.0);
        assertThat(memory.ratio()).isEqualTo(2.25);
        assertThat(memory.target()).isEqualTo("≤ 2× cached feature gate + @TrackEvent");
        assertThat(memory.met()).isFalse();
        assertThat(row(rows, "metered gate + @TrackEvent on PostgreSQL, 8 threads").met()).isTrue();
        assertThat(row(rows, "metered gate + @TrackEvent on H2, 8 threads").met()).isFalse();
        String exact = ": calls off the exact count (usage ≠ calls allowed, allowed ≠ limit)";
        assertThat(row(rows, "metered gate on PostgreSQL" + exact).ours()).isZero();
        assertThat(row(rows, "metered gate on PostgreSQL" + exact).met()).isTrue();
        Row h2 = row(rows, "metered gate on H2" + exact);
        assertThat(h2.ours()).isEqualTo(3.0);
        assertThat(h2.met()).isFalse();
    }

    @Test
    void aDatabaseGateThatDidNotRunMissesItsTargets() {
        GateResults gate = new GateResults(400.0, 700.0, "", List.of(
                GateResults.DatabaseGate.failed("postgresql", "failed: no server")));
        List<Row> rows = report(List.of(), List.of(), gate, OutboxResults.notRun()).rows();

        Row rate = row(rows, "metered gate + @TrackEvent on PostgreSQL, 8 threads");
        assertThat(rate.met()).isFalse();
        assertThat(rate.note()).isEqualTo("failed: no server");
        assertThat(row(rows, "metered gate on PostgreSQL: calls off the exact count (usage ≠ calls allowed, "
                + "allowed ≠ limit)").met()).isFalse();
        assertThat(row(rows, "metered gate + @TrackEvent per call (in-memory store)").met()).isTrue();
    }

    @Test
    void outboxRowsJudgeCallerP99AndDeliveryAndKeepCommitTimesAsDetails() {
        JsonMapper json = JsonMapper.builder().build();
        OutboxResults outbox = new OutboxResults(json.readTree("""
                {"callerP50Millis": 1.5, "callerP99Millis": 6.0, "addedCommitMillis1": 0.4,
                 "addedCommitMillis10": 1.1, "deliveredPerSecond": 25000}"""), "");
        ReportRows report = report(List.of(), List.of(), GateResults.notRun(), outbox);

        Row p99 = row(report.rows(), "outbox on PostgreSQL: track() caller latency outside a transaction, p99");
        assertThat(p99.target()).isEqualTo("≤ 5 ms");
        assertThat(p99.met()).isFalse();
        assertThat(row(report.rows(), "outbox on PostgreSQL: events/s delivered from the outbox to the sink").met())
                .isTrue();
        assertThat(row(report.details(), "outbox on PostgreSQL: added commit time, transaction with 10 events")
                .ours()).isEqualTo(1.1);
    }

    @Test
    void anOutboxNotYetAvailableMissesItsTargetsAndSaysWhy() {
        OutboxResults outbox = new OutboxResults(JsonMapper.builder().build().readTree(
                "{\"unavailable\": \"not wired\"}"), "not available: not wired");
        List<Row> rows = report(List.of(), List.of(), GateResults.notRun(), outbox).rows();

        Row p99 = row(rows, "outbox on PostgreSQL: track() caller latency outside a transaction, p99");
        assertThat(p99.ours()).isNull();
        assertThat(p99.met()).isFalse();
        assertThat(p99.note()).isEqualTo("not available: not wired");
    }
}
