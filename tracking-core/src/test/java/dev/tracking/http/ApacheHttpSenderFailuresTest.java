package dev.tracking.http;

import static dev.tracking.http.ApacheHttpSenderTest.TIMEOUT;
import static dev.tracking.http.ApacheHttpSenderTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tracking.internal.http.TransportFailures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timeouts that bound the whole exchange, the response cap, and failures that keep keys and queries private. */
class ApacheHttpSenderFailuresTest {

    private static final String SECRET_KEY = "key.s3cr3t-value";
    private static final String SECRET_QUERY = "customer_id=secret-customer";

    private final ApacheHttpSender sender = ApacheHttpSender.create("test",
            HttpOptions.defaults().withMaxResponseBytes(64 * 1024), Duration.ofSeconds(2));

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void aServerThatNeverAnswersTimesOutNamingOnlyTheOrigin() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, out) -> true)) {
            Throwable timeout = catchThrowable(() -> sender.send(HttpRequest.get(server.uri("/p?" + SECRET_QUERY),
                    Duration.ofMillis(300)).withHeader("X-API-KEY", SECRET_KEY)));

            assertThat(timeout).isInstanceOf(HttpTimeoutException.class)
                    .hasMessageContaining("127.0.0.1:" + server.port());
            assertPrivate(timeout);
            assertThat(TransportFailures.fromException(timeout).reason()).isEqualTo("timeout");
            assertPrivate(TransportFailures.fromException(timeout).detail());
        }
    }

    @Test
    void aBodyTheServerDoesNotReadTimesOutInsteadOfBlockingTheSender() throws Exception {
        try (ServerSocket silent = new ServerSocket()) {
            silent.setReceiveBufferSize(4096);
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept();
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
            byte[] body = new byte[32 * 1024 * 1024];
            URI uri = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/api/track/?" + SECRET_QUERY);

            Throwable timeout = catchThrowable(() -> sender.send(HttpRequest.post(uri, HttpBody.json(body,
                    body.length), true, Duration.ofMillis(300)).withHeader("X-API-KEY", SECRET_KEY)));

            assertThat(timeout).isInstanceOf(HttpTimeoutException.class).hasMessageContaining("sending");
            assertPrivate(timeout);
            accepted.get(5, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void connectingIsBoundedByTheConnectTimeout() throws Exception {
        List<Socket> filling = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ApacheHttpSender impatient = ApacheHttpSender.create("impatient", HttpOptions.defaults(),
                        Duration.ofMillis(300))) {
            for (int i = 0; i < 3; i++) {
                // never accepted: once the backlog is full, the kernel drops further connection attempts
                java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open();
                channel.configureBlocking(false);
                channel.connect(full.getLocalSocketAddress());
                filling.add(channel.socket());
            }
            URI uri = URI.create("http://127.0.0.1:" + full.getLocalPort() + "/p?" + SECRET_QUERY);

            Throwable timeout = catchThrowable(() -> impatient.send(HttpRequest.get(uri, TIMEOUT)));

            assertThat(timeout).isInstanceOf(java.net.http.HttpConnectTimeoutException.class);
            assertThat(TransportFailures.fromException(timeout).reason()).isEqualTo("timeout");
            assertPrivate(timeout);
        } finally {
            for (Socket socket : filling) {
                socket.close();
            }
        }
    }

    @Test
    void waitingForAPooledConnectionIsBoundedByTheTimeoutToo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ApacheHttpSender single = ApacheHttpSender.create("single", HttpOptions.defaults()
                .withMaxConnections(1, 1), Duration.ofSeconds(2));
                RawHttpServer server = new RawHttpServer((request, out) -> {
                    awaitQuietly(release);
                    RawHttpServer.send(out, ApacheHttpSenderTest.OK);
                    return true;
                })) {
            CompletableFuture<HttpReply> first = CompletableFuture.supplyAsync(() -> call(() ->
                    single.send(HttpRequest.get(server.uri("/slow"), TIMEOUT))));
            org.awaitility.Awaitility.await().until(() -> server.requests().size() == 1);

            Throwable queued = catchThrowable(() -> single.send(HttpRequest.get(server.uri("/queued"),
                    Duration.ofMillis(300))));
            release.countDown();

            assertThat(queued).isInstanceOf(HttpTimeoutException.class);
            assertThat(first.get(5, TimeUnit.SECONDS).bodyText()).isEqualTo("ok");
        }
    }

    @Test
    void aRefusedConnectionIsAConnectionFailureNamingOnlyTheOrigin() throws Exception {
        Throwable refused = catchThrowable(() -> sender.send(HttpRequest.post(URI.create("http://127.0.0.1:"
                + closedPort() + "/p?" + SECRET_QUERY), HttpBody.json(json("{}"), 2), true, TIMEOUT)
                .withHeader("X-API-KEY", SECRET_KEY)));

        assertThat(TransportFailures.fromException(refused).reason()).isEqualTo("connection");
        assertPrivate(refused);
    }

    @Test
    void anUnresolvableHostIsAConnectionFailure() {
        Throwable unresolved = catchThrowable(() -> sender.send(HttpRequest.get(
                URI.create("http://no-such-host.invalid/p?" + SECRET_QUERY), TIMEOUT)));

        assertThat(TransportFailures.fromException(unresolved).reason()).isEqualTo("connection");
        assertPrivate(unresolved);
    }

    @Test
    void aBodyLargerThanTheCapFails() throws Exception {
        String big = "x".repeat(64 * 1024 + 1);
        try (RawHttpServer declared = RawHttpServer.answering("HTTP/1.1 200 OK\r\nContent-Length: " + big.length()
                + "\r\n\r\n" + big);
                RawHttpServer chunked = RawHttpServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n")) {
            for (RawHttpServer server : new RawHttpServer[] {declared, chunked}) {
                Throwable failure = catchThrowable(() -> sender.send(HttpRequest.get(server.uri("/p?" + SECRET_QUERY),
                        TIMEOUT)));

                assertThat(failure).isInstanceOf(IOException.class).hasMessageContaining("larger than 65536 bytes");
                assertPrivate(failure);
            }
        }
    }

    @Test
    void interruptingAWaitingCallAbortsItWithInterruptedException() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, out) -> true)) {
            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            Thread caller = new Thread(() -> failure.complete(catchThrowable(() ->
                    sender.send(HttpRequest.get(server.uri("/p?" + SECRET_QUERY), Duration.ofMinutes(5))))));
            caller.start();
            org.awaitility.Awaitility.await().until(() -> server.requests().size() == 1);

            caller.interrupt();

            assertThat(failure.get(20, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            assertPrivate(failure.get());
        }
    }

    @Test
    void closingTheSenderEndsACallInFlightAndRefusesLaterCalls() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, out) -> true)) {
            CompletableFuture<HttpReply> call = CompletableFuture.supplyAsync(() -> call(() ->
                    sender.send(HttpRequest.get(server.uri("/"), Duration.ofMinutes(5)))));
            org.awaitility.Awaitility.await().until(() -> server.requests().size() == 1);

            sender.close();

            Throwable failure = catchThrowable(() -> call.get(20, TimeUnit.SECONDS));
            assertThat(failure).isInstanceOf(ExecutionException.class).cause().isInstanceOf(IOException.class);
            assertThatThrownBy(() -> sender.send(HttpRequest.get(server.uri("/"), TIMEOUT)))
                    .isInstanceOf(IOException.class).hasMessageContaining("is closed");
        }
    }

    private static void assertPrivate(Object failure) {
        assertThat(String.valueOf(failure)).doesNotContain(SECRET_KEY, SECRET_QUERY, "secret-customer", "/p",
                "/api/track");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpReply call(Call call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private interface Call {
        HttpReply run() throws Exception;
    }
}
