package dev.tracking.internal.http;

import static dev.tracking.internal.http.HttpTransportConnectionsTest.OK;
import static dev.tracking.internal.http.HttpTransportConnectionsTest.TIMEOUT;
import static dev.tracking.internal.http.HttpTransportConnectionsTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpTransportFailuresTest {

    private static final String SECRET_KEY = "key-that-must-stay-private";
    private static final String SECRET_QUERY = "token=query-that-must-stay-private";

    private final HttpTransport transport = HttpTransport.create("test", Duration.ofSeconds(2));

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    @Test
    void aClosedTransportRefusesCalls() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(OK)) {
            transport.get(server.uri("/"), TIMEOUT);
            transport.close();

            assertThatThrownBy(() -> transport.get(server.uri("/"), TIMEOUT))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("test");
            assertThat(transport.pool().openCount()).isZero();
            assertThat(transport).hasToString("HttpTransport[test]");
        }
    }

    @Test
    void headersThatCouldBreakTheRequestAreRefusedBeforeConnecting() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(OK)) {
            URI uri = server.uri("/");

            assertThatThrownBy(() -> transport.get(uri, TIMEOUT, "X-API-KEY", "k\r\nX-Evil: 1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-API-KEY")
                    .hasMessageNotContaining("Evil");
            assertThatThrownBy(() -> transport.get(uri, TIMEOUT, "X-Evil\r\nA", "v"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> transport.get(uri, TIMEOUT, "Bad Name", "v"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> transport.get(uri, TIMEOUT, "Content-Length", "5"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> transport.get(uri, TIMEOUT, "X-API-KEY"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(server.accepted()).isZero();
        }
    }

    @Test
    void failuresNameAtMostTheHostAndPort() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, out) -> true)) {
            Throwable timeout = catchThrowable(() -> transport.get(server.uri("/p?" + SECRET_QUERY),
                    Duration.ofMillis(200), "X-API-KEY", SECRET_KEY));

            assertThat(timeout).isInstanceOf(HttpTimeoutException.class)
                    .hasMessageContaining("127.0.0.1:" + server.port());
            assertPrivate(timeout);
            assertPrivate(TransportFailures.fromException(timeout).detail());
        }
        Throwable refused = catchThrowable(() -> transport.postJson(URI.create("http://127.0.0.1:" + closedPort()
                + "/p?" + SECRET_QUERY), json("{}"), 2, TIMEOUT, "X-API-KEY", SECRET_KEY));

        assertThat(TransportFailures.fromException(refused).reason()).isEqualTo("connection");
        assertPrivate(refused);
    }

    @Test
    void aBodyTheServerDoesNotReadTimesOutInsteadOfBlockingTheSender() throws Exception {
        try (ServerSocket silent = new ServerSocket()) {
            silent.setReceiveBufferSize(4096);
            silent.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            CompletableFuture<java.net.Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept();
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
            byte[] body = new byte[32 * 1024 * 1024];
            URI uri = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/api/track/?" + SECRET_QUERY);

            Throwable timeout = catchThrowable(() -> transport.postJson(uri, body, body.length,
                    Duration.ofMillis(300), "X-API-KEY", SECRET_KEY));

            assertThat(timeout).isInstanceOf(HttpTimeoutException.class).hasMessageContaining("sending");
            assertPrivate(timeout);
            accepted.get(5, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void anUnresolvableHostIsAConnectionFailure() {
        Throwable unresolved = catchThrowable(() -> transport.get(URI.create("http://no-such-host.invalid/"), TIMEOUT));

        assertThat(TransportFailures.fromException(unresolved).reason()).isEqualTo("connection");
    }

    @Test
    void interruptingAWaitingCallClosesItsConnectionAndThrowsInterruptedException() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, out) -> true)) {
            AtomicReference<Thread> caller = new AtomicReference<>();
            CompletableFuture<HttpReply> call = CompletableFuture.supplyAsync(() -> {
                caller.set(Thread.currentThread());
                return sneaky(() -> transport.get(server.uri("/"), Duration.ofMinutes(1)));
            }, runnable -> new Thread(runnable).start());
            await().atMost(Duration.ofSeconds(10)).until(() -> server.requests().size() == 1);

            caller.get().interrupt();

            Throwable failure = catchThrowable(() -> call.get(20, TimeUnit.SECONDS));
            assertThat(failure).isInstanceOf(ExecutionException.class).cause().isInstanceOf(InterruptedException.class);
            assertThat(transport.pool().openCount()).isZero();
        }
    }

    @Test
    void closingTheTransportEndsACallInFlightWithAnIoException() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, out) -> true)) {
            CompletableFuture<HttpReply> call = CompletableFuture.supplyAsync(
                    () -> sneaky(() -> transport.get(server.uri("/"), Duration.ofMinutes(1))),
                    runnable -> new Thread(runnable).start());
            await().atMost(Duration.ofSeconds(10)).until(() -> server.requests().size() == 1);

            transport.close();

            Throwable failure = catchThrowable(() -> call.get(20, TimeUnit.SECONDS));
            assertThat(failure).isInstanceOf(ExecutionException.class).cause().isInstanceOf(IOException.class);
        }
    }

    private static void assertPrivate(Object failure) {
        assertThat(String.valueOf(failure)).doesNotContain(SECRET_KEY, SECRET_QUERY, "/p");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpReply sneaky(Call call) {
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
