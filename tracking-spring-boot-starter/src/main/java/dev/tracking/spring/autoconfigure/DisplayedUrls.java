package dev.tracking.spring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;

/** URLs as they may appear in logs and {@code toString()}: without user information, query or fragment. */
final class DisplayedUrls {

    private DisplayedUrls() {
    }

    /** {@code url} reduced to scheme, host, port and path; {@code null} stays {@code null}. */
    static String of(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "<not a URL>";
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return uri.getScheme() + "://" + uri.getHost() + port + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (URISyntaxException e) {
            return "<not a URL>";
        }
    }
}
