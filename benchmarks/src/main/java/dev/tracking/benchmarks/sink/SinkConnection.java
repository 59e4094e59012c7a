package dev.tracking.benchmarks.sink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** Serves one keep-alive connection: reads each request, counts its events, answers at once. */
final class SinkConnection implements Runnable {

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

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
            RequestReader reader = new RequestReader(socket.getInputStream());
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

    private SinkResponse respond(RequestHead head, BodyInputStream body) throws IOException {
        String path = head.path();
        if (!SinkRoutes.isIngestion(path)) {
            body.discardRest();
            return routes.other(head);
        }
        MarkerCounter counter = new MarkerCounter(marker);
        long bytes = scan(head.gzip() ? new GZIPInputStream(body, 8192) : body, counter);
        body.discardRest();
        throttle.process(counter.count());
        counters.record(counter.count(), bytes);
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
