package dev.tracking.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Fails startup on a {@code tracking.*} key that no tracking property binds (a typo such as
 * {@code tracking.lotus.api-kye} would otherwise leave the application running on the wrong backend), naming the
 * key, where it was set and the closest valid key. Keys inside maps of user data (plan and customer ids) are
 * checked too. Environment variables only warn: platforms set variables such as {@code TRACKING_SERVICE_HOST} that
 * the application never chose.
 */
public final class UnknownTrackingProperties {

    private static final Logger log = LoggerFactory.getLogger(UnknownTrackingProperties.class);

    private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("tracking");

    private static final TrackingPropertyKeys KEYS = new TrackingPropertyKeys("tracking", TrackingProperties.class);

    private UnknownTrackingProperties() {
    }

    /**
     * Checks every {@code tracking.*} key of the environment's property sources.
     *
     * @throws InvalidTrackingPropertyException naming the first unknown key and the closest valid one
     */
    public static void check(Environment environment) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return;
        }
        List<String> warnings = new ArrayList<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(configurable)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            boolean systemEnvironment = source.getUnderlyingSource() instanceof PropertySource<?> underlying
                    && StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(underlying.getName());
            for (ConfigurationPropertyName name : (Iterable<ConfigurationPropertyName>) iterable.stream()::iterator) {
                if (!PREFIX.isAncestorOf(name) || KEYS.isKnown(name)) {
                    continue;
                }
                String closest = KEYS.closest(name);
                if (systemEnvironment) {
                    warnings.add(name + (closest == null ? "" : " (did you mean " + closest + "?)"));
                    continue;
                }
                throw unknown(written(source, name), source.getConfigurationProperty(name), closest);
            }
        }
        if (!warnings.isEmpty()) {
            log.warn("Environment variables set tracking properties that do not exist, ignored: {}", warnings);
        }
    }

    /** The key as the property source spells it (underscores and case kept), else its canonical form. */
    private static String written(ConfigurationPropertySource source, ConfigurationPropertyName name) {
        if (source.getUnderlyingSource() instanceof EnumerablePropertySource<?> underlying) {
            for (String key : underlying.getPropertyNames()) {
                if (name.equals(ConfigurationPropertyName.adapt(key, '.'))) {
                    return key;
                }
            }
        }
        return name.toString();
    }

    private static InvalidTrackingPropertyException unknown(String name,
            ConfigurationProperty property, String closest) {
        Origin origin = property == null ? null : property.getOrigin();
        String where = origin == null ? "" : " (set in " + origin + ")";
        String problem = "'" + name + "' is not a tracking property" + where + ", so it would be ignored"
                + (closest == null ? "" : "; the closest valid property is '" + closest + "'");
        String action = (closest == null ? "Remove '" + name + "'" : "Rename '" + name + "' to '" + closest + "'")
                + ". The configuration reference in the README and your IDE's completion list every tracking"
                + " property; a map key containing dots or spaces must be written in brackets, e.g."
                + " tracking.local.plans.free.limits.[report.exported].";
        return new InvalidTrackingPropertyException(name, problem, action);
    }
}
