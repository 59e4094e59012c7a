package dev.tracking.spring.autoconfigure;

/** Settings under {@code tracking.outlit}: the Outlit customer-journey service. */
public class OutlitProperties {

    /** How user stages and billing statuses are sent to Outlit. */
    public enum LifecycleEvents {
        /** As Outlit's own stage and billing events. */
        NATIVE,
        /** As ordinary custom events (user_activated, customer_paid, ...), for servers that refuse the native ones. */
        CUSTOM
    }

    /** Outlit public key (pk_...); setting it turns the Outlit destination on. */
    private String publicKey;

    /** Outlit host the events are sent to. */
    private String apiHost = "https://app.outlit.ai";

    /** Whether lifecycle events are sent as Outlit stage/billing events (native) or as custom events (custom). */
    private LifecycleEvents lifecycleEvents = LifecycleEvents.NATIVE;

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

    public LifecycleEvents getLifecycleEvents() {
        return lifecycleEvents;
    }

    public void setLifecycleEvents(LifecycleEvents lifecycleEvents) {
        this.lifecycleEvents = lifecycleEvents;
    }

    /** Whether a public key is set, i.e. whether Outlit is a destination. */
    public boolean isConfigured() {
        return publicKey != null && !publicKey.isBlank();
    }

    @Override
    public String toString() {
        return "OutlitProperties[publicKey=" + (isConfigured() ? "****" : "<none>") + ", apiHost="
                + DisplayedUrls.of(apiHost) + ", lifecycleEvents=" + lifecycleEvents + "]";
    }
}
