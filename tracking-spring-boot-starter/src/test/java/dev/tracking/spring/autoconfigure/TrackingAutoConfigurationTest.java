package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.tracking.DestinationStats;
import dev.tracking.Identity;
import dev.tracking.Message;
import dev.tracking.Tracker;
import dev.tracking.TrackingListener;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.local.LocalBackend;
import dev.tracking.spi.Destination;
import dev.tracking.spi.SendResult;
import dev.tracking.testing.RecordingTracker;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class TrackingAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TrackingAutoConfiguration.class));

    @Test
    void defaultsToTheLocalBackendAndSaysSoInOneLine(CapturedOutput output) {
        runner.run(context -> {
            Tracker tracker = context.getBean(Tracker.class);
            assertThat(LocalBackend.usedBy(tracker)).containsSame(context.getBean(LocalBackend.class));
            assertThat(destinations(tracker)).containsExactly("local");
            assertThat(context).hasSingleBean(TrackingLifecycle.class);
        });
        assertThat(output.getOut().lines().filter(line -> line.contains("Tracking to"))).singleElement()
                .asString().contains("INFO").contains("embedded local backend");
    }

    @Test
    void buildsTheLocalBackendFromPlansAndCustomers() {
        runner.withPropertyValues("tracking.local.plans.free.limits.report_exported=3",
                "tracking.local.plans.pro.features[0]=slack_integration",
                "tracking.local.customers.acme.name=Acme", "tracking.local.customers.acme.email=billing@acme.test",
                "tracking.local.customers.acme.plan=free").run(context -> {
                    Tracker tracker = context.getBean(Tracker.class);
                    AccessDecision slack = tracker.entitlements().checkFeature("acme", "slack_integration");
                    assertThat(slack.reason()).isEqualTo(AccessReason.NOT_IN_PLAN);
                    AccessDecision export = tracker.entitlements().checkEvent("acme", "report_exported");
                    assertThat(export.allowed()).isTrue();
                    assertThat(export.limit()).isEqualByComparingTo(BigDecimal.valueOf(3));
                    assertThat(context.getBean(LocalBackend.class).plans()).hasSize(2);
                });
    }

    @Test
    void backsOffToTheApplicationsTracker() {
        runner.withBean(RecordingTracker.class, RecordingTracker::new).run(context -> {
            assertThat(context).hasSingleBean(Tracker.class).doesNotHaveBean(LocalBackend.class);
            assertThat(context.getBean(Tracker.class)).isInstanceOf(RecordingTracker.class);
            assertThat(context).hasSingleBean(TrackingLifecycle.class);
        });
    }

    @Test
    void createsNothingWhenDisabled() {
        runner.withPropertyValues("tracking.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(Tracker.class).doesNotHaveBean(LocalBackend.class)
                .doesNotHaveBean(TrackingLifecycle.class).doesNotHaveBean(TrackingProperties.class));
    }

    @Test
    void sendsToLotusWhenItsKeyIsSet(CapturedOutput output) {
        runner.withPropertyValues("tracking.lotus.api-key=prefix.secret-key",
                "tracking.lotus.base-url=http://localhost:9").run(context -> {
                    assertThat(destinations(context.getBean(Tracker.class))).containsExactly("lotus");
                    assertThat(context).doesNotHaveBean(LocalBackend.class);
                });
        assertThat(output).contains("Tracking to Lotus at http://localhost:9").doesNotContain("secret-key");
    }

    @Test
    void startupLineLeavesOutCredentialsInTheBaseUrl(CapturedOutput output) {
        runner.withPropertyValues("tracking.lotus.api-key=prefix.key",
                "tracking.lotus.base-url=http://ops:hunter2@localhost:9/lotus/?token=abc123#frag")
                .run(context -> assertThat(context).hasSingleBean(Tracker.class));
        assertThat(output).contains("Tracking to Lotus at http://localhost:9/lotus/")
                .doesNotContain("hunter2").doesNotContain("abc123");
    }

    @Test
    void sendsToOutlitWhenItsKeyIsSetAndToBothWhenBothAre() {
        runner.withPropertyValues("tracking.outlit.public-key=pk_test").run(context -> {
            assertThat(destinations(context.getBean(Tracker.class))).containsExactly("outlit");
            assertThat(context).doesNotHaveBean(LocalBackend.class);
        });
        runner.withPropertyValues("tracking.outlit.public-key=pk_test", "tracking.lotus.api-key=k",
                "tracking.lotus.base-url=http://localhost:9").run(context -> assertThat(
                        destinations(context.getBean(Tracker.class))).containsExactlyInAnyOrder("lotus", "outlit"));
    }

    @Test
    void speaksTodaysOutlitContractUnlessTheLegacyProtocolIsChosen() {
        runner.withPropertyValues("tracking.outlit.public-key=pk_test").run(context -> assertThat(
                context.getBean(TrackingProperties.class).getOutlit().getProtocol())
                .isEqualTo(dev.tracking.outlit.OutlitProtocol.CURRENT));
        runner.withPropertyValues("tracking.outlit.public-key=pk_test", "tracking.outlit.protocol=legacy-v1")
                .run(context -> assertThat(TrackerOptions.outlit(context.getBean(TrackingProperties.class)
                        .getOutlit()).legacy()).isTrue());
    }

    @Test
    void keepsTheLocalBackendBesideOutlitWhenPlansAreConfigured() {
        runner.withPropertyValues("tracking.outlit.public-key=pk_test",
                "tracking.local.plans.pro.features[0]=slack_integration").run(context -> {
                    Tracker tracker = context.getBean(Tracker.class);
                    assertThat(destinations(tracker)).containsExactlyInAnyOrder("outlit", "local");
                    assertThat(LocalBackend.usedBy(tracker)).containsSame(context.getBean(LocalBackend.class));
                });
    }

    @Test
    void appliesListenersAndCustomizers() {
        List<String> seen = new CopyOnWriteArrayList<>();
        TrackingListener listener = new TrackingListener() {
            @Override
            public void onAccepted(String destination, Message message) {
                seen.add(destination);
            }
        };
        runner.withBean(TrackingListener.class, () -> listener)
                .withBean(TrackerCustomizer.class, () -> builder -> builder.destination(new Sink()))
                .run(context -> {
                    Tracker tracker = context.getBean(Tracker.class);
                    tracker.track("e", Identity.ofCustomer("c"), null);
                    assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();
                    assertThat(seen).containsExactlyInAnyOrder("local", "sink");
                });
    }

    @Test
    void closesTheTrackerWhenTheContextCloses(CapturedOutput output) {
        runner.withPropertyValues("tracking.shutdown.timeout=5s").run(context -> {
            Tracker tracker = context.getBean(Tracker.class);
            tracker.track("e", Identity.ofCustomer("c"), null);
            context.close();
            assertThatIllegalStateException().isThrownBy(() -> tracker.track("e", Identity.ofCustomer("c"), null));
            assertThat(tracker.stats()).singleElement().extracting(DestinationStats::delivered).isEqualTo(1L);
        });
        assertThat(output).contains("Tracker closed: all 1 queued messages delivered");
    }

    private static List<String> destinations(Tracker tracker) {
        return tracker.stats().stream().map(DestinationStats::destination).toList();
    }

    static final class Sink implements Destination {

        @Override
        public String name() {
            return "sink";
        }

        @Override
        public String skipReason(Message message) {
            return null;
        }

        @Override
        public SendResult send(List<Message> batch) {
            return SendResult.delivered(batch.size());
        }
    }
}
