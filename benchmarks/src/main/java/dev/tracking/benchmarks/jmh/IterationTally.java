package dev.tracking.benchmarks.jmh;

import dev.tracking.benchmarks.measure.AllocationMeter;
import java.util.Map;

/**
 * Adds up what the benchmark threads did in each iteration (calls, bytes they allocated) and tells the last
 * thread to finish an iteration that it is the one to drain the backlog and read the whole JVM's allocation.
 */
final class IterationTally {

    private int started;
    private int ended;
    private Map<Long, Long> wholeJvmBefore;
    private long published;
    private long measuredCalls;
    private long measuredCallerBytes;
    private long measuredWholeJvmBytes;

    /** Called by each thread as an iteration begins; the first one snapshots the JVM's allocation. */
    synchronized void threadStarting() {
        if (started++ == 0) {
            wholeJvmBefore = AllocationMeter.allThreads();
        }
    }

    /**
     * Called by each thread as an iteration ends; returns whether this thread was the last of {@code threads}.
     */
    synchronized boolean threadEnded(long calls, long callerBytes, boolean measured, int threads) {
        published += calls;
        if (measured) {
            measuredCalls += calls;
            measuredCallerBytes += callerBytes;
        }
        if (++ended < threads) {
            return false;
        }
        started = 0;
        ended = 0;
        return true;
    }

    /** Called by the last thread once the iteration's events are delivered: the JVM's allocation since it began. */
    synchronized void iterationDelivered(boolean measured) {
        if (measured) {
            measuredWholeJvmBytes += AllocationMeter.allocatedBetween(wholeJvmBefore, AllocationMeter.allThreads());
        }
    }

    /** Events sent since the trial began, warm-up included. */
    synchronized long published() {
        return published;
    }

    synchronized long measuredCalls() {
        return measuredCalls;
    }

    /** Bytes allocated on the calling threads per measured call. */
    synchronized double callerBytesPerCall() {
        return measuredCalls == 0 ? Double.NaN : (double) measuredCallerBytes / measuredCalls;
    }

    /** Bytes allocated by the whole JVM, delivery included, per measured call. */
    synchronized double wholeJvmBytesPerCall() {
        return measuredCalls == 0 ? Double.NaN : (double) measuredWholeJvmBytes / measuredCalls;
    }
}
