package dev.tracking.benchmarks.web;

import dev.tracking.benchmarks.measure.ResultLine;
import java.io.IOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-to-end load generator, in its own JVM: drives two running copies of {@link WebBenchApplication} — one
 * with the tracking annotations acting ("tracked"), one without ("plain") — over loopback, alternating between
 * them. Each app is warmed up first (two halves each, alternating); then every round runs both once, the order
 * flipping each round (plain, tracked; tracked, plain; …) so that a drift of the machine hits both alike. Around
 * each run the app is asked to settle (its tracker flushed) and for its CPU time, so each run's delivery work
 * counts in that run. Prints each run as a {@code SAMPLE} line and the totals per app as the result.
 *
 * <p>Arguments: {@code --plain-port=P --tracked-port=P --connections=N --warmup-seconds=S --round-seconds=S
 * --rounds=R}.
 */
public final class LoadGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] SETTLE = LoadConnection.post("/bench/settle", "", "{}");

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        int connections = 8;
        int plainPort = 0;
        int trackedPort = 0;
        double warmup = 10;
        double round = 5;
        int rounds = 3;
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            switch (arg.substring(0, arg.indexOf('='))) {
                case "--plain-port" -> plainPort = Integer.parseInt(value);
                case "--tracked-port" -> trackedPort = Integer.parseInt(value);
                case "--connections" -> connections = Integer.parseInt(value);
                case "--warmup-seconds" -> warmup = Double.parseDouble(value);
                case "--round-seconds" -> round = Double.parseDouble(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        App plain = new App("plain", plainPort, connections);
        App tracked = new App("tracked", trackedPort, connections);
        for (int half = 0; half < 2; half++) {
            for (App app : List.of(plain, tracked)) {
                app.load.run(warmup / 2);
                app.settle();
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (App app : r % 2 == 0 ? List.of(plain, tracked) : List.of(tracked, plain)) {
                app.measure(round, r + 1);
            }
        }
        ResultLine result = new ResultLine().put("connections", connections).put("rounds", rounds)
                .put("roundSeconds", round);
        plain.report(result);
        tracked.report(result);
        JsonNode trackerState = tracked.settle();
        result.put("trackedAccepted", trackerState.get("accepted").asLong())
                .put("trackedDropped", trackerState.get("dropped").asLong()).print();
        System.exit(0);
    }

    /** One of the two applications, with everything measured on it. */
    private static final class App {
        final String name;
        final int port;
        final LoadRun load;
        long requests;
        long errors;
        double seconds;
        long cpuNanos;
        long[] latencies = new long[0];
        String failure = "";

        App(String name, int port, int connections) {
            this.name = name;
            this.port = port;
            this.load = new LoadRun(port, connections);
        }

        /** Asks the app to flush its tracker, on a connection of its own; returns its answer. */
        JsonNode settle() throws IOException {
            try (LoadConnection control = new LoadConnection(port)) {
                return JSON.readTree(control.exchangeForBody(SETTLE));
            }
        }

        void measure(double roundSeconds, int round) throws IOException, InterruptedException {
            long cpuBefore = settle().get("cpuNanos").asLong();
            LoadRun.Outcome outcome = load.run(roundSeconds);
            long cpu = settle().get("cpuNanos").asLong() - cpuBefore;
            requests += outcome.requests();
            errors += outcome.errors();
            seconds += outcome.seconds();
            cpuNanos += cpu;
            long[] all = new long[latencies.length + outcome.latencies().length];
            System.arraycopy(latencies, 0, all, 0, latencies.length);
            System.arraycopy(outcome.latencies(), 0, all, latencies.length, outcome.latencies().length);
            latencies = all;
            if (failure.isEmpty()) {
                failure = outcome.failure();
            }
            new ResultLine().put("app", name).put("round", round)
                    .put("requestsPerSecond", outcome.requests() / outcome.seconds())
                    .put("p99Micros", LoadRun.percentile(outcome.latencies(), 99) / 1000)
                    .put("cpuMicrosPerRequest", outcome.requests() == 0 ? Double.NaN
                            : cpu / 1000.0 / outcome.requests())
                    .put("errors", outcome.errors()).printAs("SAMPLE ");
        }

        void report(ResultLine result) {
            result.put(name + "Requests", requests).put(name + "Errors", errors)
                    .put(name + "RequestsPerSecond", seconds == 0 ? Double.NaN : requests / seconds)
                    .put(name + "P50Micros", LoadRun.percentile(latencies, 50) / 1000)
                    .put(name + "P99Micros", LoadRun.percentile(latencies, 99) / 1000)
                    .put(name + "CpuMicrosPerRequest", requests == 0 ? Double.NaN : cpuNanos / 1000.0 / requests)
                    .put(name + "Failure", failure);
        }
    }
}
