package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.tracking.DestinationStats;
import dev.tracking.Tracker;
import dev.tracking.outbox.Outbox;
import dev.tracking.outbox.OutboxOptions;
import dev.tracking.outbox.OutboxTransactions;
import dev.tracking.spring.autoconfigure.LocalProperties.InitializeSchema;
import dev.tracking.spring.metrics.TrackingOutboxMetrics;
import dev.tracking.spring.outbox.SpringOutboxTransactions;
import dev.tracking.testing.RecordingTracker;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** {@code tracking.outbox.*}: binding, checks at startup, the table, and the beans that come with it. */
@ExtendWith(OutputCaptureExtension.class)
class OutboxAutoConfigurationTest {

    private static final AtomicInteger databases = new AtomicInteger();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, TrackingAutoConfiguration.class));

    private static ApplicationContextRunner withoutDataSource() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TrackingAutoConfiguration.class));
    }

    private ApplicationContextRunner withH2() {
        return runner.withPropertyValues(
                "spring.datasource.url=jdbc:h2:mem:outbox-config" + databases.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void isOffByDefaultWithTheDocumentedDefaults() {
        OutboxProperties outbox = new TrackingProperties().getOutbox();

        assertThat(outbox.isEnabled()).isFalse();
        assertThat(outbox.getDestinations()).isEmpty();
        assertThat(outbox.getWriteTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(outbox.getLease()).isEqualTo(Duration.ofMinutes(5));
        assertThat(outbox.getPollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(outbox.getRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(outbox.getInitializeSchema()).isEqualTo(InitializeSchema.EMBEDDED);
        withH2().run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(OutboxTransactions.class);
            assertThat(context.getBean(Tracker.class).outbox()).isEmpty();
        });
    }

    @Test
    void bindsEveryKey() {
        withH2().withPropertyValues("tracking.outbox.destinations=lotus, outlit", "tracking.outbox.write-timeout=250ms",
                "tracking.outbox.lease=10m", "tracking.outbox.poll-interval=2s", "tracking.outbox.retention=30d",
                "tracking.outbox.initialize-schema=never").run(context -> {
                    assertThat(context).hasNotFailed();
                    OutboxProperties outbox = context.getBean(TrackingProperties.class).getOutbox();
                    assertThat(outbox.getDestinations()).containsExactly("lotus", "outlit");
                    assertThat(outbox.getWriteTimeout()).isEqualTo(Duration.ofMillis(250));
                    assertThat(outbox.getLease()).isEqualTo(Duration.ofMinutes(10));
                    assertThat(outbox.getPollInterval()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(outbox.getRetention()).isEqualTo(Duration.ofDays(30));
                    assertThat(outbox.getInitializeSchema()).isEqualTo(InitializeSchema.NEVER);
                });
    }

    @Test
    void mapsThePropertiesToTheOutboxOptionsAndCreatesTheTableOfAnEmbeddedDatabase() throws SQLException {
        DataSource dataSource = h2();
        OutboxProperties properties = new OutboxProperties();
        properties.setEnabled(true);
        properties.setDestinations(List.of("outlit"));
        properties.setWriteTimeout(Duration.ofMillis(250));
        properties.setLease(Duration.ofMinutes(10));
        properties.setPollInterval(Duration.ofSeconds(2));
        properties.setRetention(Duration.ofDays(30));
        OutboxTransactions transactions = new SpringOutboxTransactions(dataSource);

        OutboxOptions options = TrackerOutbox.options(properties, dataSource, transactions);

        assertThat(options.dataSource()).isSameAs(dataSource);
        assertThat(options.destinations()).containsExactly("outlit");
        assertThat(options.transactions()).isSameAs(transactions);
        assertThat(options.writeTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.lease()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.retention()).isEqualTo(Duration.ofDays(30));
        try (Connection connection = dataSource.getConnection();
                var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM tracking_outbox")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isZero();
        }
        assertThat(TrackerOutbox.options(new OutboxProperties(), dataSource, transactions)).as("off").isNull();
    }

    @Test
    void withoutADataSourceStartupFailsSayingSo() {
        withoutDataSource().withPropertyValues("tracking.outbox.enabled=true").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new InvalidTrackingPropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("tracking.outbox.enabled is true")
                    .contains("no DataSource").contains("Property: tracking.outbox.enabled");
            assertThat(analysis.getAction()).contains("spring.datasource.url").contains("tracking.outbox.enabled=false");
        });
    }

    @Test
    void withTwoDataSourcesAndNoPrimaryStartupFailsSayingSo() {
        withoutDataSource().withBean("first", DataSource.class, OutboxAutoConfigurationTest::h2)
                .withBean("second", DataSource.class, OutboxAutoConfigurationTest::h2)
                .withPropertyValues("tracking.outbox.enabled=true", "tracking.local.store=memory").run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new InvalidTrackingPropertyFailureAnalyzer()
                            .analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("or several and none is primary");
                    assertThat(analysis.getAction()).contains("@Primary");
                });
    }

    @Test
    void neverLeavesTheTableToTheApplicationAndSaysWhichScriptCreatesIt() {
        withH2().withPropertyValues("tracking.outbox.enabled=true", "tracking.outbox.initialize-schema=never")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new InvalidTrackingPropertyFailureAnalyzer()
                            .analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("tracking_outbox")
                            .contains("Property: tracking.outbox.initialize-schema");
                    assertThat(analysis.getAction()).contains("dev/tracking/outbox/schema-h2.sql");
                });
    }

    @Test
    void aDatabaseDownAtStartupIsLoggedAndTheTrackerStartsOnTheMemoryQueues(CapturedOutput output) {
        DataSource down = new org.springframework.jdbc.datasource.DelegatingDataSource(h2()) {
            @Override
            public Connection getConnection() throws SQLException {
                throw new java.sql.SQLTransientConnectionException("connection refused", "08001");
            }
        };
        withoutDataSource().withBean(DataSource.class, () -> down)
                .withPropertyValues("tracking.outbox.enabled=true", "tracking.outlit.public-key=pk_test_1")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Tracker.class).outbox()).hasValueSatisfying(
                            outbox -> assertThat(outbox.destinations()).containsExactly("outlit"));
                    assertThat(output).contains("Tracking's outbox cannot reach the database to check its table"
                            + " (SQLTransientConnectionException)");
                });
    }

    @Test
    void aLeaseNotLongerThanTheDeliveryTimeoutFailsStartup() {
        withH2().withPropertyValues("tracking.outbox.enabled=true", "tracking.outbox.lease=2m",
                "tracking.retry.delivery-timeout=2m").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOfSatisfying(InvalidTrackingPropertyException.class, ex -> {
                                assertThat(ex.property()).isEqualTo("tracking.outbox.lease");
                                assertThat(ex.action()).contains("3m");
                            });
                });
    }

    @Test
    void aNonPositiveDurationFailsStartupNamingIt() {
        withH2().withPropertyValues("tracking.outbox.write-timeout=0s").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOfSatisfying(InvalidTrackingPropertyException.class,
                                ex -> assertThat(ex.property()).isEqualTo("tracking.outbox.write-timeout")));
    }

    @Test
    void joinsSpringTransactionsOnTheApplicationsDataSourceWhenOn() {
        withH2().withBean(Tracker.class, RecordingTracker::new).withPropertyValues("tracking.outbox.enabled=true")
                .run(context -> assertThat(context).hasNotFailed()
                        .getBean(OutboxTransactions.class).isInstanceOf(SpringOutboxTransactions.class));
        withH2().withBean(Tracker.class, RecordingTracker::new)
                .run(context -> assertThat(context).doesNotHaveBean(OutboxTransactions.class));
    }

    @Test
    void publishesTheOutboxMetersOnlyWhenOn() {
        ApplicationContextRunner metrics = withH2().withBean(Tracker.class, RecordingTracker::new)
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        SimpleMetricsExportAutoConfiguration.class, TrackingMetricsAutoConfiguration.class));
        metrics.withPropertyValues("tracking.outbox.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(TrackingOutboxMetrics.class));
        metrics.run(context -> assertThat(context).doesNotHaveBean(TrackingOutboxMetrics.class));
    }

    @Test
    void onTheLocalBackendAloneTheOutboxCoversNothingAndStartupWarnsSo(CapturedOutput output) {
        withH2().withPropertyValues("tracking.outbox.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Tracker.class).outbox()).hasValueSatisfying(
                    outbox -> assertThat(outbox.destinations()).isEmpty());
            assertThat(output).containsPattern("WARN .*Tracking's outbox is on but no destination goes through it"
                    + " \\(in memory queues: local\\)");
        });
    }

    @Test
    void theLocalBackendGoesThroughTheOutboxWhenNamed() {
        withH2().withPropertyValues("tracking.outbox.enabled=true", "tracking.outbox.destinations=local",
                "tracking.local.plans.free.limits.report_exported=3", "tracking.local.customers.acme.plan=free")
                .run(context -> {
                    Tracker tracker = context.getBean(Tracker.class);
                    assertThat(tracker.outbox()).hasValueSatisfying(
                            outbox -> assertThat(outbox.destinations()).containsExactly("local"));

                    tracker.track(dev.tracking.TrackMessage.builder("report_exported").customerId("acme").build());

                    assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
                    assertThat(context.getBean(dev.tracking.local.LocalBackend.class).usage("acme"))
                            .containsEntry("report_exported", 1L);
                    assertThat(tracker.outbox().orElseThrow().pending("local")).isZero();
                });
    }

    @Test
    void theStartupLineNamesTheDestinationsThatGoThroughTheOutboxAndThoseThatDoNot() {
        Tracker tracker = mock(Tracker.class);
        Outbox outbox = mock(Outbox.class);
        given(tracker.stats()).willReturn(List.of(stats("lotus"), stats("outlit"), stats("local")));
        given(outbox.destinations()).willReturn(Set.of("outlit", "lotus"));

        assertThat(TrackerOutbox.line(tracker, outbox))
                .startsWith("Tracking through the outbox in the application's database (table tracking_outbox): "
                        + "lotus, outlit")
                .endsWith("; in memory queues: local");

        given(outbox.destinations()).willReturn(Set.of());
        assertThat(TrackerOutbox.line(tracker, outbox)).contains("no destination goes through it")
                .contains("tracking.outbox.destinations");
    }

    private static DestinationStats stats(String destination) {
        return DestinationStats.builder(destination).build();
    }

    private static DataSource h2() {
        return new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:outbox-options" + databases.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
