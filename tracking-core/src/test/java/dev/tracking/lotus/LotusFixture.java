package dev.tracking.lotus;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** Builds Lotus parts pointed at a WireMock server that plays Lotus. */
final class LotusFixture {

    static final String API_KEY = "pre1234.secret-value-never-printed";
    static final Instant NOW = Instant.parse("2026-11-22T10:20:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private LotusFixture() {
    }

    static WireMockExtension server() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    static LotusOptions options(WireMockExtension server) {
        return LotusOptions.of(API_KEY, URI.create(server.baseUrl()));
    }

    static LotusHttp http(LotusOptions options) {
        return new LotusHttp(options, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    static LotusClient client(LotusOptions options) {
        return new LotusClient(options, http(options), CLOCK);
    }

    static List<LoggedRequest> requests(WireMockExtension server) {
        return server.getAllServeEvents().stream().map(e -> e.getRequest()).collect(Collectors.toList());
    }

    static JsonNode body(LoggedRequest request) {
        return LotusJson.MAPPER.readTree(request.getBodyAsString());
    }
}
