package dev.tracking.benchmarks.runs;

import dev.tracking.benchmarks.clients.BenchClient;
import dev.tracking.benchmarks.clients.BenchClients;
import dev.tracking.benchmarks.clients.ClientShutdown;
import dev.tracking.benchmarks.measure.ResultLine;
import dev.tracking.benchmarks.sink.SinkProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Shutdown after a burst, in a fresh JVM: sends {@code --events} events as fast as the client takes them, then
 * closes it at once and reports how long closing took, how many events the sink had counted when it returned,
 * what the client itself accounted for, and whether more arrived at the sink afterwards.
 *
 * <p>Arguments: {@code --client=NAME --sink-port=PORT --events=N}.
 */
public final class CloseRun {

    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(90);
    private static final Duration AFTERWARDS = Duration.ofSeconds(3);

    private CloseRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunArgs arguments = new RunArgs(args);
        String clientName = arguments.text("client");
        int events = arguments.integer("events");
        SinkProbe sink = new SinkProbe(arguments.integer("sink-port"));
        sink.reset();
        BenchClient client = BenchClients.create(clientName, sink.baseUrl(), BenchClients.holding(events));
        for (int i = 0; i < events; i++) {
            client.send();
        }
        long closeNanos = ClientShutdown.closeWithin(client, CLOSE_LIMIT);
        long atReturn = sink.count().events();
        ResultLine result = new ResultLine().put("client", clientName).put("events", events)
                .put("returned", closeNanos >= 0)
                .put("closeMillis", closeNanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(closeNanos))
                .put("sinkAtReturn", atReturn);
        RunStats.addTo(result, client);
        Thread.sleep(AFTERWARDS.toMillis());
        result.put("sinkAfterwards", sink.count().events()).print();
        System.exit(0);
    }
}
