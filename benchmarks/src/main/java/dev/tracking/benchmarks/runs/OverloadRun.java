package dev.tracking.benchmarks.runs;

import dev.tracking.DeliveryOptions;
import dev.tracking.benchmarks.clients.BenchClient;
import dev.tracking.benchmarks.clients.BenchClients;
import dev.tracking.benchmarks.clients.ClientShutdown;
import dev.tracking.benchmarks.measure.ProcessMetrics;
import dev.tracking.benchmarks.measure.ResultLine;
import dev.tracking.benchmarks.sink.SinkCount;
import dev.tracking.benchmarks.sink.SinkProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sustained overload in a fresh JVM: a producer sends at {@code --rate} events per second to a sink slower than
 * that for {@code --seconds}; the live heap (after a full collection) is sampled every two seconds and printed as
 * {@code SAMPLE} lines; then the client is closed and every produced event is accounted for: counted at the sink,
 * or counted by the client as failed, dropped or pending. Our tracker runs with its default delivery options.
 *
 * <p>Arguments: {@code --client=NAME --sink-port=PORT --seconds=S --rate=R}.
 */
public final class OverloadRun {

    private static final long MIB = 1024 * 1024;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(2);

    private OverloadRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunArgs arguments = new RunArgs(args);
        String clientName = arguments.text("client");
        int seconds = arguments.integer("seconds");
        SinkProbe sink = new SinkProbe(arguments.integer("sink-port"));
        sink.reset();
        BenchClient client = BenchClients.create(clientName, sink.baseUrl(), DeliveryOptions.defaults());
        long heapBaseline = ProcessMetrics.liveHeapBytes();
        PacedProducer producer = new PacedProducer(client, arguments.integer("rate"));
        Thread producing = new Thread(producer, "bench-producer");
        producing.start();
        HeapSamples heap = sampleWhileRunning(producer, sink, seconds);
        producer.stop();
        producing.join();
        long heapEnd = ProcessMetrics.liveHeapBytes();
        boolean outOfMemory = producer.failure() instanceof OutOfMemoryError;
        ResultLine result = new ResultLine().put("client", clientName).put("seconds", seconds)
                .put("produced", producer.produced())
                .put("producerFailure", producer.failure() == null ? "" : producer.failure().toString())
                .put("outOfMemory", outOfMemory).put("failedAtSeconds", producer.failedAtSeconds())
                .put("heapBaselineMiB", (double) heapBaseline / MIB).put("heapMaxMiB", (double) heap.max() / MIB)
                .put("heapLateStartMiB", (double) heap.lateStart() / MIB).put("heapEndMiB", (double) heapEnd / MIB);
        if (outOfMemory) {
            result.put("sinkEvents", sink.count().events()).print();
            Runtime.getRuntime().halt(0);
        }
        long closeNanos = ClientShutdown.closeWithin(client, Duration.ofSeconds(60));
        SinkCount delivered = sink.awaitEvents(() -> producer.produced() - client.droppedOrFailed(),
                Duration.ofSeconds(5), 50);
        RunStats.addTo(result, client);
        long pending = client.stats().stream().mapToLong(s -> s.pending()).sum();
        result.put("closeMillis", closeNanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(closeNanos))
                .put("sinkEvents", delivered.events())
                .put("uncounted", producer.produced() - delivered.events() - client.droppedOrFailed() - pending)
                .print();
        System.exit(0);
    }

    private static HeapSamples sampleWhileRunning(PacedProducer producer, SinkProbe sink, int seconds)
            throws InterruptedException {
        HeapSamples samples = new HeapSamples(seconds / 4.0);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end && producer.failure() == null) {
            Thread.sleep(Math.min(SAMPLE_EVERY.toMillis(), Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
            double at = (System.nanoTime() - start) / 1e9;
            long live = ProcessMetrics.liveHeapBytes();
            samples.add(at, live);
            new ResultLine().put("atSeconds", at).put("liveHeapMiB", (double) live / MIB)
                    .put("produced", producer.produced()).put("sinkEvents", sink.count().events())
                    .printAs("SAMPLE ");
        }
        return samples;
    }
}
