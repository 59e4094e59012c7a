package dev.tracking.benchmarks.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SinkServerIT {

    private static final String TWO_EVENTS = "{\"events\":[{\"bench_marker\":\"on\"},{\"bench_marker\":\"on\"}]}";

    private SinkServer sink;
    private SinkProbe probe;

    @BeforeEach
    void start() throws IOException {
        sink = SinkServer.bind(BenchMarker.KEY, 0);
        Thread serving = new Thread(sink::serve, "sink-under-test");
        serving.setDaemon(true);
        serving.start();
        probe = new SinkProbe(sink.port());
    }

    @AfterEach
    void stop() throws IOException {
        sink.close();
    }

    @Test
    void answersEachClientOnOneKeptAliveConnection() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sink.port())) {
            String outlit = exchange(socket, "POST /api/i/v1/pk_x/events", fixed(TWO_EVENTS));
            String lotus = exchange(socket, "POST /api/track/", fixed("{\"batch\":[{\"bench_marker\":1}]}"));
            String posthog = exchange(socket, "POST /batch", fixed("{\"batch\":[]}"));

            assertThat(outlit).startsWith("HTTP/1.1 200").endsWith("{\"success\":true,\"processed\":2}");
            assertThat(lotus).startsWith("HTTP/1.1 201").endsWith("{\"success\":\"all\",\"failed_events\":null}");
            assertThat(posthog).startsWith("HTTP/1.1 200");
        }
        SinkCount count = probe.count();
        assertThat(count.events()).isEqualTo(3);
        assertThat(count.requests()).isEqualTo(3);
        assertThat(count.maxEventsPerRequest()).isEqualTo(2);
        assertThat(count.lastEventNanos()).isPositive();
    }

    @Test
    void readsChunkedAndGzippedBodies() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sink.port())) {
            byte[] half = TWO_EVENTS.substring(0, 20).getBytes(StandardCharsets.US_ASCII);
            byte[] rest = TWO_EVENTS.substring(20).getBytes(StandardCharsets.US_ASCII);
            String chunked = "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(half.length) + "\r\n"
                    + new String(half, StandardCharsets.US_ASCII) + "\r\n" + Integer.toHexString(rest.length) + "\r\n"
                    + new String(rest, StandardCharsets.US_ASCII) + "\r\n0\r\n\r\n";
            exchange(socket, "POST /v1/import/", chunked.getBytes(StandardCharsets.US_ASCII));
            byte[] gzipped = gzip(TWO_EVENTS);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(("Content-Encoding: gzip\r\nContent-Length: " + gzipped.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.write(gzipped);
            String reply = exchange(socket, "POST /batch", request.toByteArray());

            assertThat(reply).startsWith("HTTP/1.1 200");
        }
        assertThat(probe.count().events()).isEqualTo(4);
    }

    @Test
    void resetZeroesTheCounters() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sink.port())) {
            exchange(socket, "POST /api/track/", fixed(TWO_EVENTS));
        }
        probe.reset();

        assertThat(probe.count()).isEqualTo(new SinkCount(0, 0, 0, 0, 0));
    }

    private static byte[] fixed(String body) {
        return ("Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    private static String exchange(Socket socket, String requestLine, byte[] headersAndBody) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(headersAndBody);
        out.flush();
        return readResponse(socket.getInputStream());
    }

    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
        }
        int length = Integer.parseInt(head.toString().replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return bytes.toByteArray();
    }
}
