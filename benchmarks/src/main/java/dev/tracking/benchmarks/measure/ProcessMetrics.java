package dev.tracking.benchmarks.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** CPU time and heap of this JVM. */
public final class ProcessMetrics {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private ProcessMetrics() {
    }

    /** CPU time used by the whole process (all threads, JIT and GC included), in nanoseconds. */
    public static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** Heap in use right after a full collection, in bytes: what is really live. */
    public static long liveHeapBytes() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Heap in use now, garbage included, in bytes. */
    public static long usedHeapBytes() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
