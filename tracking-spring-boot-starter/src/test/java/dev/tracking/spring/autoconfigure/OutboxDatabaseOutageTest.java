package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.awaitility.Awaitility.await;

import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.contract.OutlitServer;
import dev.tracking.spring.actuate.TrackingHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The application's database goes down while the outbox is on: {@code track()} still returns, the event goes to the
 * memory queue and is delivered from there, and health and metrics say that it was not durable.
 */
class OutboxDatabaseOutageTest {

    private static final AtomicInteger databases = new AtomicInteger();

    private final OutlitServer outlit = new OutlitServer();
    private final SwitchableDataSource database = new SwitchableDataSource(new SimpleDriverDataSource(
            new org.h2.Driver(), "jdbc:h2:mem:outbox-outage" + databases.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
            "sa", ""));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TrackingAutoConfiguration.class, MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, TrackingMetricsAutoConfiguration.class,
                    TrackingHealthAutoConfiguration.class))
            .withBean(DataSource.class, () -> database)
            .withPropertyValues("tracking.outbox.enabled=true", "tracking.outlit.public-key=" + OutlitServer.PUBLIC_KEY,
                    "tracking.outlit.api-host=" + outlit.wireMock().baseUrl(), "tracking.outbox.write-timeout=200ms",
                    "tracking.batch.flush-interval=100ms");

    @AfterEach
    void stopOutlit() {
        outlit.close();
    }

    @Test
    void anEventTheDatabaseCannotTakeIsDeliveredFromMemoryAndCountedAsNotDurable() {
        runner.run(context -> {
            Tracker tracker = context.getBean(Tracker.class);
            database.down = true;

            tracker.track(TrackMessage.builder("report_exported").customerId("acme").property("order", "o1").build());

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(outlit.events())
                    .extracting(event -> event.path("properties").path("order").asString()).containsExactly("o1"));
            Health health = context.getBean(TrackingHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails().get("outbox")).asInstanceOf(MAP).containsEntry("notDurable", 1L);
            assertThat(health.getDetails().get("warnings")).asInstanceOf(LIST).singleElement().asString()
                    .contains("not_durable");
            assertThat(context.getBean(MeterRegistry.class).get("tracking.outbox.not.durable").functionCounter()
                    .count()).isEqualTo(1);

            database.down = false;
            tracker.track(TrackMessage.builder("report_exported").customerId("acme").property("order", "o2").build());
            assertThat(tracker.outbox().orElseThrow().notDurable()).as("written to the table again").isEqualTo(1);
            assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(outlit.events()).extracting(event -> event.path("properties").path("order").asString())
                    .containsExactly("o1", "o2");
        });
    }

    /** The application's database, which can be taken down: every new connection is then refused. */
    static final class SwitchableDataSource extends DelegatingDataSource {

        volatile boolean down;

        SwitchableDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLTransientConnectionException("connection refused", "08001");
            }
            return super.getConnection();
        }
    }
}
