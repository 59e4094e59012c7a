package dev.tracking.benchmarks.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadConnectionTest {

    private static final byte[] REQUEST = LoadConnection.post("/x", "", "{}");

    /** Answers each request on one connection with the next canned response, then closes. */
    private static ServerSocket serve(List<String> responses) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread serving = new Thread(() -> {
            try (server; Socket socket = server.accept()) {
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream();
                for (String response : responses) {
                    int length = 0;
                    for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                        if (line.startsWith("Content-Length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    in.skip(length);
                    out.write(response.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                return;
            }
        }, "canned-server");
        serving.setDaemon(true);
        serving.start();
        return server;
    }

    @Test
    void readsContentLengthAndChunkedResponsesOnOneConnection() throws IOException {
        ServerSocket server = serve(List.of(
                "HTTP/1.1 200 \r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}",
                "HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\n{\"b\"\r\n3\r\n:2}\r\n0\r\n\r\n",
                "HTTP/1.1 403 \r\nContent-Length: 2\r\n\r\n{}"));

        try (LoadConnection connection = new LoadConnection(server.getLocalPort())) {
            assertThat(connection.exchangeForBody(REQUEST)).isEqualTo("{\"a\":1}");
            assertThat(connection.exchangeForBody(REQUEST)).isEqualTo("{\"b\":2}");
            assertThat(connection.exchange(REQUEST)).isEqualTo(403);
        }
    }

    @Test
    void percentilesComeFromTheSortedLatencies() {
        long[] latencies = {50, 10, 40, 30, 20, 60, 70, 80, 90, 100};

        assertThat(LoadRun.percentile(latencies, 50)).isEqualTo(50);
        assertThat(LoadRun.percentile(latencies, 99)).isEqualTo(100);
        assertThat(LoadRun.percentile(new long[0], 99)).isNaN();
    }
}
