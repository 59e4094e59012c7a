package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.Identity;
import dev.tracking.Tracker;
import dev.tracking.access.FeatureAccessDeniedException;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;
import dev.tracking.local.LocalBackend;
import dev.tracking.spring.identity.IdentityResolver;
import dev.tracking.support.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two instances of an application on one real PostgreSQL database, configured by {@code spring.datasource.*}:
 * a metered gate allows exactly the limit across both, and a restart keeps usage and plan changes.
 */
class TwoInstancesOnPostgresTest {

    static final ThreadLocal<Identity> CALLER = ThreadLocal.withInitial(Identity::empty);

    private final ApplicationContextRunner app;

    TwoInstancesOnPostgresTest() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
        String database = "app_" + System.nanoTime();
        try (Connection c = server.dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        app = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, AopAutoConfiguration.class,
                        TrackingAutoConfiguration.class, TrackingAspectsAutoConfiguration.class))
                .withUserConfiguration(App.class)
                .withPropertyValues("spring.datasource.url=" + server.jdbcUrl(database),
                        "spring.datasource.username=postgres", "tracking.local.jdbc.initialize-schema=always",
                        "tracking.local.plans.free.limits.document_created=3",
                        "tracking.local.plans.pro.features=slack_integration",
                        "tracking.local.customers.acme.plan=free");
    }

    @Test
    void tenCallsAlternatingBetweenTwoInstancesAllowTheLimit() {
        app.run(one -> app.run(two -> {
            List<Documents> instances = List.of(one.getBean(Documents.class), two.getBean(Documents.class));
            CALLER.set(Identity.ofCustomer("acme"));
            List<Boolean> allowed = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    try {
                        instances.get(i % 2).create();
                        allowed.add(true);
                    }
                    catch (FeatureAccessDeniedException denied) {
                        allowed.add(false);
                    }
                }
            }
            finally {
                CALLER.remove();
            }
            assertThat(allowed).containsExactly(true, true, true, false, false, false, false, false, false, false);
            assertThat(one.getBean(LocalBackend.class).usage("acme", "document_created")).isEqualTo(3);
            assertThat(two.getBean(LocalBackend.class).usage("acme", "document_created")).isEqualTo(3);
        }));
    }

    @Test
    void aRestartedInstanceKeepsUsageAndSubscriptions() {
        app.run(context -> {
            CALLER.set(Identity.ofCustomer("acme"));
            try {
                context.getBean(Documents.class).create();
            }
            finally {
                CALLER.remove();
            }
            context.getBean(Tracker.class).billing().createSubscription("acme", "pro", null);
        });
        app.run(context -> {
            assertThat(((ConfigurableApplicationContext) context).isActive()).isTrue();
            LocalBackend backend = context.getBean(LocalBackend.class);
            assertThat(backend.usage("acme", "document_created")).isEqualTo(1);
            assertThat(backend.listSubscriptions("acme")).extracting(s -> s.planId()).containsExactly("free", "pro");
            assertThat(backend.checkFeature("acme", "slack_integration").allowed()).isTrue();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class App {

        @Bean
        IdentityResolver identityResolver() {
            return CALLER::get;
        }

        @Bean
        Documents documents() {
            return new Documents();
        }
    }

    public static class Documents {

        @GateOnFeature(event = "document_created")
        @TrackEvent("document_created")
        public String create() {
            return "doc";
        }
    }
}
