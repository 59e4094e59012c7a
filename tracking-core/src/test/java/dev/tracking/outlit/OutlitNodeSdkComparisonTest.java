package dev.tracking.outlit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tracking.DeliveryOptions;
import dev.tracking.IdentifyMessage;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.contract.OutlitServer;
import dev.tracking.contract.ReferenceSpecs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the script of {@code contracts/outlit-node-3.0.0-request.json} (the request the real @outlit/node 3.0.0
 * sent for it, recorded by a loopback server; see the README beside it) through this tracker and compares the
 * request field by field. Only what varies per run differs: each {@code uuid} (a UUIDv7 either way) and the
 * timestamps of the calls that gave none.
 */
class OutlitNodeSdkComparisonTest {

    private static final JsonNode RECORDED = JsonMapper.shared().readTree(
            ReferenceSpecs.read("outlit-node-3.0.0-request.json"));
    private static final String UUID_V7 = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private final OutlitServer outlit = new OutlitServer();

    @AfterEach
    void stop() {
        outlit.close();
    }

    @Test
    void theSameScriptSendsTheSameRequestAsTheNodeSdk() {
        long before = Instant.now().toEpochMilli();
        OutlitOptions options = OutlitOptions.of("pk_test/key+1").withApiHost(outlit.outlitOptions().apiHost());
        try (Tracker tracker = Tracker.builder().outlit(options).delivery(DeliveryOptions.builder()
                .flushInterval(Duration.ofMinutes(1)).build()).build()) {
            tracker.track(TrackMessage.builder("report_exported").email("ann@example.com").userId("u_42")
                    .customerId("acme").property("format", "pdf").property("pages", 12).property("ok", true)
                    .property("none", null).timestamp(Instant.ofEpochMilli(1764000000123L)).build());
            tracker.track(TrackMessage.builder("cust_only").customerId("acme").build());
            tracker.track(TrackMessage.builder("fp_only").fingerprint("fp_1").build());
            tracker.identify(IdentifyMessage.builder().email("ann@example.com").userId("u_42").customerId("acme")
                    .fingerprint("fp_1").traits(Map.of("name", "Ann", "age", 33)).customerTrait("plan", "pro")
                    .build());
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
        }
        long after = Instant.now().toEpochMilli();

        List<LoggedRequest> requests = outlit.requests();
        assertThat(requests).hasSize(1);
        LoggedRequest ours = requests.get(0);
        assertThat(ours.getMethod().getName()).isEqualTo(RECORDED.path("method").asString());
        assertThat(ours.getUrl()).isEqualTo(RECORDED.path("path").asString());
        assertThat(ours.getHeader("Content-Type")).startsWith(RECORDED.path("headers").path("content-type").asString());

        JsonNode expected = RECORDED.path("body");
        JsonNode actual = outlit.bodies().get(0);
        assertThat(names(actual)).isEqualTo(names(expected));
        assertThat(actual.path("source")).isEqualTo(expected.path("source"));
        assertThat(actual.path("events").size()).isEqualTo(expected.path("events").size());
        for (int i = 0; i < expected.path("events").size(); i++) {
            JsonNode want = expected.path("events").get(i);
            JsonNode got = actual.path("events").get(i);
            assertThat(names(got)).as("fields of event %d", i).isEqualTo(names(want));
            for (String field : names(want)) {
                if (field.equals("uuid")) {
                    assertThat(want.get(field).asString()).matches(UUID_V7);
                    assertThat(got.get(field).asString()).as("event %d uuid", i).matches(UUID_V7);
                } else if (field.equals("timestamp") && i > 0) {
                    assertThat(got.get(field).isIntegralNumber()).isTrue();
                    assertThat(got.get(field).asLong()).as("event %d timestamp", i).isBetween(before, after);
                } else {
                    assertThat(got.get(field)).as("event %d field %s", i, field).isEqualTo(want.get(field));
                }
            }
        }
    }

    private static TreeSet<String> names(JsonNode node) {
        return new TreeSet<>(node.propertyNames());
    }
}
