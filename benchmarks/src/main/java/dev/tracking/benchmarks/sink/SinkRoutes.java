package dev.tracking.benchmarks.sink;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The answers each client expects: Outlit's events endpoint, Lotus's track and feature-access endpoints,
 * PostHog's {@code /batch}, Segment's {@code /v1/import}, and the sink's own {@code /count} and {@code /reset}.
 */
final class SinkRoutes {

    private final SinkCounters counters;

    SinkRoutes(SinkCounters counters) {
        this.counters = counters;
    }

    /** Whether requests to {@code path} carry benchmark events. */
    static boolean isIngestion(String path) {
        return path.startsWith("/api/i/v1/") || path.startsWith("/api/track") || path.startsWith("/batch")
                || path.startsWith("/v1/import") || path.startsWith("/capture");
    }

    /** The response to an ingestion request that carried {@code events} benchmark events. */
    SinkResponse ingestion(String path, long events) {
        if (path.startsWith("/api/i/v1/")) {
            return SinkResponse.json(200, "{\"success\":true,\"processed\":" + events + "}");
        }
        if (path.startsWith("/api/track")) {
            return SinkResponse.json(201, "{\"success\":\"all\",\"failed_events\":null}");
        }
        if (path.startsWith("/v1/import")) {
            return SinkResponse.json(200, "{\"success\":true}");
        }
        return SinkResponse.json(200, "{\"status\":1}");
    }

    /** The response to anything that is not ingestion. */
    SinkResponse other(RequestHead head) {
        return switch (head.path()) {
            case "/count" -> SinkResponse.text(counters.snapshot());
            case "/reset" -> {
                counters.reset();
                yield SinkResponse.text(counters.snapshot());
            }
            case "/api/ping/" -> SinkResponse.json(200, "{\"organization_id\":\"org_bench\"}");
            case "/api/customer_feature_access/" -> featureAccess(head);
            default -> SinkResponse.json(404, "{\"title\":\"not_found\"}");
        };
    }

    private static SinkResponse featureAccess(RequestHead head) {
        String feature = URLDecoder.decode(head.queryParameter("feature_name"), StandardCharsets.UTF_8);
        return SinkResponse.json(200, "[{\"feature_name\":\"" + feature.replace("\"", "")
                + "\",\"plan_id\":\"plan_bench\",\"subscription_filters\":[],\"access\":true}]");
    }
}
