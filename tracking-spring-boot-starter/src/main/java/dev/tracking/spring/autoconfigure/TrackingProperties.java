package dev.tracking.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration of the tracker under {@code tracking.*}. Defaults equal the tracking-core defaults;
 * destinations follow from which keys are set (see {@link LotusProperties} and {@link OutlitProperties}).
 */
@ConfigurationProperties("tracking")
public class TrackingProperties {

    /** Whether to create a tracker and give the tracking annotations behaviour. */
    private boolean enabled = true;

    @NestedConfigurationProperty
    private final LotusProperties lotus = new LotusProperties();

    @NestedConfigurationProperty
    private final OutlitProperties outlit = new OutlitProperties();

    @NestedConfigurationProperty
    private final LocalProperties local = new LocalProperties();

    @NestedConfigurationProperty
    private final OutboxProperties outbox = new OutboxProperties();

    @NestedConfigurationProperty
    private final BatchProperties batch = new BatchProperties();

    @NestedConfigurationProperty
    private final QueueProperties queue = new QueueProperties();

    @NestedConfigurationProperty
    private final RetryProperties retry = new RetryProperties();

    @NestedConfigurationProperty
    private final HttpProperties http = new HttpProperties();

    @NestedConfigurationProperty
    private final EntitlementsProperties entitlements = new EntitlementsProperties();

    @NestedConfigurationProperty
    private final ShutdownProperties shutdown = new ShutdownProperties();

    @NestedConfigurationProperty
    private final AspectsProperties aspects = new AspectsProperties();

    @NestedConfigurationProperty
    private final HealthProperties health = new HealthProperties();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public LotusProperties getLotus() {
        return lotus;
    }

    public OutlitProperties getOutlit() {
        return outlit;
    }

    public LocalProperties getLocal() {
        return local;
    }

    public OutboxProperties getOutbox() {
        return outbox;
    }

    public BatchProperties getBatch() {
        return batch;
    }

    public QueueProperties getQueue() {
        return queue;
    }

    public RetryProperties getRetry() {
        return retry;
    }

    public HttpProperties getHttp() {
        return http;
    }

    public EntitlementsProperties getEntitlements() {
        return entitlements;
    }

    public ShutdownProperties getShutdown() {
        return shutdown;
    }

    public AspectsProperties getAspects() {
        return aspects;
    }

    public HealthProperties getHealth() {
        return health;
    }
}
