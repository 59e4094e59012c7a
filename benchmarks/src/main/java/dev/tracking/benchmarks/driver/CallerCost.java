package dev.tracking.benchmarks.driver;

/**
 * The caller's cost of recording one event with one client.
 *
 * @param client the client
 * @param threads calling threads
 * @param drained whether the backlog was drained between iterations
 * @param nanosPerCall average time per call on a calling thread
 * @param callerBytesPerCall bytes allocated on the calling thread per call
 * @param wholeJvmBytesPerCall bytes allocated by every thread of the JVM per call, delivery included (drained only)
 * @param note anything that makes the numbers doubtful, or {@code ""}
 */
record CallerCost(String client, int threads, boolean drained, double nanosPerCall, double callerBytesPerCall,
        double wholeJvmBytesPerCall, String note) {
}
