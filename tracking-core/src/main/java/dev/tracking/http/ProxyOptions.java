package dev.tracking.http;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP proxy for the tracker's requests (an {@code https} target is reached through a {@code CONNECT} tunnel).
 *
 * @param host the proxy's host name or address
 * @param port the proxy's port
 * @param username the user name for the proxy's Basic authentication, or {@code null}; never printed
 * @param password the password, or {@code null}; never printed
 * @param nonProxyHosts hosts reached directly: exact names, or patterns with a leading or trailing {@code *}
 *     ({@code *.internal}, {@code 10.*}), as in the JVM's {@code http.nonProxyHosts}
 */
public record ProxyOptions(String host, int port, String username, String password, List<String> nonProxyHosts) {

    public ProxyOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("username and password must be given together");
        }
        nonProxyHosts = nonProxyHosts == null ? List.of() : List.copyOf(nonProxyHosts);
    }

    /** A proxy without authentication, used for every host. */
    public static ProxyOptions of(String host, int port) {
        return new ProxyOptions(host, port, null, null, List.of());
    }

    public ProxyOptions withCredentials(String user, String secret) {
        return new ProxyOptions(host, port, Objects.requireNonNull(user, "username"),
                Objects.requireNonNull(secret, "password"), nonProxyHosts);
    }

    public ProxyOptions withNonProxyHosts(List<String> value) {
        return new ProxyOptions(host, port, username, password, value);
    }

    /** Whether {@code targetHost} is to be reached directly, by {@link #nonProxyHosts()}. */
    public boolean bypasses(String targetHost) {
        String target = targetHost.toLowerCase(Locale.ROOT);
        for (String pattern : nonProxyHosts) {
            String p = pattern.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            boolean matches = p.startsWith("*") ? target.endsWith(p.substring(1))
                    : p.endsWith("*") ? target.startsWith(p.substring(0, p.length() - 1)) : target.equals(p);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ProxyOptions[host=" + host + ", port=" + port + (username == null ? "" : ", credentials=****")
                + ", nonProxyHosts=" + nonProxyHosts + "]";
    }
}
