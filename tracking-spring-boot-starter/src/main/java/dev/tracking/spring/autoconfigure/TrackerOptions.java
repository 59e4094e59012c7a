package dev.tracking.spring.autoconfigure;

import dev.tracking.DeliveryOptions;
import dev.tracking.EntitlementOptions;
import dev.tracking.RetryOptions;
import dev.tracking.lotus.LotusOptions;
import dev.tracking.outlit.OutlitOptions;
import java.net.URI;
import java.util.Map;

/** Maps validated {@link TrackingProperties} to the tracking-core option records. */
final class TrackerOptions {

    private TrackerOptions() {
    }

    static DeliveryOptions delivery(TrackingProperties properties) {
        BatchProperties batch = properties.getBatch();
        RetryProperties retry = properties.getRetry();
        return new DeliveryOptions(batch.getFlushInterval(), batch.getMaxSize(), batch.getMaxBytes().toBytes(),
                properties.getQueue().getCapacity(), properties.getQueue().getOverflow(),
                Math.toIntExact(batch.getMaxEventBytes().toBytes()), properties.getHttp().getTimeout(),
                properties.getHttp().getConnectTimeout(),
                new RetryOptions(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
                        retry.getDeliveryTimeout()),
                properties.getShutdown().getTimeout());
    }

    static EntitlementOptions entitlements(TrackingProperties properties) {
        EntitlementsProperties entitlements = properties.getEntitlements();
        return new EntitlementOptions(entitlements.getCacheTtl(), entitlements.getStaleIfError(),
                entitlements.getOnError(), entitlements.getCacheSize());
    }

    static LotusOptions lotus(LotusProperties lotus) {
        URI baseUrl = PropertyChecks.httpUrl("tracking.lotus.base-url", lotus.getBaseUrl());
        URI ingestUrl = lotus.getIngestUrl() == null || lotus.getIngestUrl().isBlank() ? null
                : PropertyChecks.httpUrl("tracking.lotus.ingest-url", lotus.getIngestUrl());
        return new LotusOptions(lotus.getApiKey().trim(), baseUrl, ingestUrl, copy(lotus.getFeatureIds()),
                copy(lotus.getMetricIds()));
    }

    static OutlitOptions outlit(OutlitProperties outlit) {
        return new OutlitOptions(outlit.getPublicKey().trim(),
                PropertyChecks.httpUrl("tracking.outlit.api-host", outlit.getApiHost()),
                outlit.getProtocol());
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null ? Map.of() : Map.copyOf(map);
    }
}
