package dev.tracking.contract;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * Outlit's ingest contract: request bodies must match {@code IngestEventsRequest} of
 * {@code outlit-openapi.json} ({@link ReferenceSpecs}).
 */
public final class OutlitContract {

    /** The ingest request schema. */
    public static final OpenApiJsonSchema INGEST_EVENTS_REQUEST =
            OpenApiJsonSchema.load("outlit-openapi.json", "IngestEventsRequest");

    private OutlitContract() {
    }

    /** Throws {@link AssertionError} when {@code body} is not a valid ingest request. */
    public static void assertValidRequest(String body) {
        INGEST_EVENTS_REQUEST.assertValid(body);
    }

    /** Checks every request {@code server} received against the ingest schema; returns how many were checked. */
    public static int assertAllRequestsValid(WireMockServer server) {
        List<LoggedRequest> requests = server.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        requests.forEach(request -> assertValidRequest(request.getBodyAsString()));
        return requests.size();
    }
}
