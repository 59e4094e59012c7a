package dev.tracking;

import dev.tracking.access.Entitlements;
import dev.tracking.billing.Billing;
import dev.tracking.internal.Checks;
import dev.tracking.internal.DefaultTracker;
import dev.tracking.local.LocalBackend;
import dev.tracking.lotus.LotusComponents;
import dev.tracking.lotus.LotusOptions;
import dev.tracking.outlit.OutlitDestination;
import dev.tracking.outlit.OutlitOptions;
import dev.tracking.spi.Destination;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Tracker}. Destinations follow from what is configured: Outlit with {@link #outlit},
 * Lotus with {@link #lotus}, the local backend with {@link #local} or when nothing else is configured.
 */
public final class TrackerBuilder {

    private OutlitOptions outlit;
    private LotusOptions lotus;
    private LocalBackend local;
    private final List<Destination> customDestinations = new ArrayList<>();
    private DeliveryOptions delivery = DeliveryOptions.defaults();
    private EntitlementOptions entitlements = EntitlementOptions.defaults();
    private final List<TrackingListener> listeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    TrackerBuilder() {
    }

    /** Sends to Outlit. */
    public TrackerBuilder outlit(OutlitOptions options) {
        outlit = Checks.requireNonNull("outlit", options);
        return this;
    }

    /** Sends to Outlit with the public key {@code pk_…} and default options. */
    public TrackerBuilder outlit(String publicKey) {
        return outlit(OutlitOptions.of(publicKey));
    }

    /** Sends usage events to Lotus and uses it for access checks and billing. */
    public TrackerBuilder lotus(LotusOptions options) {
        lotus = Checks.requireNonNull("lotus", options);
        return this;
    }

    /** Uses this embedded backend (also the default when nothing else is configured). */
    public TrackerBuilder local(LocalBackend backend) {
        local = Checks.requireNonNull("local", backend);
        return this;
    }

    /** Adds a custom destination, with its own queue and sender like the built-in ones. */
    public TrackerBuilder destination(Destination destination) {
        customDestinations.add(Checks.requireNonNull("destination", destination));
        return this;
    }

    /** Queueing, batching, retry and timeout settings for every destination. */
    public TrackerBuilder delivery(DeliveryOptions options) {
        delivery = Checks.requireNonNull("delivery", options);
        return this;
    }

    /** Access-cache settings. */
    public TrackerBuilder entitlements(EntitlementOptions options) {
        entitlements = Checks.requireNonNull("entitlements", options);
        return this;
    }

    /** Adds a listener that sees every outcome. */
    public TrackerBuilder listener(TrackingListener listener) {
        listeners.add(Checks.requireNonNull("listener", listener));
        return this;
    }

    /** The clock for timestamps and time windows (tests inject one). */
    public TrackerBuilder clock(Clock value) {
        clock = Checks.requireNonNull("clock", value);
        return this;
    }

    /**
     * Builds and starts the tracker.
     *
     * <p>Destinations: Lotus when {@link #lotus} is set, Outlit when {@link #outlit} is set, the local backend
     * when {@link #local} is set or when nothing at all is configured, then the custom ones. Access checks and
     * billing go to Lotus when it is configured, else to the local backend; when only Outlit (or only custom
     * destinations) is configured, an empty local backend answers them without being a destination.
     */
    public Tracker build() {
        List<Destination> destinations = new ArrayList<>();
        Entitlements entitlementsSource = null;
        Billing billingSource = null;
        if (lotus != null) {
            LotusComponents components = LotusComponents.create(lotus, delivery, entitlements, clock);
            destinations.add(components.destination());
            entitlementsSource = components.entitlements();
            billingSource = components.billing();
        }
        if (outlit != null) {
            destinations.add(new OutlitDestination(outlit, delivery, clock));
        }
        boolean nothingElse = destinations.isEmpty() && customDestinations.isEmpty();
        LocalBackend backend = local != null ? local : LocalBackend.builder().build();
        if (local != null || nothingElse) {
            destinations.add(entitlementsSource == null ? backend.countedOnAcceptance() : backend);
        }
        destinations.addAll(customDestinations);
        try {
            return new DefaultTracker(destinations, delivery, listeners,
                    entitlementsSource != null ? entitlementsSource : backend,
                    billingSource != null ? billingSource : backend, clock);
        } catch (RuntimeException e) {
            destinations.forEach(TrackerBuilder::closeQuietly);
            throw e;
        }
    }

    private static void closeQuietly(Destination destination) {
        try {
            destination.close();
        } catch (RuntimeException e) {
            // the build failure is the error worth reporting
        }
    }
}
