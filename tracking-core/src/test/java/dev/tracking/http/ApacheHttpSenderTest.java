package dev.tracking.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the default sender puts on the wire, how it reads answers, and how it uses connections. */
class ApacheHttpSenderTest {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    private final ApacheHttpSender sender = ApacheHttpSender.create("test", HttpOptions.defaults(),
            Duration.ofSeconds(2));

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void sendsTheHeadersAndBodyAndReadsStatusHeadersAndBody() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering("HTTP/1.1 201 Created\r\nX-Rate: 1\r\nx-rate: 2\r\n"
                + "Content-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"id\":\"c\"}\n")) {
            HttpReply reply = sender.send(HttpRequest.post(server.uri("/api/customers/?a=b"),
                    HttpBody.json(json("{\"x\":1}xxxx"), 7), false, TIMEOUT).withHeader("X-API-KEY", "k.secret"));

            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.bodyText()).isEqualTo("{\"id\":\"c\"}\n");
            assertThat(reply.header("x-rate")).isEqualTo("1");
            assertThat(reply.headers().allValues("X-RATE")).containsExactly("1", "2");
            RawHttpServer.Request request = server.requests().get(0);
            assertThat(request.requestLine()).isEqualTo("POST /api/customers/?a=b HTTP/1.1");
            assertThat(request.head()).containsIgnoringCase("X-API-KEY: k.secret")
                    .containsIgnoringCase("Content-Type: application/json").containsIgnoringCase("Content-Length: 7");
            assertThat(request.bodyText()).isEqualTo("{\"x\":1}");
        }
    }

    @Test
    void readsAChunkedAnswerAndANoContentAnswer() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, out) -> {
            RawHttpServer.send(out, request.requestLine().startsWith("GET /a")
                    ? "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
                    : "HTTP/1.1 204 No Content\r\n\r\n");
            return true;
        })) {
            assertThat(sender.send(HttpRequest.get(server.uri("/a"), TIMEOUT)).bodyText()).isEqualTo("abcde");
            HttpReply empty = sender.send(HttpRequest.get(server.uri("/b"), TIMEOUT));

            assertThat(empty.status()).isEqualTo(204);
            assertThat(empty.body()).isEmpty();
            assertThat(server.accepted()).isEqualTo(1);
        }
    }

    @Test
    void aGzipBodyArrivesCompressedAndDecodesToTheSameBytes() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(OK)) {
            byte[] json = json("{\"events\":[" + "{\"n\":1},".repeat(200) + "{\"n\":2}]}");
            sender.send(HttpRequest.post(server.uri("/events"), HttpBody.gzip(HttpBody.json(json, json.length)), true,
                    TIMEOUT));

            RawHttpServer.Request request = server.requests().get(0);
            assertThat(request.head()).containsIgnoringCase("Content-Encoding: gzip");
            assertThat(request.body().length).isLessThan(json.length / 4);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(request.body()))) {
                assertThat(in.readAllBytes()).isEqualTo(json);
            }
        }
    }

    @Test
    void idempotentRequestsShareOneKeptAliveConnection() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(OK)) {
            for (int i = 0; i < 3; i++) {
                sender.send(HttpRequest.post(server.uri("/"), HttpBody.json(json("{}"), 2), true, TIMEOUT));
            }

            assertThat(server.requests()).extracting(RawHttpServer.Request::connection).containsExactly(0, 0, 0);
        }
    }

    @Test
    void aRequestThatIsNotIdempotentAlwaysTakesANewConnectionAndClosesIt() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(OK)) {
            sender.send(HttpRequest.get(server.uri("/"), TIMEOUT));
            sender.send(HttpRequest.post(server.uri("/customers/"), HttpBody.json(json("{}"), 2), false, TIMEOUT));
            sender.send(HttpRequest.post(server.uri("/customers/"), HttpBody.json(json("{}"), 2), false, TIMEOUT));
            sender.send(HttpRequest.get(server.uri("/"), TIMEOUT));

            assertThat(server.requests()).extracting(RawHttpServer.Request::connection).containsExactly(0, 1, 2, 0);
        }
    }

    @Test
    void aPostWhoseConnectionDiesBeforeTheAnswerIsNeverSentAgainByTheSender() throws Exception {
        for (boolean idempotent : new boolean[] {false, true}) {
            try (RawHttpServer server = new RawHttpServer((request, out) -> false)) {
                Throwable failure = catchThrowable(() -> sender.send(HttpRequest.post(server.uri("/subscriptions/"),
                        HttpBody.json(json("{}"), 2), idempotent, TIMEOUT)));

                assertThat(failure).isInstanceOf(IOException.class);
                assertThat(server.requests()).hasSize(1);
            }
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
                        ok += sender.send(HttpRequest.post(server.uri("/"), HttpBody.json(json("{}"), 2), true,
                                TIMEOUT)).status() == 200 ? 1 : 0;
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
        } finally {
            pool.shutdownNow();
        }
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
