package dev.tracking;

import dev.tracking.access.Entitlements;
import dev.tracking.billing.Billing;
import dev.tracking.http.ApacheHttpSender;
import dev.tracking.http.HttpOptions;
import dev.tracking.http.HttpSender;
import dev.tracking.internal.DefaultTracker;
import dev.tracking.local.LocalBackend;
import dev.tracking.lotus.LotusComponents;
import dev.tracking.lotus.LotusOptions;
import dev.tracking.outlit.OutlitDestination;
import dev.tracking.outlit.OutlitOptions;
import dev.tracking.outbox.OutboxOptions;
import dev.tracking.spi.Destination;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private HttpOptions http = HttpOptions.defaults();
    private final Map<String, HttpOptions> httpByDestination = new java.util.HashMap<>();
    private HttpSender httpSender;
    private OutboxOptions outbox;

    private static final Set<String> HTTP_DESTINATIONS = Set.of("lotus", "outlit");

    TrackerBuilder() {
    }

    /** Sends to Outlit. */
    public TrackerBuilder outlit(OutlitOptions options) {
        outlit = ArgumentChecks.requireNonNull("outlit", options);
        return this;
    }

    /** Sends to Outlit with the public key {@code pk_…} and default options. */
    public TrackerBuilder outlit(String publicKey) {
        return outlit(OutlitOptions.of(publicKey));
    }

    /** Sends usage events to Lotus and uses it for access checks and billing. */
    public TrackerBuilder lotus(LotusOptions options) {
        lotus = ArgumentChecks.requireNonNull("lotus", options);
        return this;
    }

    /** Uses this embedded backend (also the default when nothing else is configured). */
    public TrackerBuilder local(LocalBackend backend) {
        local = ArgumentChecks.requireNonNull("local", backend);
        return this;
    }

    /** Adds a custom destination, with its own queue and sender like the built-in ones. */
    public TrackerBuilder destination(Destination destination) {
        customDestinations.add(ArgumentChecks.requireNonNull("destination", destination));
        return this;
    }

    /** Queueing, batching, retry and timeout settings for every destination. */
    public TrackerBuilder delivery(DeliveryOptions options) {
        delivery = ArgumentChecks.requireNonNull("delivery", options);
        return this;
    }

    /** Access-cache settings. */
    public TrackerBuilder entitlements(EntitlementOptions options) {
        entitlements = ArgumentChecks.requireNonNull("entitlements", options);
        return this;
    }

    /** Adds a listener that sees every outcome. */
    public TrackerBuilder listener(TrackingListener listener) {
        listeners.add(ArgumentChecks.requireNonNull("listener", listener));
        return this;
    }

    /** The clock for timestamps and time windows (tests inject one). */
    public TrackerBuilder clock(Clock value) {
        clock = ArgumentChecks.requireNonNull("clock", value);
        return this;
    }

    /**
     * How the built-in destinations connect (proxy, TLS context, pool limits, gzip where accepted), each with a
     * sender of its own; {@link #http(String, HttpOptions)} overrides it for one destination.
     */
    public TrackerBuilder http(HttpOptions options) {
        http = ArgumentChecks.requireNonNull("http", options);
        return this;
    }

    /** How destination {@code destination} ({@code lotus} or {@code outlit}) connects, overriding {@link #http}. */
    public TrackerBuilder http(String destination, HttpOptions options) {
        if (destination == null || !HTTP_DESTINATIONS.contains(destination)) {
            throw new IllegalArgumentException("destination must be one of " + HTTP_DESTINATIONS.stream().sorted()
                    .toList() + ", was " + destination);
        }
        httpByDestination.put(destination, ArgumentChecks.requireNonNull("http", options));
        return this;
    }

    /**
     * Sends every request of the built-in destinations (and the Lotus client) through {@code sender} instead of
     * the default {@link ApacheHttpSender}; {@link #http} options are then not used. The tracker does not close it.
     */
    public TrackerBuilder httpSender(HttpSender sender) {
        httpSender = ArgumentChecks.requireNonNull("httpSender", sender);
        return this;
    }

    /**
     * Writes the messages of the destinations {@code options} covers to the application's database before they
     * count as accepted, and delivers them from there (the transactional outbox). It covers every destination but
     * the local backend unless {@link OutboxOptions#destinations()} names some; the {@code tracking_outbox} table
     * must exist ({@link dev.tracking.outbox.OutboxSchema}). {@link #build()} refuses a lease not longer than the
     * delivery timeout, and names that are not destinations of the tracker.
     */
    public TrackerBuilder outbox(OutboxOptions options) {
        outbox = ArgumentChecks.requireNonNull("outbox", options);
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
        if (outbox != null && outbox.lease().compareTo(delivery.retry().deliveryTimeout()) <= 0) {
            throw new IllegalArgumentException("outbox.lease (" + outbox.lease() + ") must exceed the delivery timeout ("
                    + delivery.retry().deliveryTimeout() + "), or a row still being sent would be taken over");
        }
        List<Destination> destinations = new ArrayList<>();
        Entitlements entitlementsSource = null;
        Billing billingSource = null;
        if (lotus != null) {
            LotusComponents components = httpSender != null
                    ? LotusComponents.create(lotus, delivery, entitlements, clock, httpSender)
                    : LotusComponents.create(lotus, delivery, entitlements, clock, httpOptions("lotus"));
            destinations.add(components.destination());
            entitlementsSource = components.entitlements();
            billingSource = components.billing();
        }
        if (outlit != null) {
            destinations.add(httpSender != null ? new OutlitDestination(outlit, delivery, clock, httpSender)
                    : new OutlitDestination(outlit, delivery, clock, httpOptions("outlit")));
        }
        boolean nothingElse = destinations.isEmpty() && customDestinations.isEmpty();
        LocalBackend backend = local != null ? local : LocalBackend.builder().build();
        Destination localDestination = null;
        if (local != null || nothingElse) {
            localDestination = entitlementsSource == null ? backend.countedOnAcceptance() : backend;
            destinations.add(localDestination);
        }
        destinations.addAll(customDestinations);
        try {
            return new DefaultTracker(destinations, delivery, listeners,
                    entitlementsSource != null ? entitlementsSource : backend,
                    billingSource != null ? billingSource : backend, clock, outbox,
                    coveredByOutbox(destinations, localDestination));
        } catch (RuntimeException e) {
            destinations.forEach(TrackerBuilder::closeQuietly);
            throw e;
        }
    }

    /** The destinations the outbox covers: those it names, or every one but the local backend. */
    private Set<String> coveredByOutbox(List<Destination> destinations, Destination localDestination) {
        if (outbox == null) {
            return Set.of();
        }
        Set<String> names = new java.util.HashSet<>();
        destinations.forEach(d -> names.add(d.name()));
        for (String name : outbox.destinations()) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("outbox.destinations: no destination is named " + name + " (there are "
                        + names.stream().sorted().toList() + ")");
            }
        }
        Set<String> covered = new java.util.HashSet<>(outbox.destinations());
        if (covered.isEmpty()) {
            destinations.stream().filter(d -> d != localDestination).forEach(d -> covered.add(d.name()));
        }
        for (String name : covered) {
            // The table's destination column holds 64 characters: a longer name would fail every insert (and every
            // transaction joined), or be cut short by MySQL's INSERT IGNORE and never be claimed.
            if (name.length() > OutboxOptions.MAX_NAME_LENGTH) {
                throw new IllegalArgumentException("destination name: a destination the outbox covers needs a name of"
                        + " at most " + OutboxOptions.MAX_NAME_LENGTH + " characters, was " + name);
            }
        }
        return covered;
    }

    private HttpOptions httpOptions(String destination) {
        return httpByDestination.getOrDefault(destination, http);
    }

    private static void closeQuietly(Destination destination) {
        try {
            destination.close();
        } catch (RuntimeException e) {
            // the build failure is the error worth reporting
        }
    }
}
