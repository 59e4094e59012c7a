package dev.tracking.benchmarks.measure;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated in this JVM, from HotSpot's per-thread allocation counters ({@code com.sun.management.ThreadMXBean}).
 * A thread that ends between two snapshots takes its last bytes with it, so whole-JVM figures are a slight
 * lower bound (JDK 17 has no JVM-wide counter; the thread pools measured here keep their threads).
 */
public final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    /** Bytes the calling thread has allocated so far. */
    public static long currentThread() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Every live thread's allocated bytes by thread id. */
    public static Map<Long, Long> allThreads() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> snapshot = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                snapshot.put(ids[i], bytes[i]);
            }
        }
        return snapshot;
    }

    /** Bytes allocated between two {@link #allThreads()} snapshots, threads born in between counted in full. */
    public static long allocatedBetween(Map<Long, Long> before, Map<Long, Long> after) {
        long total = 0;
        for (Map.Entry<Long, Long> thread : after.entrySet()) {
            total += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return total;
    }
}
