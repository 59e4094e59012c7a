package dev.tracking.spring.autoconfigure;

import dev.tracking.Tracker;
import dev.tracking.TrackingListener;
import dev.tracking.http.HttpSender;
import dev.tracking.local.LocalBackend;
import dev.tracking.local.LocalStore;
import dev.tracking.outbox.OutboxTransactions;
import dev.tracking.spring.outbox.SpringOutboxTransactions;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Auto-configures a {@link Tracker} from the {@code tracking.*} properties, the local backend when no remote
 * destination is configured, and the lifecycle that flushes the tracker at shutdown. Backs off when the
 * application defines its own {@link Tracker}; {@code tracking.enabled=false} switches everything off. A
 * {@code tracking.*} key that no property binds fails startup (see {@link UnknownTrackingProperties}).
 *
 * <p>Requests go through an {@link HttpSender} bean when the application declares one; otherwise each destination
 * gets its own Apache HTTP client from {@code tracking.http.*} (proxy, SSL bundles, pool limits), changed by any
 * {@link HttpClientCustomizer} beans.
 *
 * <p>With {@code tracking.outbox.enabled=true} the tracker writes the messages of its remote destinations to the
 * {@code tracking_outbox} table of the application's {@code DataSource} before they count as accepted, joining
 * Spring-managed transactions on that {@code DataSource}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(Tracker.class)
@ConditionalOnBooleanProperty(name = "tracking.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TrackingProperties.class)
public class TrackingAutoConfiguration {

    /** Checks the {@code tracking.*} keys first, so that a misspelt one fails startup before anything is built. */
    public TrackingAutoConfiguration(Environment environment) {
        UnknownTrackingProperties.check(environment);
    }

    /**
     * Where the local backend keeps usage, customers and subscriptions: the application's {@code DataSource} when
     * it has one, else memory (see {@code tracking.local.store}).
     */
    @Bean
    @ConditionalOnMissingBean({ LocalStore.class, LocalBackend.class, Tracker.class })
    @Conditional(OnLocalBackendCondition.class)
    public LocalStore trackingLocalStore(TrackingProperties properties, ObjectProvider<DataSource> dataSource,
            ApplicationContext context) {
        return LocalStores.create(properties.getLocal(), dataSource.getIfUnique(), runsWebServer(context));
    }

    /** The embedded backend, readable by the application (events, customers, usage); the tracker owns and closes it. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean({ LocalBackend.class, Tracker.class })
    @Conditional(OnLocalBackendCondition.class)
    public LocalBackend trackingLocalBackend(TrackingProperties properties, ObjectProvider<LocalStore> store) {
        return LocalBackends.create(properties.getLocal(), store.getIfAvailable(LocalStore::inMemory));
    }

    private static boolean runsWebServer(ApplicationContext context) {
        return ClassUtils.getAllInterfacesForClassAsSet(context.getClass()).stream()
                .anyMatch(type -> type.getName().equals("org.springframework.boot.web.server.context.WebServerApplicationContext"));
    }

    /** The tracker; stopped in order by {@link TrackingLifecycle}, closed again (a no-op) on destroy. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Tracker tracker(TrackingProperties properties, ObjectProvider<LocalBackend> localBackend,
            ObjectProvider<TrackingListener> listeners, ObjectProvider<TrackerCustomizer> customizers,
            ObjectProvider<HttpSender> httpSender, ObjectProvider<SslBundles> sslBundles,
            ObjectProvider<HttpClientCustomizer> httpClientCustomizers, ObjectProvider<DataSource> dataSource,
            ObjectProvider<OutboxTransactions> outboxTransactions) {
        List<TrackerCustomizer> all = new ArrayList<>();
        all.add(TrackerHttp.customizer(properties.getHttp(), httpSender.getIfUnique(), sslBundles.getIfAvailable(),
                httpClientCustomizers.orderedStream().toList()));
        all.addAll(customizers.orderedStream().toList());
        DataSource outboxDataSource = properties.getOutbox().isEnabled() ? dataSource.getIfUnique() : null;
        return TrackerFactory.create(properties, localBackend.getIfUnique(), listeners.orderedStream().toList(), all,
                outboxDataSource, outboxTransactions.getIfUnique());
    }

    /**
     * Lets the outbox write the events of a Spring-managed transaction on the application's {@code DataSource} in
     * that transaction (see {@link SpringOutboxTransactions} for when it joins). Needs spring-jdbc and spring-tx. Being
     * a {@code TransactionExecutionListener} too, it is added to the transaction managers Spring Boot configures.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = { "org.springframework.transaction.support.TransactionSynchronizationManager",
            "org.springframework.jdbc.datasource.DataSourceUtils" })
    @ConditionalOnBooleanProperty("tracking.outbox.enabled")
    @ConditionalOnSingleCandidate(DataSource.class)
    static class OutboxTransactionsConfiguration {

        @Bean
        @ConditionalOnMissingBean(OutboxTransactions.class)
        SpringOutboxTransactions trackingOutboxTransactions(DataSource dataSource) {
            return new SpringOutboxTransactions(dataSource);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    public TrackingLifecycle trackingLifecycle(Tracker tracker, TrackingProperties properties) {
        return new TrackingLifecycle(tracker, properties.getShutdown().getTimeout());
    }
}
