package dev.tracking.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.http.HttpStatusClass;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

class TransportPiecesTest {

    @Test
    void classifiesStatuses() {
        assertThat(HttpStatusClass.of(200)).isEqualTo(HttpStatusClass.SUCCESS);
        assertThat(HttpStatusClass.of(207)).isEqualTo(HttpStatusClass.SUCCESS);
        assertThat(HttpStatusClass.of(408)).isEqualTo(HttpStatusClass.RETRYABLE);
        assertThat(HttpStatusClass.of(429)).isEqualTo(HttpStatusClass.RETRYABLE);
        assertThat(HttpStatusClass.of(503)).isEqualTo(HttpStatusClass.RETRYABLE);
        assertThat(HttpStatusClass.of(400)).isEqualTo(HttpStatusClass.PERMANENT);
        assertThat(HttpStatusClass.of(302)).isEqualTo(HttpStatusClass.PERMANENT);
        assertThat(HttpStatusClass.isCredentialsRejected(401)).isTrue();
        assertThat(HttpStatusClass.isCredentialsRejected(400)).isFalse();
    }

    @Test
    void namesFailuresByCause() {
        assertThat(TransportFailures.fromException(new HttpTimeoutException("timed out")).reason()).isEqualTo("timeout");
        assertThat(TransportFailures.fromException(new ConnectException("refused")).reason()).isEqualTo("connection");
        assertThat(TransportFailures.fromException(new UnknownHostException("x")).reason()).isEqualTo("connection");
        assertThat(TransportFailures.fromException(new IOException("reset")).reason()).isEqualTo("io");
        assertThat(TransportFailures.fromException(new IllegalStateException("bug")).reason()).isEqualTo("error");
        assertThat(TransportFailures.fromStatus(403, "bad key").credentialsRejected()).isTrue();
        assertThat(TransportFailures.fromStatus(400, "x".repeat(1000)).detail()).hasSizeLessThan(320);
    }

    @Test
    void encodesPathSegmentsAndQueryValues() {
        assertThat(Urls.pathSegment("pk_a/b c+d")).isEqualTo("pk_a%2Fb%20c%2Bd");
        assertThat(Urls.pathSegment("..")).isEqualTo("%2E%2E");
        assertThat(Urls.pathSegment(".")).isEqualTo("%2E");
        assertThat(Urls.pathSegment("a.b..c")).isEqualTo("a.b..c");
        assertThat(Urls.queryValue("a&b=c é")).isEqualTo("a%26b%3Dc%20%C3%A9");
        assertThat(Urls.withoutTrailingSlash(URI.create("https://x.io/"))).isEqualTo("https://x.io");
    }

    @Test
    void warnsOnlyAboutPlainHttpToAnotherHost() {
        assertThat(Urls.warnIfPlainHttp("test", URI.create("http://collector.example.com"))).isTrue();
        assertThat(Urls.warnIfPlainHttp("test", URI.create("https://collector.example.com"))).isFalse();
        assertThat(Urls.warnIfPlainHttp("test", URI.create("http://localhost:8080"))).isFalse();
        assertThat(Urls.warnIfPlainHttp("test", URI.create("http://127.0.0.1:8080"))).isFalse();
        assertThat(Urls.warnIfPlainHttp("test", URI.create("http://[::1]:8080"))).isFalse();
    }

    @Test
    void onlyLocalhostAndLoopbackIpLiteralsAreLoopback() {
        assertThat(Urls.isLoopback("localhost")).isTrue();
        assertThat(Urls.isLoopback("LOCALHOST")).isTrue();
        assertThat(Urls.isLoopback("127.0.0.1")).isTrue();
        assertThat(Urls.isLoopback("127.255.3.4")).isTrue();
        assertThat(Urls.isLoopback("[::1]")).isTrue();
        assertThat(Urls.isLoopback("0:0:0:0:0:0:0:1")).isTrue();

        assertThat(Urls.isLoopback("127.example.com")).isFalse();
        assertThat(Urls.isLoopback("127.0.0.1.nip.io")).isFalse();
        assertThat(Urls.isLoopback("app.localhost")).isFalse();
        assertThat(Urls.isLoopback("127.0.0.256")).isFalse();
        assertThat(Urls.isLoopback("128.0.0.1")).isFalse();
        assertThat(Urls.isLoopback("::2")).isFalse();
        assertThat(Urls.isLoopback(null)).isFalse();
    }
}
