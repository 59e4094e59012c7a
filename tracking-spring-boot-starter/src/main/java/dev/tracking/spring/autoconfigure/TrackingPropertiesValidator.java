package dev.tracking.spring.autoconfigure;

import static dev.tracking.spring.autoconfigure.PropertyChecks.atLeast;
import static dev.tracking.spring.autoconfigure.PropertyChecks.httpUrl;
import static dev.tracking.spring.autoconfigure.PropertyChecks.notNegative;
import static dev.tracking.spring.autoconfigure.PropertyChecks.positive;
import static dev.tracking.spring.autoconfigure.PropertyChecks.required;

import java.time.Duration;
import java.util.Map;

/**
 * Checks {@link TrackingProperties} before a tracker is built, so that a half-configured destination or an
 * out-of-range value fails startup with the property's name instead of surfacing later.
 */
final class TrackingPropertiesValidator {

    private TrackingPropertiesValidator() {
    }

    static void validate(TrackingProperties properties) {
        validateLotus(properties.getLotus());
        validateOutlit(properties.getOutlit());
        validateDelivery(properties);
        validateEntitlements(properties.getEntitlements());
        positive("tracking.shutdown.timeout", properties.getShutdown().getTimeout(), Duration.ofSeconds(10));
        atLeast("tracking.health.failure-threshold", properties.getHealth().getFailureThreshold(), 1);
        validateLocal(properties.getLocal());
        validateOutbox(properties.getOutbox(), properties.getRetry());
    }

    private static void validateOutbox(OutboxProperties outbox, RetryProperties retry) {
        positive("tracking.outbox.write-timeout", outbox.getWriteTimeout(), Duration.ofMillis(500));
        positive("tracking.outbox.lease", outbox.getLease(), Duration.ofMinutes(5));
        positive("tracking.outbox.poll-interval", outbox.getPollInterval(), Duration.ofMillis(500));
        positive("tracking.outbox.retention", outbox.getRetention(), Duration.ofDays(7));
        required("tracking.outbox.initialize-schema", outbox.getInitializeSchema(), "embedded");
        required("tracking.outbox.destinations", outbox.getDestinations(), "lotus,outlit");
        for (String destination : outbox.getDestinations()) {
            if (destination == null || destination.isBlank()) {
                throw new InvalidTrackingPropertyException("tracking.outbox.destinations",
                        "tracking.outbox.destinations names an empty destination",
                        "List destination names such as lotus,outlit, or remove the property to cover every remote"
                                + " destination.");
            }
        }
        if (outbox.isEnabled() && outbox.getLease().compareTo(retry.getDeliveryTimeout()) <= 0) {
            throw new InvalidTrackingPropertyException("tracking.outbox.lease",
                    "tracking.outbox.lease (" + outbox.getLease() + ") must be longer than"
                            + " tracking.retry.delivery-timeout (" + retry.getDeliveryTimeout() + "): a claim could"
                            + " expire while its batch is still being retried, and another instance would send it too",
                    "Set tracking.outbox.lease longer than tracking.retry.delivery-timeout, e.g. "
                            + retry.getDeliveryTimeout().plusMinutes(1).toMinutes() + "m.");
        }
    }

    private static void validateLotus(LotusProperties lotus) {
        if (!lotus.isConfigured()) {
            return;
        }
        if (lotus.getBaseUrl() == null || lotus.getBaseUrl().isBlank()) {
            throw new InvalidTrackingPropertyException("tracking.lotus.base-url",
                    "tracking.lotus.api-key is set but tracking.lotus.base-url is not: Lotus is self-hosted, so the"
                            + " tracker needs the address of your Lotus server",
                    "Set tracking.lotus.base-url to your Lotus server's URL (e.g. https://lotus.example.com), or"
                            + " remove tracking.lotus.api-key to run without Lotus.");
        }
        httpUrl("tracking.lotus.base-url", lotus.getBaseUrl());
        if (lotus.getIngestUrl() != null && !lotus.getIngestUrl().isBlank()) {
            httpUrl("tracking.lotus.ingest-url", lotus.getIngestUrl());
        }
    }

