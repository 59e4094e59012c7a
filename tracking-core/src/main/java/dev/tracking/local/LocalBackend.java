package dev.tracking.local;

import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.Entitlements;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.access.Reservation;
import dev.tracking.billing.Billing;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Customer;
import dev.tracking.billing.Subscription;
import dev.tracking.internal.check.Arguments;
import dev.tracking.spi.Destination;
import dev.tracking.spi.SendResult;
import dev.tracking.spi.UsageObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An embedded backend that answers the same calls as Lotus, in process. Customers, subscriptions and usage are
 * kept in a {@link LocalStore}: in memory by default (per process, lost on restart: for development, tests and
 * demos), or in the application's database with {@link dev.tracking.local.jdbc.JdbcLocalStore}, shared by every instance and kept across
 * restarts. Plans come from configuration.
 *
 * <p>It is three things at once. As a {@link Destination} named {@code local} it receives every message the
 * tracker delivers and always reports it delivered. As {@link Entitlements} it decides access from the
 * customer's active plans and this month's usage. As {@link Billing} it keeps customers and subscriptions.
 * Everything it received can be read back as immutable snapshots ({@link #recentEvents()},
 * {@link #usage(String)}, {@link #customerState(String)}, {@link #totals()}, {@link #snapshot()}).
 *
 * <p><b>Usage.</b> A tracked event with a customer id counts toward that customer's usage of its event name in
 * the UTC calendar month of the event's own timestamp. The current month is the UTC month of the backend's
 * clock at the time of the check or read. Events stamped in a month that has already ended are not counted
 * (they show in {@link LocalTotals#trackedNotCounted()}); events without a customer id are recorded but count
 * toward nobody. When the tracker answers access checks with this backend, it reports each usage event as it
 * accepts it ({@link UsageObserver}), so a customer at its limit is stopped at once rather than after the next
 * delivery, and delivers to {@link #countedOnAcceptance()}, which does not count the event again.
 *
 * <p><b>Plans.</b> A feature is granted when any active plan of the customer grants it. A metered event is
 * allowed while this month's usage is under the most generous limit of the active plans; a plan without a
 * limit for the event makes it unlimited. A customer with no active plan is denied with
 * {@code NOT_IN_PLAN}; one that was never declared or created is denied with {@code UNKNOWN_CUSTOMER}.
 * Subscription changes apply to the very next check. A subscription renews every calendar month; cancelled at
 * period end it stays active until the first instant of the next UTC month.
 *
 * <p><b>Threads and memory.</b> Safe for concurrent sends, checks, billing calls and reads; no count is lost.
 * Recent messages are kept in a fixed-size ring. Usage keeps one counter per customer, event name and month,
 * only for the current month and later; the state grows with the number of customers, users and event names,
 * not with the number of events.
 */
public final class LocalBackend implements Destination, Entitlements, Billing, UsageObserver {

    /** The destination name, in stats and metrics. */
    public static final String NAME = "local";

    private final Clock clock;
    private final LocalStore store;
    private final LocalBilling billing;
    private final UsageLedger usage;
    private final LocalEntitlements entitlements;
    private final RecentEvents recent;
    private final MessageRecorder recorder;
    private final StateReader reader;
    private final RecordingDestination delivery;
    private final Destination countedOnAcceptance;

    LocalBackend(Map<String, LocalPlan> plans, Clock clock, int recentEventsCapacity, LocalStore store,
            Duration accountCacheTtl) {
        this.clock = clock;
        this.store = store;
        billing = new LocalBilling(plans, clock, store, accountCacheTtl);
        usage = new UsageLedger(store);
        entitlements = new LocalEntitlements(billing, usage, clock);
        recent = new RecentEvents(recentEventsCapacity);
        ActivityBook activity = new ActivityBook();
        recorder = new MessageRecorder(clock, recent, usage, activity);
        reader = new StateReader(clock, billing, usage, activity, recorder, recent);
        delivery = new RecordingDestination(recorder::record, usage::flushPending);
        countedOnAcceptance = new RecordingDestination(recorder::recordCounted, usage::flushPending);
    }

    /**
     * The local backend {@code tracker} answers access checks or billing calls with, or empty when it uses
     * another backend. With nothing configured, {@code Tracker.builder().build()} uses a local backend.
     */
    public static Optional<LocalBackend> usedBy(Tracker tracker) {
        Arguments.requireNonNull("tracker", tracker);
        if (tracker.billing() instanceof LocalBackend local) {
            return Optional.of(local);
        }
        return tracker.entitlements() instanceof LocalBackend local ? Optional.of(local) : Optional.empty();
    }

    /** Starts a builder: no plans, no customers, the UTC system clock and a ring of 1,000 recent messages. */
    public static LocalBackendBuilder builder() {
        return new LocalBackendBuilder();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Takes every message. */
    @Override
    public String skipReason(Message message) {
        return delivery.skipReason(message);
    }

    /** Records every message of {@code batch}, counting the usage of tracked events, and reports them all delivered. */
    @Override
    public SendResult send(List<Message> batch) {
        return delivery.send(batch);
    }

    /**
     * This backend as a destination for a tracker that reports every usage event to it as it accepts it (through
     * {@link #onTracked}): delivered messages are recorded as {@link #send} records them, but their usage is not
     * counted a second time. The tracker builder delivers to this view when the backend also answers its access
     * checks.
     */
    public Destination countedOnAcceptance() {
        return countedOnAcceptance;
    }

    /**
     * Counts {@code message} toward usage as the tracker accepts it. A tracker that also delivers to this backend
     * delivers to {@link #countedOnAcceptance()}, so that the delivery does not count again.
     */
    @Override
    public void onTracked(TrackMessage message) {
        recorder.countAccepted(message);
    }

    /** Decides from the customer's active plans: the backend always answers, so {@code onNoAnswer} never applies. */
    @Override
    public AccessDecision checkFeature(String customerId, String feature, OnNoAnswer onNoAnswer) {
        return entitlements.checkFeature(customerId, feature, onNoAnswer);
    }

    /** Decides from this month's usage: the backend always answers, so {@code onNoAnswer} never applies. */
    @Override
    public AccessDecision checkEvent(String customerId, String eventName, OnNoAnswer onNoAnswer) {
        return entitlements.checkEvent(customerId, eventName, onNoAnswer);
    }

    /**
     * Reserves {@code quantity} units of {@code eventName} in the current UTC month when they fit under the
     * limit, atomically in the store (so exact across every backend sharing a database store); releasing gives
     * them back. The backend always answers, so {@code onNoAnswer} never applies.
     */
    @Override
    public Reservation tryConsume(String customerId, String eventName, long quantity, OnNoAnswer onNoAnswer) {
        return entitlements.tryConsume(customerId, eventName, quantity, onNoAnswer);
    }

    /** Where customers, subscriptions and usage are kept. */
    public LocalStore store() {
        return store;
    }

    @Override
    public Customer createCustomer(Customer customer) {
        return billing.createCustomer(customer);
    }

    @Override
    public Optional<Customer> getCustomer(String customerId) {
        return billing.getCustomer(customerId);
    }

    /** Subscribes the customer; an unknown customer or plan fails with status 400 naming it. */
    @Override
    public Subscription createSubscription(String customerId, String planId, Instant startDate) {
        return billing.createSubscription(customerId, planId, startDate);
    }

    @Override
    public List<Subscription> listSubscriptions(String customerId) {
        return billing.listSubscriptions(customerId);
    }

    /**
     * Cancels now when {@code options.revokeAccessNow()}, else stops renewal and keeps access until the end of
     * the current UTC month; an unknown subscription fails with status 404.
     */
    @Override
    public Subscription cancelSubscription(String customerId, String subscriptionId, CancelOptions options) {
        return billing.cancelSubscription(customerId, subscriptionId, options);
    }

    /** Every message in the recent-events ring, newest first. */
    public List<RecordedEvent> recentEvents() {
        return recent.newestFirst(recent.capacity());
    }

    /** Up to {@code limit} of the most recent messages, newest first. */
    public List<RecordedEvent> recentEvents(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        return recent.newestFirst(limit);
    }

    /** The customer's usage in the current UTC month, per event name (sorted); empty when none. */
    public Map<String, Long> usage(String customerId) {
        Arguments.requireText("customerId", customerId);
        return Collections.unmodifiableMap(usage.usageIn(customerId, UtcMonths.of(clock.instant())));
    }

    /** How many {@code eventName} events the customer recorded in the current UTC month. */
    public long usage(String customerId, String eventName) {
        Arguments.requireText("customerId", customerId);
        Arguments.requireText("eventName", eventName);
        return usage.usage(customerId, eventName, UtcMonths.of(clock.instant()));
    }

    /** The customer's state, or empty when it was neither registered nor seen in any message. */
    public Optional<CustomerState> customerState(String customerId) {
        return reader.customer(Arguments.requireText("customerId", customerId));
    }

    /** The state of every customer registered or seen, by id. */
    public List<CustomerState> customerStates() {
        return reader.customers();
    }

    /** The latest identify and stage change of every user seen, by user key. */
    public List<UserState> userStates() {
        return reader.users();
    }

    /** Counters over everything received. */
    public LocalTotals totals() {
        return reader.totals();
    }

    /** The configured plans, by id. */
    public List<LocalPlan> plans() {
        return reader.plans();
    }

    /** Everything at once: plans, totals, customers, users and recent messages. */
    public LocalSnapshot snapshot() {
        return reader.snapshot();
    }

    /**
     * Registers a customer from configuration, subscribed to {@code planId} from now unless it is {@code null};
     * a customer the store already has is left as it is.
     */
    void declare(Customer customer, String planId) {
        billing.declare(customer, planId);
    }
}
