package dev.tracking.outlit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.DestinationStats;
import dev.tracking.Identity;
import dev.tracking.Tracker;
import dev.tracking.contract.OutlitServer;
import dev.tracking.http.HttpOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With gzip switched on, Outlit's requests are compressed and still carry exactly what the contract says. */
class OutlitGzipTest {

    @Test
    void gzipCompressesTheBodyAndTheServerReadsTheSameEvents() {
        try (OutlitServer server = new OutlitServer()) {
            try (Tracker tracker = Tracker.builder().outlit(server.outlitOptions())
                    .delivery(OutlitTestTrackers.DELIVERY).http(HttpOptions.defaults().withGzip(true)).build()) {
                tracker.track("report_exported", Identity.ofUser("u_1"), Map.of("format", "pdf"));

                assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
                assertThat(tracker.stats()).extracting(DestinationStats::delivered).containsExactly(1L);
            }

            assertThat(server.requests()).singleElement().satisfies(request -> {
                assertThat(request.getHeader("Content-Encoding")).isEqualTo("gzip");
                assertThat(request.getHeader("Content-Length")).isNull();
            });
            assertThat(server.events()).singleElement()
                    .satisfies(event -> assertThat(event.path("eventName").asString()).isEqualTo("report_exported"));
        }
    }

    @Test
    void withoutTheSettingBodiesAreNotCompressed() {
        try (OutlitServer server = new OutlitServer()) {
            try (Tracker tracker = Tracker.builder().outlit(server.outlitOptions())
                    .delivery(OutlitTestTrackers.DELIVERY).build()) {
                tracker.track("report_exported", Identity.ofUser("u_1"), Map.of());
                assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
            }

            assertThat(server.requests()).singleElement()
                    .satisfies(request -> assertThat(request.containsHeader("Content-Encoding")).isFalse());
        }
    }
}