    private static void validateOutlit(OutlitProperties outlit) {
        if (!outlit.isConfigured()) {
            return;
        }
        if (!outlit.getPublicKey().trim().startsWith("pk_")) {
            throw new InvalidTrackingPropertyException("tracking.outlit.public-key",
                    "tracking.outlit.public-key is not an Outlit public key: it must start with pk_ (the value is not"
                            + " shown, in case it is a secret)",
                    "Set tracking.outlit.public-key to your Outlit project's public key (pk_...). Never use a secret"
                            + " key here: the public key travels in the request URL.");
        }
        if (outlit.getApiHost() == null || outlit.getApiHost().isBlank()) {
            throw new InvalidTrackingPropertyException("tracking.outlit.api-host",
                    "tracking.outlit.public-key is set but tracking.outlit.api-host is empty",
                    "Remove tracking.outlit.api-host to use https://app.outlit.ai, or set it to your Outlit host.");
        }
        httpUrl("tracking.outlit.api-host", outlit.getApiHost());
        required("tracking.outlit.protocol", outlit.getProtocol(), "current");
    }

    private static void validateDelivery(TrackingProperties properties) {
        BatchProperties batch = properties.getBatch();
        atLeast("tracking.batch.max-size", batch.getMaxSize(), 1);
        required("tracking.batch.max-bytes", batch.getMaxBytes(), "1MB");
        atLeast("tracking.batch.max-bytes", batch.getMaxBytes().toBytes(), 1024);
        required("tracking.batch.max-event-bytes", batch.getMaxEventBytes(), "32KB");
        atLeast("tracking.batch.max-event-bytes", batch.getMaxEventBytes().toBytes(), 256);
        positive("tracking.batch.flush-interval", batch.getFlushInterval(), Duration.ofSeconds(10));
        atLeast("tracking.queue.capacity", properties.getQueue().getCapacity(), 1);
        required("tracking.queue.overflow", properties.getQueue().getOverflow(), "drop-newest");
        RetryProperties retry = properties.getRetry();
        atLeast("tracking.retry.max-attempts", retry.getMaxAttempts(), 0);
        positive("tracking.retry.initial-backoff", retry.getInitialBackoff(), Duration.ofMillis(500));
        positive("tracking.retry.max-backoff", retry.getMaxBackoff(), Duration.ofSeconds(30));
        positive("tracking.retry.delivery-timeout", retry.getDeliveryTimeout(), Duration.ofMinutes(2));
        if (retry.getMaxBackoff().compareTo(retry.getInitialBackoff()) < 0) {
            throw new InvalidTrackingPropertyException("tracking.retry.max-backoff",
                    "tracking.retry.max-backoff (" + retry.getMaxBackoff() + ") is shorter than tracking.retry.initial-backoff ("
                            + retry.getInitialBackoff() + ")",
                    "Set tracking.retry.max-backoff to at least tracking.retry.initial-backoff.");
        }
        positive("tracking.http.timeout", properties.getHttp().getTimeout(), Duration.ofSeconds(10));
        positive("tracking.http.connect-timeout", properties.getHttp().getConnectTimeout(), Duration.ofSeconds(5));
    }

    private static void validateEntitlements(EntitlementsProperties entitlements) {
        positive("tracking.entitlements.cache-ttl", entitlements.getCacheTtl(), Duration.ofSeconds(30));
        notNegative("tracking.entitlements.stale-if-error", entitlements.getStaleIfError(), Duration.ofMinutes(10));
        required("tracking.entitlements.on-error", entitlements.getOnError(), "deny");
        atLeast("tracking.entitlements.cache-size", entitlements.getCacheSize(), 1);
    }

    static void validateLocal(LocalProperties local) {
        local.getPlans().forEach((planId, plan) -> plan.getLimits().forEach((event, limit) -> {
            String property = "tracking.local.plans." + planId + ".limits." + event;
            required(property, limit, "3");
            atLeast(property, limit, 0);
        }));
        for (Map.Entry<String, LocalProperties.Customer> entry : local.getCustomers().entrySet()) {
            String plan = entry.getValue().getPlan();
            if (plan != null && !plan.isBlank() && !local.getPlans().containsKey(plan)) {
                String property = "tracking.local.customers." + entry.getKey() + ".plan";
                throw new InvalidTrackingPropertyException(property,
                        property + " names the plan '" + plan + "', which is not configured (known plans: "
                                + local.getPlans().keySet() + ")",
                        "Add the plan under tracking.local.plans." + plan + ", or set " + property
                                + " to one of " + local.getPlans().keySet() + ".");
            }
        }
    }
}
