package dev.tracking.benchmarks.driver;

import dev.tracking.benchmarks.runs.CloseRun;
import dev.tracking.benchmarks.runs.OverloadRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the overload and close scenarios, one fresh JVM per client. */
final class ScenarioRuns {

    private static final List<String> OVERLOAD_JVM = List.of("-Xms256m", "-Xmx1g");

    private final Settings settings;

    ScenarioRuns(Settings settings) {
        this.settings = settings;
    }

    /** Sustained overload against the slow sink on {@code slowSinkPort}. */
    List<Overload> overload(List<String> clients, int slowSinkPort) {
        List<Overload> results = new ArrayList<>();
        for (String client : clients) {
            Console.step("overload: " + client + ", " + settings.overloadSeconds() + " s at "
                    + String.format("%,d", settings.overloadRate()) + " events/s");
            ChildOutput output = ChildJvm.run(ChildJvm.command(OVERLOAD_JVM, OverloadRun.class,
                    List.of("--client=" + client, "--sink-port=" + slowSinkPort,
                            "--seconds=" + settings.overloadSeconds(), "--rate=" + settings.overloadRate())),
                    Duration.ofSeconds(settings.overloadSeconds() + 150L),
                    settings.logDir().resolve("overload-" + client + ".log"));
            Overload overload = new Overload(client, output.result().orElse(null), output.linesAfter("SAMPLE "),
                    output.result().isPresent() ? "" : output.outcome());
            if (overload.measured()) {
                Console.step(String.format("  produced %,d, dropped (counted) %,d, uncounted %,d, live heap max "
                        + "%.0f MiB, growth after the first quarter %.0f MiB%s", overload.produced(),
                        overload.dropped(), overload.uncounted(), overload.heapMaxMiB(), overload.lateHeapGrowthMiB(),
                        overload.outOfMemory() ? ", OUT OF MEMORY" : ""));
            } else {
                Console.warn(client + " overload: " + overload.note());
            }
            results.add(overload);
        }
        return results;
    }

    /** {@code close()} right after a burst, against the fast sink on {@code sinkPort}. */
    List<Close> close(List<String> clients, int sinkPort) {
        List<Close> results = new ArrayList<>();
        for (String client : clients) {
            Console.step("close after a burst: " + client + ", " + String.format("%,d", settings.closeEvents())
                    + " events");
            ChildOutput output = ChildJvm.run(ChildJvm.command(DeliverySuite.CLIENT_JVM, CloseRun.class,
                    List.of("--client=" + client, "--sink-port=" + sinkPort, "--events=" + settings.closeEvents())),
                    Duration.ofMinutes(5), settings.logDir().resolve("close-" + client + ".log"));
            Close close = new Close(client, output.result().orElse(null),
                    output.result().isPresent() ? "" : output.outcome());
            if (close.measured()) {
                Console.step(String.format("  returned after %,d ms with %.1f%% delivered, %.1f%% accounted for",
                        close.closeMillis(), close.deliveredPercentAtReturn(), close.accountedPercentAtReturn()));
            } else {
                Console.warn(client + " close: " + close.note());
            }
            results.add(close);
        }
        return results;
    }
}
