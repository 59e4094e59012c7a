package dev.tracking.benchmarks.runs;

import dev.tracking.benchmarks.clients.BenchClient;
import dev.tracking.benchmarks.clients.BenchClients;
import dev.tracking.benchmarks.clients.ClientShutdown;
import dev.tracking.benchmarks.measure.ProcessMetrics;
import dev.tracking.benchmarks.measure.ResultLine;
import dev.tracking.benchmarks.sink.SinkCount;
import dev.tracking.benchmarks.sink.SinkProbe;
import java.time.Duration;

/**
 * Client CPU in steady state, as in a server that has been running for a while: a burst of
 * {@code --warmup-events} delivered first (so that the JIT has compiled the whole path), then a producer thread
 * sending at a constant {@code --rate} events per second; after {@code --settle-seconds}, each of
 * {@code --windows} windows of {@code --window-seconds} measures the process CPU time (all threads, JIT and GC
 * included) and the events the sink counted. Prints each window as a {@code SAMPLE} line, and as the result the
 * CPU time of all windows per million events counted in them (whole windows smooth out clients that send in
 * bursts).
 *
 * <p>Arguments: {@code --client=NAME --sink-port=PORT --warmup-events=N --rate=R --settle-seconds=S
 * --window-seconds=W --windows=K}.
 */
public final class SteadyStateRun {

    private static final Duration WARMUP_TIMEOUT = Duration.ofMinutes(3);

    private SteadyStateRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunArgs arguments = new RunArgs(args);
        String clientName = arguments.text("client");
        int warmupEvents = arguments.integer("warmup-events");
        int rate = arguments.integer("rate");
        int windows = arguments.integer("windows");
        long windowMillis = arguments.integer("window-seconds") * 1000L;
        SinkProbe sink = new SinkProbe(arguments.integer("sink-port"));
        sink.reset();
        BenchClient client = BenchClients.create(clientName, sink.baseUrl(), BenchClients.holding(warmupEvents));
        for (int i = 0; i < warmupEvents; i++) {
            client.send();
        }
        client.flush();
        SinkCount warmedUp = sink.awaitEvents(() -> warmupEvents - client.droppedOrFailed(), WARMUP_TIMEOUT, 20);
        PacedProducer producer = new PacedProducer(client, rate);
        Thread producing = new Thread(producer, "bench-producer");
        producing.start();
        Thread.sleep(arguments.integer("settle-seconds") * 1000L);
        long cpuTotal = 0;
        long delivered = 0;
        long produced = 0;
        long nanos = 0;
        for (int w = 0; w < windows && producer.failure() == null; w++) {
            long sinkBefore = sink.count().events();
            long producedBefore = producer.produced();
            long cpuBefore = ProcessMetrics.processCpuNanos();
            long start = System.nanoTime();
            Thread.sleep(windowMillis);
            long cpu = ProcessMetrics.processCpuNanos() - cpuBefore;
            long took = System.nanoTime() - start;
            long windowDelivered = sink.count().events() - sinkBefore;
            long windowProduced = producer.produced() - producedBefore;
            cpuTotal += cpu;
            delivered += windowDelivered;
            produced += windowProduced;
            nanos += took;
            new ResultLine().put("window", w + 1).put("delivered", windowDelivered).put("produced", windowProduced)
                    .put("cpuSecondsPerMillion", perMillion(cpu, windowDelivered)).printAs("SAMPLE ");
        }
        producer.stop();
        producing.join();
        double seconds = nanos / 1e9;
        ResultLine result = new ResultLine().put("client", clientName).put("rate", rate)
                .put("warmupEvents", warmupEvents).put("warmupDelivered", warmedUp.events())
                .put("windows", windows).put("cpuSecondsPerMillion", perMillion(cpuTotal, delivered))
                .put("deliveredPerSecond", delivered / seconds).put("producedPerSecond", produced / seconds)
                .put("producerFailure", producer.failure() == null ? "" : producer.failure().toString());
        RunStats.addTo(result, client);
        result.print();
        ClientShutdown.closeWithin(client, Duration.ofSeconds(10));
        System.exit(0);
    }

    private static double perMillion(long cpuNanos, long events) {
        return events == 0 ? Double.NaN : cpuNanos / 1e9 * 1_000_000 / events;
    }
}
