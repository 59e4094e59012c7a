package dev.tracking.benchmarks.driver;

/** Placeholder. */
public final class BenchmarkDriver {
    public static void main(String[] args) {
    }
}
