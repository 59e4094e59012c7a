package dev.tracking.benchmarks.sink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Asks a running sink for its counters over a plain socket (no HTTP client library, so that probing adds almost
 * nothing to the measured process).
 */
public final class SinkProbe {

    private final int port;

    /** A probe for the sink on loopback {@code port}. */
    public SinkProbe(int port) {
        this.port = port;
    }

    /** The sink's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The current counters. */
    public SinkCount count() {
        return SinkCount.parse(call("GET", "/count"));
    }

    /** Zeroes the counters. */
    public void reset() {
        call("POST", "/reset");
    }

    /**
     * Waits until the sink has counted at least {@code events} events or {@code timeout} passes, polling every
     * {@code pollMillis}; returns the last counters seen.
     */
    public SinkCount awaitEvents(long events, Duration timeout, long pollMillis) {
        return awaitEvents(() -> events, timeout, pollMillis);
    }

    /** Like {@link #awaitEvents(long, Duration, long)}, the expected count asked again at each poll. */
    public SinkCount awaitEvents(LongSupplier events, Duration timeout, long pollMillis) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SinkCount count = count();
        while (count.events() < events.getAsLong() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pollMillis));
            count = count();
        }
        return count;
    }

    private String call(String method, String path) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readAll(socket.getInputStream());
            int bodyStart = response.indexOf("\r\n\r\n");
            if (!response.startsWith("HTTP/1.1 200") || bodyStart < 0) {
                throw new IllegalStateException("sink answered " + response);
            }
            return response.substring(bodyStart + 4);
        } catch (IOException e) {
            throw new UncheckedIOException("sink on port " + port + " unreachable", e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
