package dev.tracking.spring.autoconfigure;

import dev.tracking.outlit.OutlitProtocol;

/** Settings under {@code tracking.outlit}: the Outlit customer-journey service. */
public class OutlitProperties {

    /** Outlit public key (pk_...); setting it turns the Outlit destination on. */
    private String publicKey;

    /** Outlit host the events are sent to. */
    private String apiHost = "https://app.outlit.ai";

    /**
     * Ingest contract of the Outlit server: current (Outlit 2.0 and later; user stages and billing statuses as
     * custom events such as user_activated and customer_paid) or legacy-v1 (an Outlit 1.x server that still takes
     * stage and billing events).
     */
    private OutlitProtocol protocol = OutlitProtocol.CURRENT;

    public String getPublicKey() {
        return publicKey;
    }

    public void setPublicKey(String publicKey) {
        this.publicKey = publicKey;
    }

    public String getApiHost() {
        return apiHost;
    }

    public void setApiHost(String apiHost) {
        this.apiHost = apiHost;
    }

    public OutlitProtocol getProtocol() {
        return protocol;
    }

    public void setProtocol(OutlitProtocol protocol) {
        this.protocol = protocol;
    }

    /** Whether a public key is set, i.e. whether Outlit is a destination. */
    public boolean isConfigured() {
        return publicKey != null && !publicKey.isBlank();
    }

    @Override
    public String toString() {
        return "OutlitProperties[publicKey=" + (isConfigured() ? "****" : "<none>") + ", apiHost="
                + DisplayedUrls.of(apiHost) + ", protocol=" + protocol + "]";
    }
}
