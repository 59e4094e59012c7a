package dev.tracking.outlit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatus;
import dev.tracking.BillingStatusMessage;
import dev.tracking.DeliveryOptions;
import dev.tracking.DestinationStats;
import dev.tracking.IdentifyMessage;
import dev.tracking.Identity;
import dev.tracking.OverflowPolicy;
import dev.tracking.RetryOptions;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.UserStage;
import dev.tracking.contract.OutlitServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's "Plain Java: Outlit" example, step by step, against a stub that answers like Outlit. */
class OutlitReadmeExamplesTest {

    private final OutlitServer server = new OutlitServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyOutlitOperationOfTheReadme() {
        OutlitOptions outlit = OutlitOptions.of(OutlitServer.PUBLIC_KEY)
                .withApiHost(server.outlitOptions().apiHost())
                .withProtocol(OutlitProtocol.CURRENT);
        DeliveryOptions delivery = DeliveryOptions.builder()
                .flushInterval(Duration.ofSeconds(10))
                .maxBatchSize(1000)
                .queueCapacity(10_000)
                .overflow(OverflowPolicy.DROP_NEWEST)
                .maxEventBytes(32 * 1024)
                .httpTimeout(Duration.ofSeconds(10))
                .retry(RetryOptions.builder().initialBackoff(Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(30))
                        .deliveryTimeout(Duration.ofMinutes(2)).build())
                .shutdownTimeout(Duration.ofSeconds(10))
                .build();
        assertThat(delivery).isEqualTo(DeliveryOptions.defaults());

        Tracker tracker = Tracker.builder().outlit(outlit).delivery(delivery).build();
        tracker.track(TrackMessage.builder("report_exported").email("ann@example.com").customerId("acme")
                .property("format", "pdf").customerTrait("plan", "pro").timestamp(Instant.now()).build());
        tracker.track("api_call", Identity.ofUser("u_42"), Map.of("endpoint", "/v1/reports"));
        tracker.identify(IdentifyMessage.builder().email("ann@example.com").userId("u_42").customerId("acme")
                .trait("name", "Ann").customerTrait("plan", "pro").build());
        tracker.activate(ActivationMessage.activated().userId("u_42").build());
        tracker.activate(ActivationMessage.builder(UserStage.ENGAGED).email("ann@example.com").build());
        tracker.billingStatus(BillingStatusMessage.builder(BillingStatus.PAID, "acme").property("plan", "pro").build());

        CompletableFuture<Void> flushed = tracker.flush();
        boolean finished = tracker.flush(Duration.ofSeconds(5));
        int queued = tracker.queueSize();
        DestinationStats stats = tracker.stats().get(0);
        tracker.close();

        assertThat(finished).isTrue();
        assertThat(flushed).isDone();
        assertThat(queued).isZero();
        assertThat(stats.destination()).isEqualTo("outlit");
        assertThat(stats.delivered()).isEqualTo(6);
        assertThat(server.events()).extracting(e -> e.path("type").asString())
                .containsExactlyInAnyOrder("custom", "custom", "identify", "custom", "custom", "custom");
        assertThat(server.events()).extracting(e -> e.path("eventName").asString(null)).containsExactlyInAnyOrder(
                "report_exported", "api_call", null, "user_activated", "user_engaged", "customer_paid");
    }

    @Test
    void theReadmeShowsThisExample() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(readme).contains("## Plain Java: Outlit", "## Delivery guarantees",
                "tracker.activate(ActivationMessage.activated().userId(\"u_42\").build());",
                "tracker.billingStatus(BillingStatusMessage.builder(BillingStatus.PAID, \"acme\").property(\"plan\", \"pro\").build());",
                "int queued = tracker.queueSize();", ".withProtocol(OutlitProtocol.CURRENT);",
                ".property(\"format\", \"pdf\").customerTrait(\"plan\", \"pro\").timestamp(Instant.now()).build());",
                ".retry(RetryOptions.builder().initialBackoff(Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(30))",
                "DeliveryOptions delivery = DeliveryOptions.builder()");
    }
}
