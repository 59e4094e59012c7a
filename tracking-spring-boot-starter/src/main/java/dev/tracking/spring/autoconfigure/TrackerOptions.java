package dev.tracking.spring.autoconfigure;

import dev.tracking.DeliveryOptions;
import dev.tracking.EntitlementOptions;
import dev.tracking.RetryOptions;
import dev.tracking.lotus.LotusOptions;
import dev.tracking.outlit.OutlitOptions;
import java.net.URI;
import java.util.Map;

/** Maps validated {@link TrackingProperties} to the tracking-core options. */
final class TrackerOptions {

    private TrackerOptions() {
    }

    static DeliveryOptions delivery(TrackingProperties properties) {
        BatchProperties batch = properties.getBatch();
        RetryProperties retry = properties.getRetry();
        return DeliveryOptions.builder()
                .flushInterval(batch.getFlushInterval())
                .maxBatchSize(batch.getMaxSize())
                .maxBatchBytes(batch.getMaxBytes().toBytes())
                .queueCapacity(properties.getQueue().getCapacity())
                .overflow(properties.getQueue().getOverflow())
                .maxEventBytes(Math.toIntExact(batch.getMaxEventBytes().toBytes()))
                .httpTimeout(properties.getHttp().getTimeout())
                .connectTimeout(properties.getHttp().getConnectTimeout())
                .retry(RetryOptions.builder()
                        .maxAttempts(retry.getMaxAttempts())
                        .initialBackoff(retry.getInitialBackoff())
                        .maxBackoff(retry.getMaxBackoff())
                        .deliveryTimeout(retry.getDeliveryTimeout())
                        .build())
                .shutdownTimeout(properties.getShutdown().getTimeout())
                .build();
    }

    static EntitlementOptions entitlements(TrackingProperties properties) {
        EntitlementsProperties entitlements = properties.getEntitlements();
        return EntitlementOptions.builder()
                .cacheTtl(entitlements.getCacheTtl())
                .staleIfError(entitlements.getStaleIfError())
                .onNoAnswer(entitlements.getOnError())
                .maximumSize(entitlements.getCacheSize())
                .build();
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
