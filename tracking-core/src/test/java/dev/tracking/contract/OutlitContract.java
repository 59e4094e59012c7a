package dev.tracking.contract;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tracking.outlit.OutlitProtocol;
import java.util.List;

/**
 * Outlit's ingest contracts ({@link ReferenceSpecs}): today's, {@code IngestPayload} of
 * {@code outlit-openapi-3.0.json}, and the 1.x one, {@code IngestEventsRequest} of {@code outlit-openapi.json},
 * which only the legacy protocol speaks.
 */
public final class OutlitContract {

    /** Today's ingest request schema (Outlit 2.0 and later, as of @outlit/node 3.0.0). */
    public static final OpenApiJsonSchema CURRENT_INGEST_REQUEST =
            OpenApiJsonSchema.load("outlit-openapi-3.0.json", "IngestPayload");

    /** The ingest request schema of the @outlit/node 1.5.x era, with {@code stage} and {@code billing} events. */
    public static final OpenApiJsonSchema LEGACY_INGEST_REQUEST =
            OpenApiJsonSchema.load("outlit-openapi.json", "IngestEventsRequest");

    private OutlitContract() {
    }

    /** The request schema of {@code protocol}. */
    public static OpenApiJsonSchema requestSchema(OutlitProtocol protocol) {
        return protocol == OutlitProtocol.LEGACY_V1 ? LEGACY_INGEST_REQUEST : CURRENT_INGEST_REQUEST;
    }

    /** Throws {@link AssertionError} when {@code body} is not a valid ingest request of today's contract. */
    public static void assertValidRequest(String body) {
        CURRENT_INGEST_REQUEST.assertValid(body);
    }

    /** Checks every request {@code server} received against today's contract; returns how many were checked. */
    public static int assertAllRequestsValid(WireMockServer server) {
        return assertAllRequestsValid(server, OutlitProtocol.CURRENT);
    }

    /** Checks every request {@code server} received against the contract of {@code protocol}. */
    public static int assertAllRequestsValid(WireMockServer server, OutlitProtocol protocol) {
        List<LoggedRequest> requests = server.findAll(WireMock.postRequestedFor(WireMock.anyUrl()));
        OpenApiJsonSchema schema = requestSchema(protocol);
        requests.forEach(request -> schema.assertValid(request.getBodyAsString()));
        return requests.size();
    }
}
