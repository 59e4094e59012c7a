package dev.tracking.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpTransportConnectionsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    private final HttpTransport transport = HttpTransport.create("test", Duration.ofSeconds(2));

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    @Test
    void twoRequestsShareOneKeptAliveConnection() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(OK)) {
            HttpReply first = transport.get(server.uri("/a"), TIMEOUT);
            HttpReply second = transport.postJson(server.uri("/b"), json("{}"), 2, TIMEOUT);

            assertThat(first.bodyText()).isEqualTo("ok");
            assertThat(second.status()).isEqualTo(200);
            assertThat(server.accepted()).isEqualTo(1);
            assertThat(server.requests()).extracting(RawHttpServer.Request::connection).containsExactly(0, 0);
            assertThat(transport.pool().idleCount()).isEqualTo(1);
        }
    }

    @Test
    void connectionCloseInTheResponseEndsTheConnection() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, out) -> {
            RawHttpServer.send(out, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
            return false;
        })) {
            transport.get(server.uri("/"), TIMEOUT);
            assertThat(transport.pool().openCount()).isZero();
            HttpReply second = transport.get(server.uri("/"), TIMEOUT);

            assertThat(second.bodyText()).isEqualTo("ok");
            assertThat(server.accepted()).isEqualTo(2);
        }
    }

    @Test
    void anHttp10ResponseWithoutKeepAliveEndsTheConnection() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok")) {
            HttpReply reply = transport.get(server.uri("/"), TIMEOUT);

            assertThat(reply.bodyText()).isEqualTo("ok");
            assertThat(transport.pool().openCount()).isZero();
        }
    }

    @Test
    void aBodyReadToTheEndOfTheStreamIsKeptAndTheConnectionIsNotReused() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, out) -> {
            RawHttpServer.send(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it");
            return false;
        })) {
            HttpReply first = transport.get(server.uri("/"), TIMEOUT);
            HttpReply second = transport.get(server.uri("/"), TIMEOUT);

            assertThat(first.bodyText()).isEqualTo("all of it");
            assertThat(second.bodyText()).isEqualTo("all of it");
            assertThat(server.accepted()).isEqualTo(2);
        }
    }

    @Test
    void aNoContentResponseHasNoBodyAndLeavesTheConnectionReusable() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering("HTTP/1.1 204 No Content\r\nContent-Length: 7\r\n\r\n")) {
            HttpReply first = transport.get(server.uri("/"), TIMEOUT);
            HttpReply second = transport.get(server.uri("/"), TIMEOUT);

            assertThat(first.status()).isEqualTo(204);
            assertThat(first.body()).isEmpty();
            assertThat(second.status()).isEqualTo(204);
            assertThat(server.accepted()).isEqualTo(1);
        }
    }

    @Test
    void aRequestThatMustNotBeSentTwiceNeverTakesAKeptAliveConnection() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(OK)) {
            transport.get(server.uri("/"), TIMEOUT);
            HttpReply created = transport.postJsonOnce(server.uri("/customers/"), json("{}"), 2, TIMEOUT);

            assertThat(created.bodyText()).isEqualTo("ok");
            assertThat(server.requests()).extracting(RawHttpServer.Request::connection).containsExactly(0, 1);
            assertThat(transport.pool().idleCount()).isEqualTo(2);
        }
    }

    @Test
    void aKeptAliveConnectionClosedByTheServerIsReplacedOnce() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, out) -> {
            RawHttpServer.send(out, OK);
            return false;
        })) {
            transport.postJson(server.uri("/"), json("{\"n\":1}"), 7, TIMEOUT);
            HttpReply second = transport.postJson(server.uri("/"), json("{\"n\":2}"), 7, TIMEOUT);

            assertThat(second.bodyText()).isEqualTo("ok");
            assertThat(server.accepted()).isEqualTo(2);
            assertThat(server.requests()).extracting(RawHttpServer.Request::connection).containsExactly(0, 1);
            assertThat(server.requests()).extracting(RawHttpServer.Request::bodyText)
                    .containsExactly("{\"n\":1}", "{\"n\":2}");
        }
    }

    @Test
    void concurrentCallsFromSeveralThreadsAllSucceed() throws Exception {
        int threads = 4;
        int callsPerThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (RawHttpServer server = RawHttpServer.answering(OK)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int ok = 0;
                    for (int i = 0; i < callsPerThread; i++) {
                        ok += transport.postJson(server.uri("/"), json("{}"), 2, TIMEOUT).status() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Integer> result : results) {
                succeeded += result.get(30, TimeUnit.SECONDS);
            }

            assertThat(succeeded).isEqualTo(threads * callsPerThread);
            assertThat(server.requests()).hasSize(threads * callsPerThread);
            assertThat(server.accepted()).isBetween(1, threads);
            assertThat(transport.pool().idleCount()).isLessThanOrEqualTo(HttpTransport.MAX_IDLE);
        } finally {
            pool.shutdownNow();
        }
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
