package dev.tracking.spring.autoconfigure;

import dev.tracking.Tracker;
import dev.tracking.TrackerBuilder;
import dev.tracking.TrackingListener;
import dev.tracking.local.LocalBackend;
import dev.tracking.outbox.OutboxOptions;
import dev.tracking.outbox.OutboxTransactions;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the auto-configured tracker from {@link TrackingProperties}: validates them, picks the destinations
 * (Lotus when its API key is set, Outlit when its public key is set, else the local backend), adds the outbox
 * when {@code tracking.outbox.enabled} is true, and says which in one INFO line (and one more for the outbox).
 */
final class TrackerFactory {

    private static final Logger log = LoggerFactory.getLogger(TrackerFactory.class);

    private TrackerFactory() {
    }

    /**
     * @param dataSource the application's unique data source, or {@code null}; used by the outbox when it is on
     * @param transactions how the outbox joins the application's transactions, or {@code null} for never
     */
    static Tracker create(TrackingProperties properties, LocalBackend local, List<TrackingListener> listeners,
            List<TrackerCustomizer> customizers, DataSource dataSource, OutboxTransactions transactions) {
        TrackingPropertiesValidator.validate(properties);
        OutboxOptions outbox = TrackerOutbox.options(properties.getOutbox(), dataSource, transactions);
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
        if (outbox != null) {
            builder.outbox(outbox);
        }
        listeners.forEach(builder::listener);
        customizers.forEach(customizer -> customizer.customize(builder));
        Tracker tracker = build(builder, outbox != null);
        log.info(describe(properties, local));
        TrackerOutbox.describe(tracker);
        return tracker;
    }

    /** Builds; a destination the outbox names but the tracker does not have is a property error. */
    private static Tracker build(TrackerBuilder builder, boolean outbox) {
        try {
            return builder.build();
        }
        catch (IllegalArgumentException ex) {
            // tracking-core names the field first, as every IllegalArgumentException of the builder does.
            if (outbox && ex.getMessage() != null && ex.getMessage().startsWith("outbox.destinations")) {
                throw new InvalidTrackingPropertyException("tracking.outbox.destinations",
                        "tracking.outbox.destinations names a destination the tracker does not have: " + ex.getMessage(),
                        "List only configured destinations (lotus, outlit, local, or a custom destination's name), or"
                                + " remove tracking.outbox.destinations to cover every remote destination.");
            }
            throw ex;
        }
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
