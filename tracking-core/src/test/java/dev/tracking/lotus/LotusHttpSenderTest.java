package dev.tracking.lotus;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tracking.DeliveryOptions;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.http.HttpOptions;
import dev.tracking.http.HttpReply;
import dev.tracking.http.HttpRequest;
import dev.tracking.http.HttpSender;
import dev.tracking.http.ReplyHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Lotus's requests go through the tracker's HTTP settings or sender, and are never compressed. */
class LotusHttpSenderTest {

    @RegisterExtension
    static WireMockExtension lotus = LotusFixture.server();

    @Test
    void eventIngestionIsNeverCompressedEvenWhenGzipIsOn() {
        lotus.stubFor(post("/api/track/").willReturn(okJson("{\"success\":\"all\",\"failed_events\":null}")
                .withStatus(201)));
        try (Tracker tracker = Tracker.builder().lotus(LotusFixture.options(lotus)).clock(LotusFixture.CLOCK)
                .http(HttpOptions.defaults().withGzip(true)).build()) {
            tracker.track(TrackMessage.builder("api_call").customerId("acme").timestamp(LotusFixture.NOW).build());
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
        }

        assertThat(LotusFixture.requests(lotus)).singleElement()
                .satisfies(request -> assertThat(request.containsHeader("Content-Encoding")).isFalse());
    }

    @Test
    void anApplicationSenderCarriesTheDestinationAndTheClient() {
        List<HttpRequest> sent = new CopyOnWriteArrayList<>();
        HttpSender sender = request -> {
            sent.add(request);
            String body = request.uri().getPath().equals("/api/ping/") ? "{\"organization_id\":\"org_1\"}"
                    : "{\"success\":\"all\",\"failed_events\":null}";
            return new HttpReply(request.method().equals("GET") ? 200 : 201, ReplyHeaders.of(),
                    body.getBytes(StandardCharsets.UTF_8));
        };
        LotusOptions options = LotusFixture.options(lotus);
        try (Tracker tracker = Tracker.builder().lotus(options).clock(LotusFixture.CLOCK).httpSender(sender)
                .delivery(DeliveryOptions.defaults()).build()) {
            tracker.track(TrackMessage.builder("api_call").customerId("acme").timestamp(LotusFixture.NOW).build());
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(LotusClient.create(options, sender).ping()).isEqualTo("org_1");

        assertThat(sent).extracting(request -> request.method() + " " + request.uri().getPath()
                + " " + request.idempotent()).containsExactly("POST /api/track/ true", "GET /api/ping/ true");
        assertThat(sent).allSatisfy(request -> assertThat(request.headers()).containsEntry("X-API-KEY",
                LotusFixture.API_KEY));
        assertThat(LotusFixture.requests(lotus)).isEmpty();
    }
}
