package dev.tracking.http;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;

/**
 * WireMock playing Outlit's ingest endpoint over TLS only, with the {@link TestCertificates} server certificate
 * ({@code vendor.test}, {@code localhost}, {@code 127.0.0.1}); optionally requiring a client certificate signed by
 * the private CA.
 */
public final class TlsVendorServer implements AutoCloseable {

    private static final String EVENTS_PATH = "/api/i/v1/[^/]+/events";

    private final WireMockServer server;

    public TlsVendorServer(boolean requireClientCertificate) {
        TestCertificates certificates = TestCertificates.get();
        WireMockConfiguration config = wireMockConfig().httpDisabled(true).dynamicHttpsPort()
                .keystorePath(certificates.serverKeyStore().toString()).keystoreType("PKCS12")
                .keystorePassword(TestCertificates.PASSWORD).keyManagerPassword(TestCertificates.PASSWORD);
        if (requireClientCertificate) {
            config.needClientAuth(true).trustStorePath(certificates.trustStore().toString())
                    .trustStoreType("PKCS12").trustStorePassword(TestCertificates.PASSWORD);
        }
        server = new WireMockServer(config);
        server.start();
        server.stubFor(post(urlPathMatching(EVENTS_PATH)).willReturn(okJson("{\"success\":true,\"processed\":1}")));
    }

    public int port() {
        return server.httpsPort();
    }

    /** {@code https://host:port} of this server under {@code host}. */
    public URI uri(String host) {
        return URI.create("https://" + host + ":" + port());
    }

    /** The ingest requests received so far. */
    public List<LoggedRequest> eventRequests() {
        return server.findAll(postRequestedFor(urlPathMatching(EVENTS_PATH)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
