package dev.tracking.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

/** Settings under {@code tracking.lotus}: a self-hosted Lotus server for metering, access checks and billing. */
public class LotusProperties {

    /** Lotus API key, sent as X-API-KEY; setting it turns the Lotus destination on. */
    private String apiKey;

    /** Base URL of the Lotus API, e.g. https://lotus.example.com; required with an API key. */
    private String baseUrl;

    /** Base URL of Lotus event ingestion (/api/track/) when it differs from the base URL. */
    private String ingestUrl;

    /** Feature names mapped to Lotus feature ids; a mapped feature is checked by id instead of by name. */
    private Map<String, String> featureIds = new LinkedHashMap<>();

    /** Event names mapped to Lotus metric ids; a mapped event is checked by id instead of by name. */
    private Map<String, String> metricIds = new LinkedHashMap<>();

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getIngestUrl() {
        return ingestUrl;
    }

    public void setIngestUrl(String ingestUrl) {
        this.ingestUrl = ingestUrl;
    }

    public Map<String, String> getFeatureIds() {
        return featureIds;
    }

    public void setFeatureIds(Map<String, String> featureIds) {
        this.featureIds = featureIds;
    }

    public Map<String, String> getMetricIds() {
        return metricIds;
    }

    public void setMetricIds(Map<String, String> metricIds) {
        this.metricIds = metricIds;
    }

    /** Whether an API key is set, i.e. whether Lotus is a destination. */
    public boolean isConfigured() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "LotusProperties[apiKey=" + (isConfigured() ? "****" : "<none>") + ", baseUrl="
                + DisplayedUrls.of(baseUrl) + ", ingestUrl=" + DisplayedUrls.of(ingestUrl) + "]";
    }
}
