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
public final class SinkServer implements AutoCloseable {

    /** The line prefix announcing the port. */
    public static final String PORT_ANNOUNCEMENT = "SINK_PORT ";

    private final ServerSocket server;
    private final String marker;
    private final SinkCounters counters = new SinkCounters();
    private final EventCostThrottle throttle;

    private SinkServer(ServerSocket server, String marker, long eventCostMicros) {
        this.server = server;
        this.marker = marker;
        this.throttle = new EventCostThrottle(eventCostMicros);
    }

    /** Binds an ephemeral loopback port; each event costs {@code eventCostMicros} (0: no cost). */
    public static SinkServer bind(String marker, long eventCostMicros) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        return new SinkServer(server, marker, eventCostMicros);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Accepts connections until closed, each served on its own daemon thread. */
    public void serve() {
        int connections = 0;
        try {
            while (true) {
                Socket socket = server.accept();
                Thread worker = new Thread(new SinkConnection(socket, marker, counters, throttle),
                        "sink-connection-" + ++connections);
                worker.setDaemon(true);
                worker.start();
            }
        } catch (IOException e) {
            if (!server.isClosed()) {
                System.err.println("sink: stopped accepting: " + e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
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
        try (SinkServer sink = bind(marker, eventCostMicros)) {
            System.out.println(PORT_ANNOUNCEMENT + sink.port());
            System.out.flush();
            sink.serve();
        }
    }

    private static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    continue;
                }
            } catch (IOException e) {
                System.err.println("sink: standard input failed: " + e);
            }
            System.exit(0);
        }, "sink-stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
