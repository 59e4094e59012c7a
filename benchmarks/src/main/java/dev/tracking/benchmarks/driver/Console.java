package dev.tracking.benchmarks.driver;

import java.time.Duration;

/** Progress lines on standard output, each with the time since the driver started. */
final class Console {

    private static final long START = System.nanoTime();

    private Console() {
    }

    static void step(String text) {
        System.out.println("[" + elapsed() + "] " + text);
        System.out.flush();
    }

    static void warn(String text) {
        System.out.println("[" + elapsed() + "] WARNING: " + text);
        System.out.flush();
    }

    private static String elapsed() {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - START);
        return String.format("%02d:%02d", elapsed.toMinutes(), elapsed.toSecondsPart());
    }
}
