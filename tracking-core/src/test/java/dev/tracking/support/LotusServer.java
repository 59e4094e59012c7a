package dev.tracking.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tracking.lotus.LotusOptions;
import java.net.URI;

/**
 * WireMock playing a Lotus server on a random port for tests of other packages and modules: takes every event
 * batch ({@code 201}, all accepted) and allows every feature by name.
 */
public final class LotusServer implements AutoCloseable {

    /** The API key the tests use. */
    public static final String API_KEY = "pre1234.test-key";

    private static final String TRACK = "/api/track/";
    private static final String FEATURE_ACCESS = "/api/customer_feature_access/";

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

    public LotusServer() {
        server.start();
        server.stubFor(post(TRACK).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":\"all\",\"failed_events\":null}")));
        server.stubFor(get(urlPathEqualTo(FEATURE_ACCESS)).willReturn(okJson("[{\"feature_name\":\"export\","
                + "\"plan_id\":\"0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b\",\"subscription_filters\":[],"
                + "\"access\":true}]")));
    }

    /** The server's base URL, e.g. {@code http://localhost:54321}. */
    public URI baseUrl() {
        return URI.create(server.baseUrl());
    }

    /** Options that point at this server. */
    public LotusOptions lotusOptions() {
        return LotusOptions.of(API_KEY, baseUrl());
    }

    /** How many event batches arrived. */
    public int trackRequests() {
        return server.countRequestsMatching(postRequestedFor(urlPathEqualTo(TRACK)).build()).getCount();
    }

    /** How many access checks by feature name arrived. */
    public int featureChecks() {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(FEATURE_ACCESS)).build()).getCount();
    }

    /** The size in bytes of the largest event batch that arrived. */
    public int largestTrackBody() {
        return server.findAll(postRequestedFor(urlPathEqualTo(TRACK))).stream()
                .mapToInt(request -> request.getBody().length).max().orElse(0);
    }

    @Override
    public void close() {
        server.stop();
    }
}
