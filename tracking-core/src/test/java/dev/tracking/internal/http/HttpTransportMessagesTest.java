package dev.tracking.internal.http;

import static dev.tracking.internal.http.HttpTransportConnectionsTest.OK;
import static dev.tracking.internal.http.HttpTransportConnectionsTest.TIMEOUT;
import static dev.tracking.internal.http.HttpTransportConnectionsTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpTransportMessagesTest {

    private final HttpTransport transport = HttpTransport.create("test", Duration.ofSeconds(2));

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    @Test
    void sendsTheRequestHeadAndBody() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(OK)) {
            transport.postJson(server.uri("/api/i/v1/pk%2F1/events?x=a%20b"), json("{\"a\":1}xyz"), 7, TIMEOUT,
                    "X-API-KEY", "k1");
            transport.get(URI.create("http://127.0.0.1:" + server.port()), TIMEOUT);

            RawHttpServer.Request post = server.requests().get(0);
            assertThat(post.head()).isEqualTo("POST /api/i/v1/pk%2F1/events?x=a%20b HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + server.port() + "\r\n"
                    + "User-Agent: dev.tracking/0.1 (java)\r\n"
                    + "Accept: application/json\r\n"
                    + "X-API-KEY: k1\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: 7\r\n\r\n");
            assertThat(post.bodyText()).isEqualTo("{\"a\":1}");
            assertThat(server.requests().get(1).requestLine()).isEqualTo("GET / HTTP/1.1");
            assertThat(server.requests().get(1).head()).doesNotContain("Content-Length", "Accept-Encoding");
        }
    }

    @Test
    void theHostHeaderNamesThePortOnlyWhenItIsNotTheDefault() {
        assertThat(hostHeader("http://example.com/x")).isEqualTo("Host: example.com");
        assertThat(hostHeader("http://example.com:80/x")).isEqualTo("Host: example.com");
        assertThat(hostHeader("https://example.com:443/x")).isEqualTo("Host: example.com");
        assertThat(hostHeader("https://example.com:80/x")).isEqualTo("Host: example.com:80");
        assertThat(hostHeader("http://[::1]:8080")).isEqualTo("Host: [::1]:8080");
    }

    @Test
    void readsAChunkedBodyAndItsTrailersThenReusesTheConnection() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;name=value\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\nX-Checksum: 1\r\nX-Other: 2\r\n\r\n";
        try (RawHttpServer server = RawHttpServer.answering(chunked)) {
            HttpReply first = transport.get(server.uri("/"), TIMEOUT);
            HttpReply second = transport.get(server.uri("/"), TIMEOUT);

            assertThat(first.bodyText()).isEqualTo("{\"a\":1}");
            assertThat(second.bodyText()).isEqualTo("{\"a\":1}");
            assertThat(server.accepted()).isEqualTo(1);
        }
    }

    @Test
    void skipsInterimResponses() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 103 Early Hints\r\nLink: </a>; rel=preload\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}")) {
            HttpReply reply = transport.postJson(server.uri("/"), json("{}"), 2, TIMEOUT);

            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.bodyText()).isEqualTo("{}");
            assertThat(reply.header("Link")).isNull();
        }
    }

    @Test
    void keepsEveryValueOfAHeaderAndLooksNamesUpIgnoringCase() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering("HTTP/1.1 429 Too Many Requests\r\n"
                + "retry-after: 7\r\nX-Multi: a\r\nx-multi: b\r\nContent-Length: 0\r\n\r\n")) {
            HttpReply reply = transport.get(server.uri("/"), TIMEOUT);

            assertThat(reply.header("Retry-After")).isEqualTo("7");
            assertThat(reply.headers().allValues("X-MULTI")).containsExactly("a", "b");
            assertThat(reply.headers()).hasToString("ReplyHeaders[retry-after, X-Multi, x-multi, Content-Length]");
            assertThat(reply.body()).isEmpty();
        }
    }

    @Test
    void aBodyLargerThanTheCapFails() throws Exception {
        String declared = "HTTP/1.1 200 OK\r\nContent-Length: " + (ResponseReader.MAX_BODY + 1) + "\r\n\r\n";
        String chunk = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(ResponseReader.MAX_BODY + 1) + "\r\n";
        for (String response : new String[] {declared, chunk}) {
            try (RawHttpServer server = RawHttpServer.answering(response)) {
                assertThatThrownBy(() -> transport.get(server.uri("/"), TIMEOUT))
                        .isInstanceOf(IOException.class).hasMessageContaining("exceeds");
                assertThat(transport.pool().openCount()).isZero();
            }
        }
    }

    @Test
    void aMalformedStatusLineFails() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering("HTTP/1.1 2OO OK\r\n\r\n")) {
            assertThatThrownBy(() -> transport.get(server.uri("/"), TIMEOUT))
                    .isInstanceOf(IOException.class).hasMessageContaining("status line");
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, out) -> true)) {
            assertThatThrownBy(() -> transport.get(server.uri("/"), Duration.ofMillis(200)))
                    .isInstanceOf(HttpTimeoutException.class);
            assertThat(transport.pool().openCount()).isZero();
        }
    }

    @Test
    void aServerThatStopsInTheMiddleOfABodyFails() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, out) -> {
            RawHttpServer.send(out, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
            return false;
        })) {
            assertThatThrownBy(() -> transport.get(server.uri("/"), TIMEOUT))
                    .isInstanceOf(IOException.class).hasMessageContaining("closed before the response was complete");
        }
    }

    private static String hostHeader(String uri) {
        ByteBuilder out = new ByteBuilder(64);
        URI target = URI.create(uri);
        RequestHead.write(out, "GET", target, RequestHead.hostField(Origin.of(target)), new String[0], -1);
        return new String(out.toByteArray(), StandardCharsets.ISO_8859_1).split("\r\n")[1];
    }
}
