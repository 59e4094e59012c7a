package dev.tracking.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/** An {@link SSLContext} per sender: a private CA, mutual TLS, and certificates that must be refused. */
class TlsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void aServerCertifiedByThePrivateCaIsTrustedWithItsContext() throws Exception {
        try (TlsVendorServer server = new TlsVendorServer(false)) {
            assertThat(post(TestCertificates.get().trustingCa(), server.uri("localhost")).status()).isEqualTo(200);
            assertThat(server.eventRequests()).hasSize(1);
        }
    }

    @Test
    void aServerCertificateFromAnotherCaOrForAnotherHostIsRefused() throws Exception {
        try (TlsVendorServer server = new TlsVendorServer(false)) {
            Throwable jvmDefault = catchThrowable(() -> post(null, server.uri("localhost")));
            Throwable otherCa = catchThrowable(() -> post(TestCertificates.get().trustingOtherCa(),
                    server.uri("localhost")));
            Throwable otherHost = catchThrowable(() -> post(TestCertificates.get().trustingCa(),
                    server.uri("127.0.0.2")));

            assertThat(jvmDefault).isInstanceOf(SSLException.class);
            assertThat(otherCa).isInstanceOf(SSLException.class);
            assertThat(otherHost).isInstanceOf(SSLException.class);
            assertThat(server.eventRequests()).isEmpty();
        }
    }

    @Test
    void mutualTlsNeedsTheClientCertificate() throws Exception {
        try (TlsVendorServer server = new TlsVendorServer(true)) {
            Throwable without = catchThrowable(() -> post(TestCertificates.get().trustingCa(),
                    server.uri("localhost")));
            HttpReply with = post(TestCertificates.get().trustingCaWithClientCertificate(), server.uri("localhost"));

            assertThat(without).isInstanceOf(IOException.class);
            assertThat(with.status()).isEqualTo(200);
            assertThat(server.eventRequests()).hasSize(1);
        }
    }

    private static HttpReply post(SSLContext context, URI server) throws Exception {
        try (HttpSender sender = ApacheHttpSender.create("test", HttpOptions.defaults().withSslContext(context),
                Duration.ofSeconds(2))) {
            return sender.send(HttpRequest.post(server.resolve("/api/i/v1/pk_x/events"),
                    HttpBody.json("{}".getBytes(StandardCharsets.UTF_8), 2), true, TIMEOUT));
        }
    }
}
