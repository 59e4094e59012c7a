package dev.tracking.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tracking.outlit.OutlitOptions;
import dev.tracking.outlit.OutlitProtocol;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WireMock playing Outlit's ingest endpoint on a random port. Accepts everything unless told otherwise, and on
 * {@link #close()} checks every request it received against the contract of its protocol: today's
 * ({@code outlit-openapi-3.0.json}) unless made with {@link OutlitProtocol#LEGACY_V1} ({@code outlit-openapi.json}).
 */
public final class OutlitServer implements AutoCloseable {

    /** The public key the tests use. */
    public static final String PUBLIC_KEY = "pk_test_1";

    private static final String EVENTS_PATH = "/api/i/v1/[^/]+/events";
    private static final JsonMapper JSON = JsonMapper.shared();

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    private final OutlitProtocol protocol;
    private final AtomicInteger sequences = new AtomicInteger();

    /** A server that speaks today's contract. */
    public OutlitServer() {
        this(OutlitProtocol.CURRENT);
    }

    /** A server that speaks the contract of {@code protocol}. */
    public OutlitServer(OutlitProtocol protocol) {
        this.protocol = protocol;
        server.start();
        respond(okJson("{\"success\":true,\"processed\":1}"));
    }

    /** Options pointing at this server with {@link #PUBLIC_KEY}, in its protocol. */
    public OutlitOptions outlitOptions() {
        return OutlitOptions.of(PUBLIC_KEY).withApiHost(URI.create(server.baseUrl())).withProtocol(protocol);
    }

    /** Answers every ingest request with {@code response}. */
    public void respond(ResponseDefinitionBuilder response) {
        replaceStubs(() -> server.stubFor(post(urlPathMatching(EVENTS_PATH)).willReturn(response)));
    }

    /** Answers the first requests with {@code responses} in order, and repeats the last one after that. */
    public void respondInSequence(ResponseDefinitionBuilder... responses) {
        String scenario = "sequence-" + sequences.incrementAndGet();
        replaceStubs(() -> {
            for (int i = 0; i < responses.length; i++) {
                String state = i == 0 ? Scenario.STARTED : "step-" + i;
                var stub = post(urlPathMatching(EVENTS_PATH)).inScenario(scenario).whenScenarioStateIs(state)
                        .willReturn(responses[i]);
                if (i + 1 < responses.length) {
                    stub = stub.willSetStateTo("step-" + (i + 1));
                }
                server.stubFor(stub);
            }
        });
    }

    /**
     * Adds the new stubs before removing the old ones, so that a request arriving in between is answered by one or
     * the other, never by WireMock's unmatched 404 (the newest stub wins among equals).
     */
    private void replaceStubs(Runnable addNew) {
        List<StubMapping> old = server.getStubMappings();
        addNew.run();
        old.forEach(server::removeStubMapping);
    }

    /** A JSON response with {@code status} and {@code body}. */
    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The requests received so far, oldest first. */
    public List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(anyUrl()));
    }

    /** The parsed request bodies, oldest first. */
    public List<JsonNode> bodies() {
        return requests().stream().map(r -> JSON.readTree(r.getBodyAsString())).toList();
    }

    /** Every event of every request, in order. */
    public List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        bodies().forEach(body -> body.path("events").forEach(events::add));
        return events;
    }

    public WireMockServer wireMock() {
        return server;
    }

    @Override
    public void close() {
        try {
            OutlitContract.assertAllRequestsValid(server, protocol);
        } finally {
            server.stop();
        }
    }
}
