package dev.tracking.benchmarks.runs;

import dev.tracking.benchmarks.clients.BenchClient;
import dev.tracking.benchmarks.clients.BenchClients;
import dev.tracking.benchmarks.clients.ClientShutdown;
import dev.tracking.benchmarks.measure.AllocationMeter;
import dev.tracking.benchmarks.measure.ProcessMetrics;
import dev.tracking.benchmarks.measure.ResultLine;
import dev.tracking.benchmarks.sink.SinkCount;
import dev.tracking.benchmarks.sink.SinkProbe;
import java.time.Duration;
import java.util.Map;

/**
 * One delivery-throughput run in a fresh JVM: sends {@code --events} events as fast as the client takes them, asks
 * it to flush, and reports events per second from the first call to the last event counted at the sink, the
 * process CPU time per million events, and the sink's largest request.
 *
 * <p>Arguments: {@code --client=NAME --sink-port=PORT --events=N}.
 */
public final class DeliveryRun {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(5);

    private DeliveryRun() {
    }

    public static void main(String[] args) {
        RunArgs arguments = new RunArgs(args);
        String clientName = arguments.text("client");
        int events = arguments.integer("events");
        SinkProbe sink = new SinkProbe(arguments.integer("sink-port"));
        sink.reset();
        BenchClient client = BenchClients.create(clientName, sink.baseUrl(), BenchClients.holding(events));
        Map<Long, Long> allocationBefore = AllocationMeter.allThreads();
        long cpuBefore = ProcessMetrics.processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            client.send();
        }
        long enqueued = System.nanoTime();
        client.flush();
        SinkCount count = sink.awaitEvents(() -> events - client.droppedOrFailed(), DELIVERY_TIMEOUT, 2);
        long cpu = ProcessMetrics.processCpuNanos() - cpuBefore;
        long allocated = AllocationMeter.allocatedBetween(allocationBefore, AllocationMeter.allThreads());
        double seconds = (count.lastEventNanos() - start) / 1e9;
        ResultLine result = new ResultLine().put("client", clientName).put("events", events)
                .put("delivered", count.events()).put("complete", count.events() >= events)
                .put("eventsPerSecond", count.events() / seconds)
                .put("enqueueSeconds", (enqueued - start) / 1e9)
                .put("cpuSecondsPerMillion", cpu / 1e9 * 1_000_000 / events)
                .put("wholeJvmBytesPerEvent", (double) allocated / events)
                .put("requests", count.requests()).put("maxEventsPerRequest", count.maxEventsPerRequest());
        RunStats.addTo(result, client);
        result.print();
        ClientShutdown.closeWithin(client, Duration.ofSeconds(10));
        System.exit(0);
    }
}
