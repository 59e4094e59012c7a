package dev.tracking.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpRequestTest {

    private static final URI URL = URI.create("https://lotus.example.com/api/customers/?customer_id=acme");
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void headersThatCouldBreakOrReframeTheRequestAreRefused() {
        HttpRequest get = HttpRequest.get(URL, TIMEOUT);

        assertThatThrownBy(() -> get.withHeader("X-API-KEY", "a\r\nHost: evil")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("X-API-KEY").hasMessageNotContaining("evil");
        assertThatThrownBy(() -> get.withHeader("Content-Length", "5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> get.withHeader("Transfer-Encoding", "chunked"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> get.withHeader("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> get.withHeader("X-API-KEY", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOtherSchemesMethodsAndTimeouts() {
        assertThatThrownBy(() -> HttpRequest.get(URI.create("ftp://x/"), TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uri");
        assertThatThrownBy(() -> HttpRequest.get(URL, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> new HttpRequest("DELETE", URL, null, null, true, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("method");
    }

    @Test
    void printsTheOriginOnly() {
        HttpRequest post = HttpRequest.post(URL, HttpBody.json(new byte[0], 0), false, TIMEOUT)
                .withHeader("X-API-KEY", "key.secret");

        assertThat(post.toString()).isEqualTo("HttpRequest[POST https://lotus.example.com:443, not idempotent]");
    }

    @Test
    void proxyAndOptionsPrintNoCredentials() {
        ProxyOptions proxy = ProxyOptions.of("proxy.corp", 3128).withCredentials("svc-user", "pr0xy-pass")
                .withNonProxyHosts(List.of("*.internal"));

        assertThat(proxy.toString()).doesNotContain("svc-user", "pr0xy-pass").contains("proxy.corp", "3128");
        assertThat(HttpOptions.defaults().withProxy(proxy).toString()).doesNotContain("svc-user", "pr0xy-pass");
        assertThat(proxy.bypasses("lotus.internal")).isTrue();
        assertThat(proxy.bypasses("app.outlit.ai")).isFalse();
        assertThatThrownBy(() -> new ProxyOptions("p", 3128, "user", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
