package dev.tracking.spring.autoconfigure;

import dev.tracking.OverflowPolicy;
import dev.tracking.access.OnNoAnswer;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

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

    private final Batch batch = new Batch();

    private final Queue queue = new Queue();

    private final Retry retry = new Retry();

    private final Http http = new Http();

    private final Entitlements entitlements = new Entitlements();

    private final Shutdown shutdown = new Shutdown();

    private final Aspects aspects = new Aspects();

    private final Health health = new Health();

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

    public Batch getBatch() {
        return batch;
    }

    public Queue getQueue() {
        return queue;
    }

    public Retry getRetry() {
        return retry;
    }

    public Http getHttp() {
        return http;
    }

    public Entitlements getEntitlements() {
        return entitlements;
    }

    public Shutdown getShutdown() {
        return shutdown;
    }

    public Aspects getAspects() {
        return aspects;
    }

    public Health getHealth() {
        return health;
    }

    /** How messages are grouped into requests. */
    public static class Batch {

        /** Most messages in one request (Outlit takes at most 100 whatever is set). */
        private int maxSize = 100;

        /** Largest encoded request body a batch may reach. */
        private DataSize maxBytes = DataSize.ofMegabytes(1);

        /** Largest one message may be; a larger one is refused when it is recorded. */
        private DataSize maxEventBytes = DataSize.ofKilobytes(32);

        /** Longest a message waits in the queue before a send starts. */
        private Duration flushInterval = Duration.ofSeconds(10);

        public int getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(int maxSize) {
            this.maxSize = maxSize;
        }

        public DataSize getMaxBytes() {
            return maxBytes;
        }

        public void setMaxBytes(DataSize maxBytes) {
            this.maxBytes = maxBytes;
        }

        public DataSize getMaxEventBytes() {
            return maxEventBytes;
        }

        public void setMaxEventBytes(DataSize maxEventBytes) {
            this.maxEventBytes = maxEventBytes;
        }

        public Duration getFlushInterval() {
            return flushInterval;
        }

        public void setFlushInterval(Duration flushInterval) {
            this.flushInterval = flushInterval;
        }
    }

    /** The bounded queue each destination has. */
    public static class Queue {

        /** Most messages queued per destination; beyond it the overflow policy decides. */
        private int capacity = 10_000;

        /** What a full queue does: drop the new message (drop-newest) or the oldest queued one (drop-oldest). */
        private OverflowPolicy overflow = OverflowPolicy.DROP_NEWEST;

        public int getCapacity() {
            return capacity;
        }

        public void setCapacity(int capacity) {
            this.capacity = capacity;
        }

        public OverflowPolicy getOverflow() {
            return overflow;
        }

        public void setOverflow(OverflowPolicy overflow) {
            this.overflow = overflow;
        }
    }

    /** Retries of requests that failed for a passing reason (network, timeout, 408, 429, 5xx). */
    public static class Retry {

        /** Most attempts per request, the first included. */
        private int maxAttempts = 6;

        /** Backoff before the first retry; it doubles, with jitter, up to the maximum. */
        private Duration initialBackoff = Duration.ofMillis(500);

        /** Longest backoff between two attempts. */
        private Duration maxBackoff = Duration.ofSeconds(30);

        /** Longest time spent on one request, retries included, before its messages count as failed. */
        private Duration maxDuration = Duration.ofMinutes(2);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public Duration getMaxDuration() {
            return maxDuration;
        }

        public void setMaxDuration(Duration maxDuration) {
            this.maxDuration = maxDuration;
        }
    }

    /** HTTP timeouts of every call to Lotus and Outlit. */
    public static class Http {

        /** Longest one request may take. */
        private Duration timeout = Duration.ofSeconds(10);

        /** Longest connecting may take. */
        private Duration connectTimeout = Duration.ofSeconds(5);

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
    }

    /** The cache of access decisions. */
    public static class Entitlements {

        /** How long a decision is fresh; after it the next check refreshes it while serving the old answer. */
        private Duration cacheTtl = Duration.ofSeconds(30);

        /** How long past its freshness a decision may still be served while the backend fails. */
        private Duration staleIfError = Duration.ofMinutes(10);

        /** What a check decides with neither an answer nor a usable cached one: deny or allow. */
        private OnNoAnswer onError = OnNoAnswer.DENY;

        /** Most decisions kept in the cache. */
        private long cacheSize = 10_000;

        public Duration getCacheTtl() {
            return cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

        public Duration getStaleIfError() {
            return staleIfError;
        }

        public void setStaleIfError(Duration staleIfError) {
            this.staleIfError = staleIfError;
        }

        public OnNoAnswer getOnError() {
            return onError;
        }

        public void setOnError(OnNoAnswer onError) {
            this.onError = onError;
        }

        public long getCacheSize() {
            return cacheSize;
        }

        public void setCacheSize(long cacheSize) {
            this.cacheSize = cacheSize;
        }
    }

    /** What happens when the application stops. */
    public static class Shutdown {

        /** Longest the queues are drained at shutdown, after the web server finished its requests. */
        private Duration timeout = Duration.ofSeconds(30);

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** The aspects behind @GateOnFeature, @BillingStage and @TrackEvent. */
    public static class Aspects {

        /** Whether the tracking annotations are given behaviour. */
        private boolean enabled = true;

        /** Order of the @GateOnFeature aspect; lower runs further out (inside method security at 200-500). */
        private int gateOrder = 1000;

        /** Order of the @BillingStage aspect; by default inside the gate and outside tracking and transactions. */
        private int billingStageOrder = 1100;

        /** Order of the @TrackEvent aspect; by default inside the gate and billing stage, outside transactions. */
        private int trackOrder = 1200;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getGateOrder() {
            return gateOrder;
        }

        public void setGateOrder(int gateOrder) {
            this.gateOrder = gateOrder;
        }

        public int getBillingStageOrder() {
            return billingStageOrder;
        }

        public void setBillingStageOrder(int billingStageOrder) {
            this.billingStageOrder = billingStageOrder;
        }

        public int getTrackOrder() {
            return trackOrder;
        }

        public void setTrackOrder(int trackOrder) {
            this.trackOrder = trackOrder;
        }
    }

    /** The actuator health component "tracking". */
    public static class Health {

        /** Consecutive failed requests to one destination after which the component reports DOWN. */
        private int failureThreshold = 5;

        public int getFailureThreshold() {
            return failureThreshold;
        }

        public void setFailureThreshold(int failureThreshold) {
            this.failureThreshold = failureThreshold;
        }
    }
}
