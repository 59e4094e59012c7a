package dev.tracking.spring.autoconfigure;

import dev.tracking.Tracker;
import dev.tracking.TrackerBuilder;
import dev.tracking.TrackingListener;
import dev.tracking.local.LocalBackend;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the auto-configured tracker from {@link TrackingProperties}: validates them, picks the destinations
 * (Lotus when its API key is set, Outlit when its public key is set, else the local backend) and says which in
 * one INFO line.
 */
final class TrackerFactory {

    private static final Logger log = LoggerFactory.getLogger(TrackerFactory.class);

    private TrackerFactory() {
    }

    static Tracker create(TrackingProperties properties, LocalBackend local, List<TrackingListener> listeners,
            List<TrackerCustomizer> customizers) {
        TrackingPropertiesValidator.validate(properties);
        TrackerBuilder builder = Tracker.builder()
                .delivery(TrackerOptions.delivery(properties))
                .entitlements(TrackerOptions.entitlements(properties));
        if (properties.getLotus().isConfigured()) {
            builder.lotus(TrackerOptions.lotus(properties.getLotus()));
        }
        if (properties.getOutlit().isConfigured()) {
            builder.outlit(TrackerOptions.outlit(properties.getOutlit()));
        }
        if (local != null) {
            builder.local(local);
        }
        listeners.forEach(builder::listener);
        customizers.forEach(customizer -> customizer.customize(builder));
        Tracker tracker = builder.build();
        log.info(describe(properties, local));
        return tracker;
    }

    static String describe(TrackingProperties properties, LocalBackend local) {
        List<String> destinations = new ArrayList<>();
        if (properties.getLotus().isConfigured()) {
            LotusProperties lotus = properties.getLotus();
            String ingest = lotus.getIngestUrl() == null || lotus.getIngestUrl().isBlank() ? ""
                    : ", ingest " + DisplayedUrls.of(lotus.getIngestUrl());
            destinations.add("Lotus at " + DisplayedUrls.of(lotus.getBaseUrl()) + ingest
                    + " (metering, access checks, billing)");
        }
        if (properties.getOutlit().isConfigured()) {
            destinations.add("Outlit at " + DisplayedUrls.of(properties.getOutlit().getApiHost())
                    + " (customer journey)");
        }
        if (local != null) {
            LocalProperties config = properties.getLocal();
            String hint = properties.getOutlit().isConfigured() ? "for access checks and billing"
                    : "set tracking.lotus.api-key or tracking.outlit.public-key to send to Lotus or Outlit";
            destinations.add("the embedded local backend with plans " + config.getPlans().keySet() + " and "
                    + "customers " + config.getCustomers().keySet() + " (" + hint + ")");
        }
        return destinations.isEmpty() ? "Tracking with custom destinations only"
                : "Tracking to " + String.join(" and ", destinations);
    }
}
