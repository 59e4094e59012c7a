package dev.tracking.spring.autoconfigure;

import dev.tracking.access.OnNoAnswer;
import java.time.Duration;

/** Settings under {@code tracking.entitlements}: the cache of access decisions. */
public class EntitlementsProperties {

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
