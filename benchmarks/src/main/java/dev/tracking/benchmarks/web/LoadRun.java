package dev.tracking.benchmarks.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * One closed-loop run: {@code connections} threads, each on its own keep-alive connection, sending the export
 * request (customers in rotation) back to back for a fixed time (at least one each) and recording each response
 * time.
 */
final class LoadRun {

    private static final String BODY = "{\"format\":\"csv\"}";

    private final int port;
    private final int connections;
    private final byte[][] requests = new byte[WebStore.CUSTOMERS][];

    LoadRun(int port, int connections) {
        this.port = port;
        this.connections = connections;
        for (int i = 0; i < requests.length; i++) {
            requests[i] = LoadConnection.post("/api/reports/export",
                    ExportController.CUSTOMER_HEADER + ": " + WebStore.customerId(i) + "\r\n", BODY);
        }
    }

    /** Runs for {@code seconds} and returns what happened. */
    Outcome run(double seconds) throws InterruptedException {
        List<Caller> callers = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < connections; i++) {
            callers.add(new Caller(i, ready, go));
        }
        List<Thread> threads = callers.stream().map(c -> new Thread(c, "load-" + c.index)).toList();
        threads.forEach(Thread::start);
        ready.await();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        callers.forEach(c -> c.deadline = deadline);
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long end = Math.max(deadline, callers.stream().mapToLong(c -> c.finishedAt).max().orElse(deadline));
        long requests = 0;
        long errors = 0;
        int latencyCount = 0;
        for (Caller caller : callers) {
            requests += caller.ok;
            errors += caller.errors;
            latencyCount += caller.count;
        }
        long[] latencies = new long[latencyCount];
        int at = 0;
        for (Caller caller : callers) {
            System.arraycopy(caller.latencies, 0, latencies, at, caller.count);
            at += caller.count;
        }
        String failure = callers.stream().map(c -> c.failure).filter(f -> f != null).findFirst().orElse("");
        return new Outcome(requests, errors, (end - start) / 1e9, latencies, failure);
    }

    /**
     * What a run did.
     *
     * @param requests responses with status 200
     * @param errors other responses and failed exchanges
     * @param seconds how long it ran
     * @param latencies every successful exchange's time in nanoseconds
     * @param failure the first exchange failure, or {@code ""}
     */
    record Outcome(long requests, long errors, double seconds, long[] latencies, String failure) {
    }

    /** The percentile {@code p} (0–100) of {@code latencies}, which it sorts; NaN when empty. */
    static double percentile(long[] latencies, double p) {
        if (latencies.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(latencies);
        int index = (int) Math.ceil(p / 100 * latencies.length) - 1;
        return latencies[Math.max(0, Math.min(latencies.length - 1, index))];
    }

    private final class Caller implements Runnable {
        final int index;
        final CountDownLatch ready;
        final CountDownLatch go;
        volatile long deadline;
        long finishedAt;
        long ok;
        long errors;
        long[] latencies = new long[1 << 14];
        int count;
        String failure;

        Caller(int index, CountDownLatch ready, CountDownLatch go) {
            this.index = index;
            this.ready = ready;
            this.go = go;
        }

        @Override
        public void run() {
            LoadConnection connection;
            try {
                connection = new LoadConnection(port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                ready.countDown();
            }
            try (connection) {
                go.await();
                int customer = index;
                long now = System.nanoTime();
                do {
                    byte[] request = requests[customer++ % requests.length];
                    long sent = now;
                    boolean success;
                    try {
                        success = connection.exchange(request) == 200;
                    } catch (IOException e) {
                        success = false;
                        failure = failure == null ? e.toString() : failure;
                        connection.close();
                    }
                    now = System.nanoTime();
                    if (success) {
                        ok++;
                        record(now - sent);
                    } else {
                        errors++;
                    }
                } while (now < deadline);
                finishedAt = now;
            } catch (IOException e) {
                failure = failure == null ? e.toString() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }
}
