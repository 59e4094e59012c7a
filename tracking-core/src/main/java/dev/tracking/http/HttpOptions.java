package dev.tracking.http;

import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * How the default {@link ApacheHttpSender} of a destination connects.
 *
 * @param sslContext the TLS context (trusted CAs, client certificate for mutual TLS), or {@code null} for the
 *     JVM's default
 * @param proxy the proxy, or {@code null} to follow the JVM's settings ({@code https.proxyHost},
 *     {@code http.proxyHost}, {@code http.nonProxyHosts}, {@code java.net.useSystemProxies}, the default
 *     {@link java.net.ProxySelector}); the JVM's default selector never proxies a loopback address
 * @param maxConnections the most connections open at once, over all hosts
 * @param maxConnectionsPerHost the most connections open at once to one host (a request waits for a free one
 *     within its timeout)
 * @param maxResponseBytes the largest response body accepted; a larger one fails the request
 * @param gzip compress request bodies with gzip where the destination's server accepts it (Outlit); Lotus event
 *     ingestion does not, so its requests are never compressed
 * @param clientCustomizer changes the Apache client before it is built (interceptors, observation), or
 *     {@code null}
 */
public record HttpOptions(SSLContext sslContext, ProxyOptions proxy, int maxConnections, int maxConnectionsPerHost,
        int maxResponseBytes, boolean gzip, Consumer<HttpClientBuilder> clientCustomizer) {

    public HttpOptions {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        if (maxConnectionsPerHost < 1 || maxConnectionsPerHost > maxConnections) {
            throw new IllegalArgumentException("maxConnectionsPerHost must be between 1 and maxConnections, was "
                    + maxConnectionsPerHost);
        }
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1024, was " + maxResponseBytes);
        }
    }

    /** The JVM's TLS and proxy settings, 20 connections (10 per host), responses up to 4 MiB, no gzip. */
    public static HttpOptions defaults() {
        return new HttpOptions(null, null, 20, 10, 4 * 1024 * 1024, false, null);
    }

    public HttpOptions withSslContext(SSLContext value) {
        return new HttpOptions(value, proxy, maxConnections, maxConnectionsPerHost, maxResponseBytes, gzip,
                clientCustomizer);
    }

    public HttpOptions withProxy(ProxyOptions value) {
        return new HttpOptions(sslContext, value, maxConnections, maxConnectionsPerHost, maxResponseBytes, gzip,
                clientCustomizer);
    }

    public HttpOptions withMaxConnections(int total, int perHost) {
        return new HttpOptions(sslContext, proxy, total, perHost, maxResponseBytes, gzip, clientCustomizer);
    }

    public HttpOptions withMaxResponseBytes(int value) {
        return new HttpOptions(sslContext, proxy, maxConnections, maxConnectionsPerHost, value, gzip,
                clientCustomizer);
    }

    public HttpOptions withGzip(boolean value) {
        return new HttpOptions(sslContext, proxy, maxConnections, maxConnectionsPerHost, maxResponseBytes, value,
                clientCustomizer);
    }

    public HttpOptions withClientCustomizer(Consumer<HttpClientBuilder> value) {
        return new HttpOptions(sslContext, proxy, maxConnections, maxConnectionsPerHost, maxResponseBytes, gzip,
                value);
    }

    @Override
    public String toString() {
        return "HttpOptions[sslContext=" + (sslContext == null ? "default" : "custom") + ", proxy="
                + (proxy == null ? "system" : proxy) + ", maxConnections=" + maxConnections + ", maxConnectionsPerHost="
                + maxConnectionsPerHost + ", maxResponseBytes=" + maxResponseBytes + ", gzip=" + gzip + "]";
    }
}
