package dev.tracking.outlit;

import dev.tracking.internal.check.Arguments;
import java.net.URI;

/**
 * Where and how to send to Outlit.
 *
 * @param publicKey the project's public key ({@code pk_…}), sent as a URL path segment; other keys are refused
 * @param apiHost the Outlit host, {@code https://app.outlit.ai} by default
 * @param protocol the ingest contract the server speaks: {@link OutlitProtocol#CURRENT} (the default) or
 *     {@link OutlitProtocol#LEGACY_V1} for an Outlit 1.x server that still takes {@code stage}/{@code billing} events
 */
public record OutlitOptions(String publicKey, URI apiHost, OutlitProtocol protocol) {

    /** The hosted Outlit service. */
    public static final URI DEFAULT_API_HOST = URI.create("https://app.outlit.ai");

    public OutlitOptions {
        Arguments.requireText("publicKey", publicKey);
        if (!publicKey.startsWith("pk_")) {
            throw new IllegalArgumentException("publicKey must be an Outlit public key starting with pk_"
                    + " (a secret key must never be sent as a URL path segment)");
        }
        Arguments.requireHttpUrl("apiHost", apiHost);
        protocol = protocol == null ? OutlitProtocol.CURRENT : protocol;
    }

    /** Options for {@code publicKey} on the hosted service, speaking today's contract. */
    public static OutlitOptions of(String publicKey) {
        return new OutlitOptions(publicKey, DEFAULT_API_HOST, OutlitProtocol.CURRENT);
    }

    public OutlitOptions withApiHost(URI value) {
        return new OutlitOptions(publicKey, value, protocol);
    }

    /** The same options speaking {@code value}; {@code null} means {@link OutlitProtocol#CURRENT}. */
    public OutlitOptions withProtocol(OutlitProtocol value) {
        return new OutlitOptions(publicKey, apiHost, value);
    }

    /** Whether user stages and billing statuses go as Outlit 1.x {@code stage}/{@code billing} events. */
    public boolean legacy() {
        return protocol == OutlitProtocol.LEGACY_V1;
    }

    @Override
    public String toString() {
        return "OutlitOptions[publicKey=" + mask(publicKey) + ", apiHost=" + apiHost + ", protocol=" + protocol + "]";
    }

    private static String mask(String key) {
        return key.length() <= 6 ? "****" : key.substring(0, 3) + "****";
    }
}
