package dev.tracking.benchmarks.clients;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MpscArrayQueue;

/**
 * The physical floor of recording an event: exactly the steps no tracker can skip on the calling thread — one
 * clock read (the timestamp, which also feeds the id), a UUIDv7, a copy of the properties (the caller may change
 * its map afterwards), and an offer to a bounded lock-free multi-producer single-consumer queue — with nothing
 * else: no validation, no size accounting, no counters, no listeners, no wake-up signal. The properties are a map
 * the application already holds (built once): building it is the application's work, copying it is the floor's.
 *
 * <p>A consumer thread takes the events off the queue the way a sender would, parking for
 * {@value #IDLE_PARK_MICROS} µs whenever it finds the queue empty (so callers never pay for waking it). A full queue
 * drops the event and counts it.
 */
public final class FloorClient implements BenchClient {

    /** The name of this client in the results. */
    public static final String NAME = "floor";

    private static final long IDLE_PARK_MICROS = 100;

    private final Map<String, Object> properties = BenchEvent.properties();
    private final MpscArrayQueue<FloorEvent> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong consumed = new AtomicLong();
    private final Thread consumer;
    private volatile boolean running = true;

    /** A floor whose queue holds {@code capacity} events. */
    public FloorClient(int capacity) {
        queue = new MpscArrayQueue<>(capacity);
        consumer = new Thread(this::consume, "floor-consumer");
        consumer.setDaemon(true);
        consumer.start();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void send() {
        record(BenchEvent.NAME, BenchEvent.CUSTOMER_ID, properties);
    }

    private void record(String name, String customerId, Map<String, Object> properties) {
        long now = System.currentTimeMillis();
        FloorEvent event = new FloorEvent(uuidV7(now), now, name, customerId, copy(properties));
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    /** RFC 9562 version 7: 48 bits of Unix milliseconds, version and variant bits, the rest random. */
    static UUID uuidV7(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** The properties as alternating keys and values in a new array: the cheapest copy the caller cannot change. */
    static Object[] copy(Map<String, Object> properties) {
        Object[] entries = new Object[2 * properties.size()];
        int i = 0;
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            entries[i++] = entry.getKey();
            entries[i++] = entry.getValue();
        }
        return entries;
    }

    private void consume() {
        while (running) {
            int taken = queue.drain(event -> {
            });
            if (taken > 0) {
                consumed.addAndGet(taken);
            } else {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(IDLE_PARK_MICROS));
            }
        }
    }

    /** Events the consumer has taken off the queue so far. */
    public long consumed() {
        return consumed.get();
    }

    /**
     * Waits until the consumer has taken {@code events} events (less those dropped) or {@code timeout} passes;
     * returns whether it got there.
     */
    public boolean awaitConsumed(long events, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumed.get() < events - dropped.get()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(IDLE_PARK_MICROS));
        }
        return true;
    }

    @Override
    public void flush() {
    }

    @Override
    public long droppedOrFailed() {
        return dropped.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.interrupt();
    }

    /** What the floor keeps of an event: no more than any tracker must. */
    record FloorEvent(UUID id, long timestamp, String name, String customerId, Object[] properties) {
    }
}
