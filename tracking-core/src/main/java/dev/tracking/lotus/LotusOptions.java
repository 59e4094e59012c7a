package dev.tracking.lotus;

import dev.tracking.internal.check.Arguments;
import java.net.URI;
import java.util.Map;

/**
 * Where and how to reach a (self-hosted) Lotus server.
 *
 * @param apiKey the API key, sent as {@code X-API-KEY}; never logged or printed
 * @param baseUrl the API's base URL (required: there is no hosted Lotus)
 * @param ingestUrl the base URL of event ingestion ({@code /api/track/}); defaults to {@code baseUrl}
 * @param featureIds feature names mapped to Lotus feature ids; a feature found here is checked by id
 * @param metricIds event names mapped to Lotus metric ids; an event found here is checked by id
 */
public record LotusOptions(String apiKey, URI baseUrl, URI ingestUrl, Map<String, String> featureIds,
        Map<String, String> metricIds) {

    public LotusOptions {
        Arguments.requireText("apiKey", apiKey);
        Arguments.requireHttpUrl("baseUrl", baseUrl);
        ingestUrl = ingestUrl == null ? baseUrl : ingestUrl;
        Arguments.requireHttpUrl("ingestUrl", ingestUrl);
        featureIds = featureIds == null ? Map.of() : Map.copyOf(featureIds);
        metricIds = metricIds == null ? Map.of() : Map.copyOf(metricIds);
    }

    /** Options for a server at {@code baseUrl} that also ingests events there. */
    public static LotusOptions of(String apiKey, URI baseUrl) {
        return new LotusOptions(apiKey, baseUrl, null, Map.of(), Map.of());
    }

    public LotusOptions withIngestUrl(URI value) {
        return new LotusOptions(apiKey, baseUrl, value, featureIds, metricIds);
    }

    public LotusOptions withFeatureIds(Map<String, String> value) {
        return new LotusOptions(apiKey, baseUrl, ingestUrl, value, metricIds);
    }

    public LotusOptions withMetricIds(Map<String, String> value) {
        return new LotusOptions(apiKey, baseUrl, ingestUrl, featureIds, value);
    }

    @Override
    public String toString() {
        return "LotusOptions[apiKey=****, baseUrl=" + baseUrl + ", ingestUrl=" + ingestUrl
                + ", featureIds=" + featureIds + ", metricIds=" + metricIds + "]";
    }
}
