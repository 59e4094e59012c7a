package dev.tracking.benchmarks.sink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import jdk.net.ExtendedSocketOptions;

/** Serves one keep-alive connection: reads each request, counts its events, answers at once. */
final class SinkConnection implements Runnable {

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final boolean QUICK_ACK =
            ExtendedSocketOptions.TCP_QUICKACK != null && !Boolean.getBoolean("sink.noQuickAck");

    private final Socket socket;
    private final String marker;
    private final SinkCounters counters;
    private final SinkRoutes routes;
    private final EventCostThrottle throttle;
    private final byte[] scratch = new byte[64 * 1024];

    SinkConnection(Socket socket, String marker, SinkCounters counters, EventCostThrottle throttle) {
        this.socket = socket;
        this.marker = marker;
        this.counters = counters;
        this.routes = new SinkRoutes(counters);
        this.throttle = throttle;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            RequestReader reader = new RequestReader(socket.getInputStream(), this::acknowledgeAtOnce);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            for (RequestHead head = RequestHead.read(reader); head != null; head = RequestHead.read(reader)) {
                if (head.expectContinue()) {
                    out.write(CONTINUE);
                    out.flush();
                }
                BodyInputStream body = head.chunked() ? BodyInputStream.chunked(reader)
                        : BodyInputStream.fixed(reader, head.contentLength());
                respond(head, body).writeTo(out, head.close());
                if (head.close()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!socket.isClosed()) {
                System.err.println("sink: connection ended: " + e);
            }
        }
    }

    /**
     * Re-arms Linux's quick-ACK mode, which the kernel leaves on its own: a client whose socket has Nagle's
     * algorithm on (OkHttp's does) holds the last piece of a body until its earlier pieces are acknowledged, and a
     * delayed acknowledgement would add about 40 ms to every request.
     */
    private void acknowledgeAtOnce() {
        if (QUICK_ACK) {
            try {
                socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            } catch (IOException | UnsupportedOperationException e) {
                return;
            }
        }
    }

    private SinkResponse respond(RequestHead head, BodyInputStream body) throws IOException {
        String path = head.path();
        if (!SinkRoutes.isIngestion(path)) {
            body.discardRest();
            return routes.other(head);
        }
        long epoch = counters.epoch();
        MarkerCounter counter = new MarkerCounter(marker);
        long bytes = scan(head.gzip() ? new GZIPInputStream(body, 8192) : body, counter);
        body.discardRest();
        throttle.process(counter.count(), () -> counters.epoch() != epoch);
        counters.record(counter.count(), bytes, epoch);
        return routes.ingestion(path, counter.count());
    }

    private long scan(InputStream in, MarkerCounter counter) throws IOException {
        long total = 0;
        for (int n = in.read(scratch, 0, scratch.length); n >= 0; n = in.read(scratch, 0, scratch.length)) {
            counter.feed(scratch, 0, n);
            total += n;
        }
        return total;
    }
}
