package dev.tracking.outlit;

import dev.tracking.internal.Checks;
import java.net.URI;

/**
 * Where and how to send to Outlit.
 *
 * @param publicKey the project's public key ({@code pk_…}), sent as a URL path segment; other keys are refused
 * @param apiHost the Outlit host, {@code https://app.outlit.ai} by default
 * @param lifecycleEventsAsCustom send user stages and billing statuses as ordinary {@code custom} events
 *     ({@code user_activated}, {@code customer_paid}, …) for servers that no longer take {@code stage}/{@code billing}
 */
public record OutlitOptions(String publicKey, URI apiHost, boolean lifecycleEventsAsCustom) {

    /** The hosted Outlit service. */
    public static final URI DEFAULT_API_HOST = URI.create("https://app.outlit.ai");

    public OutlitOptions {
        Checks.requireText("publicKey", publicKey);
        if (!publicKey.startsWith("pk_")) {
            throw new IllegalArgumentException("publicKey must be an Outlit public key starting with pk_"
                    + " (a secret key must never be sent as a URL path segment)");
        }
        Checks.requireNonNull("apiHost", apiHost);
        if (!"https".equals(apiHost.getScheme()) && !"http".equals(apiHost.getScheme()) || apiHost.getHost() == null) {
            throw new IllegalArgumentException("apiHost must be an absolute http(s) URL, was " + apiHost);
        }
    }

    /** Options for {@code publicKey} on the hosted service, lifecycle events sent as {@code stage}/{@code billing}. */
    public static OutlitOptions of(String publicKey) {
        return new OutlitOptions(publicKey, DEFAULT_API_HOST, false);
    }

    public OutlitOptions withApiHost(URI value) {
        return new OutlitOptions(publicKey, value, lifecycleEventsAsCustom);
    }

    public OutlitOptions withLifecycleEventsAsCustom(boolean value) {
        return new OutlitOptions(publicKey, apiHost, value);
    }

    @Override
    public String toString() {
        return "OutlitOptions[publicKey=" + mask(publicKey) + ", apiHost=" + apiHost
                + ", lifecycleEventsAsCustom=" + lifecycleEventsAsCustom + "]";
    }

    private static String mask(String key) {
        return key.length() <= 6 ? "****" : key.substring(0, 3) + "****";
    }
}
