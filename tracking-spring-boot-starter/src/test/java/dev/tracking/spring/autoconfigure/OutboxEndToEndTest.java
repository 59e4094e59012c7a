package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tracking.DestinationStats;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.annotation.EventProperty;
import dev.tracking.annotation.TrackEvent;
import dev.tracking.contract.OutlitServer;
import dev.tracking.spring.actuate.TrackingEndpoint;
import dev.tracking.spring.outbox.SpringOutboxTransactions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import tools.jackson.databind.JsonNode;

/**
 * The auto-configured tracker with the outbox on, on H2, sending to Outlit (played by WireMock), driven through a
 * {@code @Transactional} bean: a commit is delivered once, a rollback or an exception after {@code track()} is never
 * sent, an event outside a transaction is in the table before {@code track()} returns, and failed rows are replayed.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutboxEndToEndTest {

    private static final AtomicInteger databases = new AtomicInteger();

    private final OutlitServer outlit = new OutlitServer();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                    TransactionAutoConfiguration.class, TransactionManagerCustomizationAutoConfiguration.class,
                    TrackingAutoConfiguration.class))
            .withBean(Exports.class)
            .withPropertyValues(database())
            .withPropertyValues("tracking.outbox.enabled=true", "tracking.outlit.public-key=" + OutlitServer.PUBLIC_KEY,
                    "tracking.outlit.api-host=" + outlit.wireMock().baseUrl(), "tracking.retry.max-backoff=200ms",
                    "tracking.retry.initial-backoff=50ms", "tracking.outbox.poll-interval=100ms");

    /** The application's database: a new H2 in memory (the table is created as for any embedded database). */
    String[] database() {
        return new String[] {
            "spring.datasource.url=jdbc:h2:mem:outbox-e2e" + databases.incrementAndGet() + ";DB_CLOSE_DELAY=-1" };
    }

    @AfterEach
    void stopOutlit() {
        outlit.close();
    }

    @Test
    void aCommittedTransactionIsDeliveredOnceAndTheStartupLineSaysSo(CapturedOutput output) {
        runner.run(context -> {
            Exports exports = context.getBean(Exports.class);
            Tracker tracker = context.getBean(Tracker.class);

            exports.export("o1", Outcome.COMMIT);

            assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(exported()).containsExactly("o1");
            assertThat(rows(context.getBean(JdbcTemplate.class))).isZero();
            assertThat(output).contains("Tracking through the outbox in the application's database"
                    + " (table tracking_outbox): outlit");
        });
    }

    @Test
    void aRollbackOrAnExceptionAfterTrackIsNeverSent() {
        runner.run(context -> {
            Exports exports = context.getBean(Exports.class);
            Tracker tracker = context.getBean(Tracker.class);

            exports.export("rolled-back", Outcome.ROLLBACK);
            assertThatThrownBy(() -> exports.export("failed", Outcome.THROW)).hasMessage("export failed");
            exports.export("committed", Outcome.COMMIT);

            assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(exported()).containsExactly("committed");
            assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM exports", Long.class))
                    .isEqualTo(1);
            DestinationStats stats = outlitStats(tracker);
            assertThat(stats.accepted()).isEqualTo(1);
            assertThat(stats.delivered()).isEqualTo(1);
        });
    }

    @Test
    void aTrackEventOnATransactionalMethodIsSentOnlyWhenTheMethodCommitted() {
        runner.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class,
                TrackingAspectsAutoConfiguration.class)).withBean(AnnotatedExports.class).run(context -> {
                    AnnotatedExports exports = context.getBean(AnnotatedExports.class);

                    assertThatThrownBy(() -> exports.export("failed", true)).hasMessage("export failed");
                    exports.export("committed", false);

                    assertThat(context.getBean(Tracker.class).flush(Duration.ofSeconds(20))).isTrue();
                    assertThat(exported()).containsExactly("committed");
                });
    }

    @Test
    void anEventTrackedByAnAfterCommitListenerIsDeliveredOnce() {
        runner.withBean(ExportPublisher.class).withBean(ExportListener.class).run(context -> {
            assertThat(context.getBean(DataSourceTransactionManager.class).getTransactionExecutionListeners())
                    .contains(context.getBean(SpringOutboxTransactions.class));

            context.getBean(ExportPublisher.class).export("after-commit");

            assertThat(context.getBean(Tracker.class).flush(Duration.ofSeconds(20))).isTrue();
            assertThat(exported()).containsExactly("after-commit");
            assertThat(outlitStats(context.getBean(Tracker.class)).accepted()).isEqualTo(1);
        });
    }

    @Test
    void outsideATransactionTheEventIsInTheTableBeforeTrackReturns() {
        outlit.respond(OutlitServer.json(503, "{\"error\":\"maintenance\"}"));
        runner.run(context -> {
            Tracker tracker = context.getBean(Tracker.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            tracker.track(export("o1"));

            assertThat(rows(jdbc)).isEqualTo(1);
            outlit.respond(OutlitServer.json(200, "{\"success\":true,\"processed\":1}"));
            assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
            // the relay may have tried once already, during the outage: each request carried the one event
            assertThat(exported()).isNotEmpty().containsOnly("o1");
            assertThat(outlitStats(tracker).delivered()).isEqualTo(1);
            assertThat(rows(jdbc)).isZero();
        });
    }

    @Test
    void rowsThatFailedForGoodStayVisibleAndAreReplayedWithTheirIds() {
        outlit.respond(OutlitServer.json(400, "{\"error\":\"bad request\"}"));
        runner.run(context -> {
            Tracker tracker = context.getBean(Tracker.class);
            TrackingEndpoint endpoint = new TrackingEndpoint(tracker);
            tracker.track(export("o1"));
            assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(outboxCounts(endpoint))
                    .containsEntry("failed", 1L).containsEntry("pending", 0L));
            String failedId = outlit.events().get(0).path("uuid").asString();

            outlit.respond(OutlitServer.json(200, "{\"success\":true,\"processed\":1}"));
            assertThat(endpoint.replay("outlit", TrackingEndpoint.REPLAY_FAILED)).containsEntry("replayed", 1);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(outlit.events()).extracting(event -> event.path("uuid").asString())
                        .containsExactly(failedId, failedId);
                assertThat(outboxCounts(endpoint)).containsEntry("failed", 0L).containsEntry("pending", 0L);
            });
        });
    }

    @Test
    void aDestinationTheTrackerDoesNotHaveFailsStartupNamingTheProperty() {
        runner.withPropertyValues("tracking.outbox.destinations=lotus").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOfSatisfying(InvalidTrackingPropertyException.class, ex -> {
                        assertThat(ex.property()).isEqualTo("tracking.outbox.destinations");
                        assertThat(ex.getMessage()).contains("lotus");
                    });
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outboxCounts(TrackingEndpoint endpoint) {
        Map<String, Object> outbox = (Map<String, Object>) endpoint.tracking().get("outbox");
        return (Map<String, Object>) ((Map<String, Object>) outbox.get("destinations")).get("outlit");
    }

    private static DestinationStats outlitStats(Tracker tracker) {
        return tracker.stats().stream().filter(s -> s.destination().equals("outlit")).findFirst().orElseThrow();
    }

    private static long rows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tracking_outbox", Long.class);
    }

    private List<String> exported() {
        return outlit.events().stream().map(event -> event.path("properties").path("order"))
                .map(JsonNode::asString).toList();
    }

    static TrackMessage export(String order) {
        return TrackMessage.builder("report_exported").customerId("acme").property("order", order).build();
    }

    /** The same with the annotation: tracked by the starter's advisor around the transaction. */
    static class AnnotatedExports {

        private final JdbcTemplate jdbc;

        AnnotatedExports(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
            jdbc.execute("CREATE TABLE IF NOT EXISTS annotated_exports (id VARCHAR(36) PRIMARY KEY)");
        }

        @Transactional
        @TrackEvent(value = "report_exported", customerId = "'acme'",
                property = @EventProperty(name = "order", value = "#order"))
        public void export(String order, boolean fail) {
            jdbc.update("INSERT INTO annotated_exports VALUES (?)", order);
            if (fail) {
                throw new IllegalStateException("export failed");
            }
        }
    }

    /** Publishes an application event inside a transaction. */
    static class ExportPublisher {

        private final ApplicationEventPublisher events;

        ExportPublisher(ApplicationEventPublisher events) {
            this.events = events;
        }

        @Transactional
        public void export(String order) {
            events.publishEvent(new Exported(order));
        }
    }

    /** Tracks the export once its transaction committed (the default phase of a transactional listener). */
    static class ExportListener {

        private final Tracker tracker;

        ExportListener(Tracker tracker) {
            this.tracker = tracker;
        }

        @TransactionalEventListener
        public void on(Exported exported) {
            tracker.track(OutboxEndToEndTest.export(exported.order()));
        }
    }

    record Exported(String order) {
    }

    enum Outcome { COMMIT, ROLLBACK, THROW }

    /** Business code: stores an export and tracks it in one transaction. */
    static class Exports {

        private final JdbcTemplate jdbc;
        private final Tracker tracker;

        Exports(JdbcTemplate jdbc, Tracker tracker) {
            this.jdbc = jdbc;
            this.tracker = tracker;
            jdbc.execute("CREATE TABLE IF NOT EXISTS exports (id VARCHAR(36) PRIMARY KEY)");
        }

        @Transactional
        public void export(String order, Outcome outcome) {
            jdbc.update("INSERT INTO exports VALUES (?)", order);
            tracker.track(OutboxEndToEndTest.export(order));
            if (outcome == Outcome.ROLLBACK) {
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            }
            if (outcome == Outcome.THROW) {
                throw new IllegalStateException("export failed");
            }
        }
    }
}
