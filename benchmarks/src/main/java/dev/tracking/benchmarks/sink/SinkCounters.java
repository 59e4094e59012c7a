package dev.tracking.benchmarks.sink;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What the sink has received since its last reset: events, ingestion requests, bytes and timing. */
final class SinkCounters {

    private final AtomicLong events = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger maxEventsPerRequest = new AtomicInteger();
    private volatile long lastEventNanos;
    private volatile long epoch;

    /** Records one ingestion request that carried {@code eventCount} events in {@code bodyBytes} bytes. */
    void record(long eventCount, long bodyBytes, long startedInEpoch) {
        if (startedInEpoch != epoch) {
            return;
        }
        requests.incrementAndGet();
        bytes.addAndGet(bodyBytes);
        if (eventCount > 0) {
            events.addAndGet(eventCount);
            maxEventsPerRequest.accumulateAndGet((int) Math.min(Integer.MAX_VALUE, eventCount), Math::max);
            lastEventNanos = System.nanoTime();
        }
    }

    /** Changes at every reset, so that work begun before a reset can tell it no longer counts. */
    long epoch() {
        return epoch;
    }

    synchronized void reset() {
        epoch++;
        events.set(0);
        requests.set(0);
        bytes.set(0);
        maxEventsPerRequest.set(0);
        lastEventNanos = 0;
    }

    /** The counters in the line format {@link SinkCount#parse(String)} reads. */
    String snapshot() {
        return new SinkCount(events.get(), requests.get(), bytes.get(), maxEventsPerRequest.get(), lastEventNanos)
                .format();
    }
}
