package dev.tracking.benchmarks.sink;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A raw-socket HTTP/1.1 server on loopback that answers every request at once and counts benchmark events
 * by scanning request bodies for a marker that each event carries exactly once.
 *
 * <p>Run in its own JVM: {@code SinkServer [--event-cost-us=N] [--marker=M]}. It prints {@code SINK_PORT <port>}
 * on standard output when ready, serves {@code GET /count} and {@code POST /reset}, and exits when its standard
 * input closes (so it never outlives the process that started it).
 */
public final class SinkServer {

    /** The line prefix announcing the port. */
    public static final String PORT_ANNOUNCEMENT = "SINK_PORT ";

    private SinkServer() {
    }

    public static void main(String[] args) throws IOException {
        long eventCostMicros = 0;
        String marker = BenchMarker.KEY;
        for (String arg : args) {
            if (arg.startsWith("--event-cost-us=")) {
                eventCostMicros = Long.parseLong(arg.substring("--event-cost-us=".length()));
            } else if (arg.startsWith("--marker=")) {
                marker = arg.substring("--marker=".length());
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        exitWhenStdinCloses();
        SinkCounters counters = new SinkCounters();
        EventCostThrottle throttle = new EventCostThrottle(eventCostMicros);
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
            System.out.println(PORT_ANNOUNCEMENT + server.getLocalPort());
            System.out.flush();
            int connections = 0;
            while (true) {
                Socket socket = server.accept();
                Thread worker = new Thread(new SinkConnection(socket, marker, counters, throttle),
                        "sink-connection-" + ++connections);
                worker.setDaemon(true);
                worker.start();
            }
        }
    }

    private static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    continue;
                }
            } catch (IOException ignored) {
                // treated like end of input
            }
            System.exit(0);
        }, "sink-stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
