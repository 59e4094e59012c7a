package dev.tracking.benchmarks.jmh;

import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.lotus.LotusEncoder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The property model's two costs, through public API only: taking the snapshot of a message with properties of
 * mixed kinds at the call (checks, copies, size), and writing a batch of such messages as a Lotus request body
 * (one case per value kind).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PropertyModelBenchmark {

    private static final Instant AT = Instant.parse("2026-12-03T10:15:30.123Z");
    private static final UUID REPORT = UUID.fromString("01a23ccd-d184-7f60-a742-ffdc52bb9e5b");

    private final LotusEncoder lotus = new LotusEncoder();
    private List<Message> batch;

    @Setup
    public void prepare() {
        batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(message(i));
        }
    }

    /** One message with nine properties: text, whole and decimal numbers, a flag, a time, a UUID, a map, a list. */
    @Benchmark
    public Message snapshotAtTheCall() {
        return message(7);
    }

    /** Writes a batch of 100 such messages as Lotus's ingest body. */
    @Benchmark
    public int encodeBatchOf100() {
        return lotus.encodeEvents(batch);
    }

    private static Message message(int i) {
        return TrackMessage.builder("report_exported").customerId("acme-" + (i & 7))
                .property("format", "pdf").property("pages", 12 + i).property("bytes", 48_213L)
                .property("price", new BigDecimal("12.50")).property("cached", true).property("at", AT)
                .property("report", REPORT).property("filters", Map.of("region", "eu"))
                .property("tags", List.of("monthly", "finance")).build();
    }
}
