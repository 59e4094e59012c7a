package dev.tracking.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpTransportTlsTest {

    private static final String PASSWORD = "password";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private WireMockServer server;
    private HttpTransport transport;

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aServerWhoseCertificateIsNotTrustedIsRejected() {
        server = start(wireMockConfigWithHttps());
        transport = HttpTransport.create("test", Duration.ofSeconds(2));

        Throwable failure = catchThrowable(() -> transport.get(httpsUri("localhost"), TIMEOUT));

        assertThat(failure).isInstanceOf(SSLHandshakeException.class);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRejected() throws Exception {
        server = start(wireMockConfigWithHttps());
        KeyStore wiremockKeys = KeyStore.getInstance("JKS");
        try (InputStream in = WireMockServer.class.getResourceAsStream("/keystore")) {
            wiremockKeys.load(in, PASSWORD.toCharArray());
        }
        transport = HttpTransport.create("test", Duration.ofSeconds(2), () -> trusting(wiremockKeys));

        Throwable failure = catchThrowable(() -> transport.get(httpsUri("localhost"), TIMEOUT));

        assertThat(failure).isInstanceOf(SSLHandshakeException.class)
                .hasRootCauseInstanceOf(CertificateException.class);
        assertThat(failure.getCause().getMessage()).contains("No name matching localhost");
    }

    @Test
    void talksToATrustedServerOverOneKeptAliveConnection(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        generateKeyPair(keystore);
        server = start(wireMockConfigWithHttps().keystorePath(keystore.toString()).keystoreType("PKCS12")
                .keystorePassword(PASSWORD).keyManagerPassword(PASSWORD));
        server.stubFor(get(urlEqualTo("/v1/ping?x=1")).willReturn(aResponse().withStatus(200).withBody("{}")));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        transport = HttpTransport.create("test", Duration.ofSeconds(2), () -> trusting(keys));

        HttpReply first = transport.get(httpsUri("localhost").resolve("/v1/ping?x=1"), TIMEOUT, "X-API-KEY", "k");
        HttpReply second = transport.get(httpsUri("localhost").resolve("/v1/ping?x=1"), TIMEOUT);

        assertThat(first.bodyText()).isEqualTo("{}");
        assertThat(second.status()).isEqualTo(200);
        assertThat(transport.pool().openCount()).isEqualTo(1);
        server.verify(getRequestedFor(urlEqualTo("/v1/ping?x=1")).withHeader("X-API-KEY", equalTo("k"))
                .withHeader("Host", equalTo("localhost:" + server.httpsPort())));
    }

    private static WireMockConfiguration wireMockConfigWithHttps() {
        return wireMockConfig().dynamicPort().dynamicHttpsPort();
    }

    private static WireMockServer start(WireMockConfiguration config) {
        WireMockServer started = new WireMockServer(config);
        started.start();
        return started;
    }

    private URI httpsUri(String host) {
        return URI.create("https://" + host + ":" + server.httpsPort() + "/");
    }

    private static SSLSocketFactory trusting(KeyStore keys) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void generateKeyPair(Path keystore) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "server",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext",
                "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }
}
