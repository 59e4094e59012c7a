package dev.tracking.spring.autoconfigure;

import dev.tracking.Tracker;
import dev.tracking.TrackingListener;
import dev.tracking.local.LocalBackend;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * Auto-configures a {@link Tracker} from the {@code tracking.*} properties, the local backend when no remote
 * destination is configured, and the lifecycle that flushes the tracker at shutdown. Backs off when the
 * application defines its own {@link Tracker}; {@code tracking.enabled=false} switches everything off. A
 * {@code tracking.*} key that no property binds fails startup (see {@link UnknownTrackingProperties}).
 */
@AutoConfiguration
@ConditionalOnClass(Tracker.class)
@ConditionalOnBooleanProperty(name = "tracking.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TrackingProperties.class)
public class TrackingAutoConfiguration {

    /** Checks the {@code tracking.*} keys first, so that a misspelt one fails startup before anything is built. */
    public TrackingAutoConfiguration(Environment environment) {
        UnknownTrackingProperties.check(environment);
    }

    /** The embedded backend, readable by the application (events, customers, usage); the tracker owns and closes it. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean({ LocalBackend.class, Tracker.class })
    @Conditional(OnLocalBackendCondition.class)
    public LocalBackend trackingLocalBackend(TrackingProperties properties) {
        return LocalBackends.create(properties.getLocal());
    }

    /** The tracker; stopped in order by {@link TrackingLifecycle}, closed again (a no-op) on destroy. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Tracker tracker(TrackingProperties properties, ObjectProvider<LocalBackend> localBackend,
            ObjectProvider<TrackingListener> listeners, ObjectProvider<TrackerCustomizer> customizers) {
        return TrackerFactory.create(properties, localBackend.getIfUnique(), listeners.orderedStream().toList(),
                customizers.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    public TrackingLifecycle trackingLifecycle(Tracker tracker, TrackingProperties properties) {
        return new TrackingLifecycle(tracker, properties.getShutdown().getTimeout());
    }
}
