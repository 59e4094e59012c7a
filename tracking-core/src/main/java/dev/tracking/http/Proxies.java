package dev.tracking.http;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.SystemDefaultCredentialsProvider;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/** Routes and proxy credentials: from {@link ProxyOptions} when given, else from the JVM's proxy settings. */
final class Proxies {

    private Proxies() {
    }

    static HttpRoutePlanner routePlanner(ProxyOptions proxy) {
        if (proxy == null) {
            return new SystemDefaultRoutePlanner(new CurrentDefaultSelector());
        }
        HttpHost proxyHost = new HttpHost("http", proxy.host(), proxy.port());
        return new DefaultRoutePlanner(null) {
            @Override
            protected HttpHost determineProxy(HttpHost target, HttpContext context) {
                return proxy.bypasses(target.getHostName()) ? null : proxyHost;
            }
        };
    }

    static CredentialsProvider credentials(ProxyOptions proxy) {
        if (proxy == null) {
            return new SystemDefaultCredentialsProvider();
        }
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        if (proxy.username() != null) {
            credentials.setCredentials(new AuthScope(proxy.host(), proxy.port()),
                    new UsernamePasswordCredentials(proxy.username(), proxy.password().toCharArray()));
        }
        return credentials;
    }

    /** The JVM's default selector as it is at each request, so that later changes to it are followed. */
    private static final class CurrentDefaultSelector extends ProxySelector {

        @Override
        public List<Proxy> select(URI uri) {
            ProxySelector selector = ProxySelector.getDefault();
            return selector == null ? List.of(Proxy.NO_PROXY) : selector.select(uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            ProxySelector selector = ProxySelector.getDefault();
            if (selector != null) {
                selector.connectFailed(uri, address, failure);
            }
        }
    }
}
