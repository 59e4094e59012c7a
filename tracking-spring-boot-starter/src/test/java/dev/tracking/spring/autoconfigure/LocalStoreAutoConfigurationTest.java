package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.Tracker;
import dev.tracking.local.LocalBackend;
import dev.tracking.local.LocalStore;
import dev.tracking.local.jdbc.JdbcLocalStore;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LocalStoreAutoConfigurationTest {

    private static int databases;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, TrackingAutoConfiguration.class))
            .withPropertyValues("tracking.local.plans.free.limits.report_exported=3",
                    "tracking.local.plans.pro.features=slack_integration", "tracking.local.customers.acme.plan=free");

    private static ApplicationContextRunner withoutDataSource() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TrackingAutoConfiguration.class))
                .withPropertyValues("tracking.local.plans.free.limits.report_exported=3");
    }

    private ApplicationContextRunner withH2() {
        return runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:store" + ++databases + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void withoutADataSourceUsesMemoryAndSaysSo(CapturedOutput output) {
        withoutDataSource().run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(LocalStore.class)).isNotInstanceOf(JdbcLocalStore.class);
                    assertThat(output).contains("in memory, per instance: they are lost on restart");
                });
    }

    @Test
    void theInMemoryStoreCanBeForbidden() {
        withoutDataSource().withPropertyValues("tracking.local.allow-memory-store=false").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOfSatisfying(InvalidTrackingPropertyException.class,
                                    ex -> assertThat(ex.property()).isEqualTo("tracking.local.allow-memory-store"));
                });
    }

    @Test
    void inAWebApplicationTheMemoryLineIsAWarning(CapturedOutput output) {
        LocalStores.create(new LocalProperties(), null, true);
        assertThat(output).contains("WARN").contains(LocalStores.MEMORY_LINE);
    }

    @Test
    void withADataSourceUsesItsDatabaseAndCreatesTheTablesOfAnEmbeddedOne() {
        withH2().run(context -> {
            assertThat(context.getBean(LocalStore.class)).isInstanceOf(JdbcLocalStore.class);
            LocalBackend backend = context.getBean(LocalBackend.class);
            assertThat(backend.tryConsume("acme", "report_exported", 2).allowed()).isTrue();
            assertThat(count(context.getBean(DataSource.class), "tracking_usage")).isEqualTo(1);
        });
    }

    @Test
    void memoryCanBeForcedBesideADataSource() {
        withH2().withPropertyValues("tracking.local.store=memory")
                .run(context -> assertThat(context.getBean(LocalStore.class)).isNotInstanceOf(JdbcLocalStore.class));
    }

    @Test
    void neverLeavesTheTablesToTheApplication() {
        withH2().withPropertyValues("tracking.local.jdbc.initialize-schema=never").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOfSatisfying(InvalidTrackingPropertyException.class, ex -> {
                        assertThat(ex.property()).isEqualTo("tracking.local.jdbc.initialize-schema");
                        assertThat(ex.getMessage()).containsIgnoringCase("tracking_customer");
                    });
        });
    }

    @Test
    void aRestartKeepsUsageAndPlanChanges() {
        ApplicationContextRunner app = withH2();
        app.run(context -> {
            Tracker tracker = context.getBean(Tracker.class);
            tracker.entitlements().tryConsume("acme", "report_exported", 1).commit();
            tracker.billing().createSubscription("acme", "pro", null);
        });
        app.run(context -> {
            LocalBackend backend = context.getBean(LocalBackend.class);
            assertThat(backend.usage("acme", "report_exported")).isEqualTo(1);
            assertThat(backend.checkFeature("acme", "slack_integration").allowed()).isTrue();
            assertThat(backend.listSubscriptions("acme")).hasSize(2);
        });
    }

    private static long count(DataSource dataSource, String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
