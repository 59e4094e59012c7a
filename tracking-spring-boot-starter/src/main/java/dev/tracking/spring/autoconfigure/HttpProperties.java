package dev.tracking.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code tracking.http}: timeouts, connection limits, proxy and TLS of every call to Lotus and
 * Outlit. An application {@code HttpSender} bean replaces all of it but the timeouts.
 */
public class HttpProperties {

    /** Longest one request may take. */
    private Duration timeout = Duration.ofSeconds(10);

    /** Longest connecting may take. */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /** Most connections each destination keeps open at once, over all hosts. */
    private int maxConnections = 20;

    /** Most connections each destination keeps open at once to one host. */
    private int maxConnectionsPerHost = 10;

    /** Largest response body accepted; a larger one fails the request. */
    private DataSize maxResponseSize = DataSize.ofMegabytes(4);

    /** HTTP proxy for every call; when its host is unset, the JVM's proxy settings apply. */
    private final Proxy proxy = new Proxy();

    /** TLS of every call. */
    private final Ssl ssl = new Ssl();

    /** Settings for the calls to Lotus that differ from the shared ones. */
    private final Lotus lotus = new Lotus();

    /** Settings for the calls to Outlit that differ from the shared ones. */
    private final Outlit outlit = new Outlit();

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getMaxConnectionsPerHost() {
        return maxConnectionsPerHost;
    }

    public void setMaxConnectionsPerHost(int maxConnectionsPerHost) {
        this.maxConnectionsPerHost = maxConnectionsPerHost;
    }

    public DataSize getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(DataSize maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public Proxy getProxy() {
        return proxy;
    }

    public Ssl getSsl() {
        return ssl;
    }

    public Lotus getLotus() {
        return lotus;
    }

    public Outlit getOutlit() {
        return outlit;
    }

    /** An HTTP proxy ({@code https} targets go through a CONNECT tunnel); its credentials are never printed. */
    public static class Proxy {

        /** Proxy host; unset means the JVM's settings (https.proxyHost, http.nonProxyHosts, ...). */
        private String host;

        /** Proxy port. */
        private int port = 3128;

        /** User name for the proxy's Basic authentication. */
        private String username;

        /** Password for the proxy's Basic authentication. */
        private String password;

        /** Hosts reached without the proxy: names, or patterns with a leading or trailing '*'. */
        private List<String> nonProxyHosts = new ArrayList<>();

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public List<String> getNonProxyHosts() {
            return nonProxyHosts;
        }

        public void setNonProxyHosts(List<String> nonProxyHosts) {
            this.nonProxyHosts = nonProxyHosts;
        }

        @Override
        public String toString() {
            return "Proxy[host=" + host + ", port=" + port + ", username=" + (username == null ? null : "****")
                    + ", password=" + (password == null ? null : "****") + ", nonProxyHosts=" + nonProxyHosts + "]";
        }
    }

    /** TLS settings. */
    public static class Ssl {

        /** Name of a Spring Boot SSL bundle (spring.ssl.bundle.*): trusted CAs and, for mutual TLS, the key. */
        private String bundle;

        public String getBundle() {
            return bundle;
        }

        public void setBundle(String bundle) {
            this.bundle = bundle;
        }
    }

    /** Lotus-specific HTTP settings. */
    public static class Lotus {

        /** TLS of the calls to Lotus, when it differs from tracking.http.ssl. */
        private final Ssl ssl = new Ssl();

        public Ssl getSsl() {
            return ssl;
        }
    }

    /** Outlit-specific HTTP settings. */
    public static class Outlit {

        /** TLS of the calls to Outlit, when it differs from tracking.http.ssl. */
        private final Ssl ssl = new Ssl();

        /** Compress request bodies with gzip (off by default: Outlit's published contract does not say it accepts it). */
        private boolean gzip;

        public Ssl getSsl() {
            return ssl;
        }

        public boolean isGzip() {
            return gzip;
        }

        public void setGzip(boolean gzip) {
            this.gzip = gzip;
        }
    }
}
