package dev.tracking.benchmarks.driver;

import dev.tracking.benchmarks.runs.SteadyStateRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs {@link SteadyStateRun} for every client, one fresh JVM each, in the order given (ours and peers alternating). */
final class SteadySuite {

    private final Settings settings;
    private final int sinkPort;

    SteadySuite(Settings settings, int sinkPort) {
        this.settings = settings;
        this.sinkPort = sinkPort;
    }

    List<SteadyState> run(List<String> clients) {
        Settings.Steady steady = settings.steady();
        List<SteadyState> results = new ArrayList<>();
        for (String client : clients) {
            Console.step(String.format("steady state: %s, %,d events/s for %d x %d s after a %,d-event burst",
                    client, steady.rate(), steady.windows(), steady.windowSeconds(), steady.warmupEvents()));
            ChildOutput output = ChildJvm.run(ChildJvm.command(DeliverySuite.CLIENT_JVM, SteadyStateRun.class,
                    List.of("--client=" + client, "--sink-port=" + sinkPort,
                            "--warmup-events=" + steady.warmupEvents(), "--rate=" + steady.rate(),
                            "--settle-seconds=" + steady.settleSeconds(),
                            "--window-seconds=" + steady.windowSeconds(), "--windows=" + steady.windows())),
                    Duration.ofMinutes(6), settings.logDir().resolve("steady-" + client + ".log"));
            SteadyState result = output.result().map(line -> SteadyState.of(client, line))
                    .orElseGet(() -> SteadyState.failed(client, steady.rate(), output.outcome()));
            if (result.measured()) {
                Console.step(String.format("  %.2f CPU-s per million, %,.0f events/s delivered%s",
                        result.cpuSecondsPerMillion(), result.deliveredPerSecond(),
                        result.note().isEmpty() ? "" : " (" + result.note() + ")"));
            } else {
                Console.warn(client + " steady state: " + result.note());
            }
            results.add(result);
        }
        return results;
    }
}
