package dev.tracking.spring.autoconfigure;

import dev.tracking.TrackerBuilder;
import dev.tracking.http.HttpOptions;
import dev.tracking.http.HttpSender;
import dev.tracking.http.ProxyOptions;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;

/**
 * Applies {@code tracking.http.*} to the tracker builder: the application's {@link HttpSender} when it has one,
 * else per-destination {@link HttpOptions} with the proxy, the SSL bundles, the pool limits and Outlit's gzip.
 */
final class TrackerHttp {

    private TrackerHttp() {
    }

    static TrackerCustomizer customizer(HttpProperties http, HttpSender applicationSender, SslBundles bundles,
            List<HttpClientCustomizer> clientCustomizers) {
        return builder -> configure(builder, http, applicationSender, bundles, clientCustomizers);
    }

    static void configure(TrackerBuilder builder, HttpProperties http, HttpSender applicationSender,
            SslBundles bundles, List<HttpClientCustomizer> clientCustomizers) {
        if (applicationSender != null) {
            builder.httpSender(applicationSender);
            return;
        }
        HttpOptions shared = shared(http, bundles, clientCustomizers);
        builder.http(shared);
        String lotusBundle = http.getLotus().getSsl().getBundle();
        if (hasText(lotusBundle)) {
            builder.http("lotus", shared.withSslContext(sslContext(bundles, "tracking.http.lotus.ssl.bundle",
                    lotusBundle)));
        }
        String outlitBundle = http.getOutlit().getSsl().getBundle();
        HttpOptions outlit = shared.withGzip(http.getOutlit().isGzip());
        builder.http("outlit", hasText(outlitBundle) ? outlit.withSslContext(sslContext(bundles,
                "tracking.http.outlit.ssl.bundle", outlitBundle)) : outlit);
    }

    private static HttpOptions shared(HttpProperties http, SslBundles bundles,
            List<HttpClientCustomizer> clientCustomizers) {
        PropertyChecks.atLeast("tracking.http.max-connections", http.getMaxConnections(), 1);
        PropertyChecks.atLeast("tracking.http.max-connections-per-host", http.getMaxConnectionsPerHost(), 1);
        if (http.getMaxConnectionsPerHost() > http.getMaxConnections()) {
            throw new InvalidTrackingPropertyException("tracking.http.max-connections-per-host",
                    "tracking.http.max-connections-per-host (" + http.getMaxConnectionsPerHost()
                            + ") is larger than tracking.http.max-connections (" + http.getMaxConnections() + ")",
                    "Set tracking.http.max-connections-per-host to at most tracking.http.max-connections.");
        }
        long maxResponse = http.getMaxResponseSize() == null ? 0 : http.getMaxResponseSize().toBytes();
        if (maxResponse < 1024 || maxResponse > Integer.MAX_VALUE) {
            throw new InvalidTrackingPropertyException("tracking.http.max-response-size",
                    "tracking.http.max-response-size must be between 1KB and 2GB, was " + http.getMaxResponseSize(),
                    "Set tracking.http.max-response-size to a size such as 4MB.");
        }
        HttpOptions options = HttpOptions.defaults()
                .withMaxConnections(http.getMaxConnections(), http.getMaxConnectionsPerHost())
                .withMaxResponseBytes((int) maxResponse)
                .withProxy(proxy(http.getProxy()));
        String bundle = http.getSsl().getBundle();
        if (hasText(bundle)) {
            options = options.withSslContext(sslContext(bundles, "tracking.http.ssl.bundle", bundle));
        }
        if (!clientCustomizers.isEmpty()) {
            List<HttpClientCustomizer> all = List.copyOf(clientCustomizers);
            options = options.withClientCustomizer(client -> all.forEach(customizer -> customizer.customize(client)));
        }
        return options;
    }

    private static ProxyOptions proxy(HttpProperties.Proxy proxy) {
        if (!hasText(proxy.getHost())) {
            return null;
        }
        if (proxy.getPort() < 1 || proxy.getPort() > 65_535) {
            throw new InvalidTrackingPropertyException("tracking.http.proxy.port",
                    "tracking.http.proxy.port must be between 1 and 65535, was " + proxy.getPort(),
                    "Set tracking.http.proxy.port to the proxy's port, e.g. 3128.");
        }
        if (hasText(proxy.getUsername()) != (proxy.getPassword() != null)) {
            throw new InvalidTrackingPropertyException("tracking.http.proxy.username",
                    "tracking.http.proxy.username and tracking.http.proxy.password must be set together",
                    "Set both tracking.http.proxy.username and tracking.http.proxy.password, or neither.");
        }
        ProxyOptions options = ProxyOptions.of(proxy.getHost().trim(), proxy.getPort())
                .withNonProxyHosts(proxy.getNonProxyHosts());
        return hasText(proxy.getUsername()) ? options.withCredentials(proxy.getUsername(), proxy.getPassword())
                : options;
    }

    private static SSLContext sslContext(SslBundles bundles, String property, String name) {
        if (bundles == null) {
            throw new InvalidTrackingPropertyException(property, property + " names SSL bundle '" + name
                    + "' but no SSL bundles are configured", "Define it under spring.ssl.bundle.jks." + name
                    + " or spring.ssl.bundle.pem." + name + ", or remove " + property + ".");
        }
        try {
            return bundles.getBundle(name).createSslContext();
        } catch (NoSuchSslBundleException e) {
            throw new InvalidTrackingPropertyException(property, property + " names SSL bundle '" + name
                    + "', which does not exist", "Define it under spring.ssl.bundle.jks." + name
                    + " or spring.ssl.bundle.pem." + name + ", or correct " + property + ".");
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
