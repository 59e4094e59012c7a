package dev.tracking.lotus;

import dev.tracking.DeliveryOptions;
import dev.tracking.TrackingApiException;
import dev.tracking.access.AccessDecision;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Customer;
import dev.tracking.billing.Subscription;
import dev.tracking.billing.SwitchPlanOptions;
import dev.tracking.http.HttpReply;
import dev.tracking.http.HttpSender;
import dev.tracking.http.HttpStatusClass;
import dev.tracking.internal.check.Arguments;
import dev.tracking.internal.http.Urls;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Synchronous calls to a Lotus server: ping, customers, subscriptions (create, list, switch plan, cancel) and
 * access checks. Request bodies are written by {@link LotusEncoder}; answers are read with Jackson
 * ({@code LotusJson}, {@code LotusAccess}).
 *
 * <p>Every call sends the {@code X-API-KEY} header, ends its path with {@code /}, percent-encodes identifiers in
 * path segments and query values, and has the configured timeouts. A failure throws {@link TrackingApiException}
 * with the HTTP status (0 when no answer came), the problem details Lotus sent, or the body text of a plain-text
 * error. Access checks are not cached here: Lotus computes them live, so use the tracker's entitlements.
 *
 * <p>A client from {@link #create(LotusOptions)} has an HTTP sender of its own: {@link #close()} it when done. The
 * client of a tracker is closed with the tracker; after that its calls fail with status 0.
 */
public final class LotusClient implements AutoCloseable {

    private final LotusOptions options;
    private final LotusHttp http;
    private final Clock clock;
    private final LotusKeyStatus keyStatus;
    private final String base;

    LotusClient(LotusOptions options, LotusHttp http, Clock clock) {
        this(options, http, clock, new LotusKeyStatus());
    }

    LotusClient(LotusOptions options, LotusHttp http, Clock clock, LotusKeyStatus keyStatus) {
        this.options = options;
        this.http = http;
        this.clock = clock;
        this.keyStatus = keyStatus;
        this.base = Urls.withoutTrailingSlash(options.baseUrl());
    }

    /** A client for {@code options} with the default timeouts and the system clock, and a sender of its own. */
    public static LotusClient create(LotusOptions options) {
        Arguments.requireNonNull("options", options);
        DeliveryOptions delivery = DeliveryOptions.defaults();
        return new LotusClient(options, new LotusHttp(options, delivery.connectTimeout(), delivery.httpTimeout()),
                Clock.systemUTC());
    }

    /** A client for {@code options} sending through {@code sender} (which it does not close), default timeouts. */
    public static LotusClient create(LotusOptions options, HttpSender sender) {
        Arguments.requireNonNull("options", options);
        Arguments.requireNonNull("sender", sender);
        return new LotusClient(options, new LotusHttp(options, sender, DeliveryOptions.defaults().httpTimeout()),
                Clock.systemUTC());
    }

    /** Checks the API key; returns the organization id it belongs to. */
    public String ping() {
        JsonNode answer = call("ping", url("/api/ping/"), null);
        String organizationId = LotusJson.text(answer, "organization_id");
        if (organizationId == null) {
            throw new TrackingApiException("Lotus ping answered without an organization_id", 200, null, null, null,
                    List.of(), null, null);
        }
        return organizationId;
    }

    /** Creates a customer (Lotus requires id and email); a duplicate fails with 400 {@code duplicate_resource}. */
    public Customer createCustomer(Customer customer) {
        Arguments.requireNonNull("customer", customer);
        Arguments.requireText("email", customer.email());
        return LotusJson.customer(call("create customer", url("/api/customers/"), LotusEncoder.customer(customer)),
                customer.properties());
    }

    /**
     * The customer with this id, or empty when Lotus does not know it. An id with {@code .} or {@code /} cannot be
     * named in a path on Lotus (a dot is a format suffix there, {@code %2F} is decoded before routing, and the 404
     * would say nothing about the customer), so such a customer is looked up in the customer list, filtered by
     * {@code customer_id} and matched exactly.
     */
    public Optional<Customer> getCustomer(String customerId) {
        Arguments.requireText("customerId", customerId);
        if (customerId.indexOf('.') >= 0 || customerId.indexOf('/') >= 0) {
            JsonNode customers = list("get customer",
                    url("/api/customers/?customer_id=" + Urls.queryValue(customerId)));
            for (JsonNode record : customers.values()) {
                if (customerId.equals(LotusJson.text(record, "customer_id"))) {
                    return Optional.of(LotusJson.customer(record, null));
                }
            }
            return Optional.empty();
        }
        URI uri = url("/api/customers/" + Urls.pathSegment(customerId) + "/");
        HttpReply response = exchange("get customer", uri, null);
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(LotusJson.customer(json("get customer", response, false), null));
    }

    /**
     * Subscribes {@code customerId} to the plan {@code planId} (a UUID or {@code plan_<hex>}) from
     * {@code startDate} ({@code null} = now).
     */
    public Subscription createSubscription(String customerId, String planId, Instant startDate) {
        Arguments.requireText("customerId", customerId);
        Arguments.requireText("planId", planId);
        byte[] body = LotusEncoder.subscription(customerId, LotusIds.planUuid(planId),
                startDate != null ? startDate : clock.instant());
        return LotusJson.subscription(call("create subscription", url("/api/subscriptions/"), body), clock.instant());
    }

    /**
     * The customer's plan subscriptions in every status: active, not started and ended. Lotus lists add-on
     * subscriptions among them; those are left out here (see {@link #listAddOnSubscriptions}).
     */
    public List<Subscription> listSubscriptions(String customerId) {
        return subscriptions(customerId, false);
    }

    /** The customer's add-on subscriptions, which Lotus lists among its subscriptions; {@code planId} is the add-on's. */
    public List<Subscription> listAddOnSubscriptions(String customerId) {
        return subscriptions(customerId, true);
    }

    private List<Subscription> subscriptions(String customerId, boolean addOns) {
        Arguments.requireText("customerId", customerId);
        JsonNode answer = list("list subscriptions", url("/api/subscriptions/?customer_id="
                + Urls.queryValue(customerId) + "&status=active&status=not_started&status=ended"));
        Instant now = clock.instant();
        LotusAddOns known = LotusAddOns.of(answer);
        List<Subscription> subscriptions = new ArrayList<>(answer.size());
        for (JsonNode record : answer.values()) {
            if (known.isAddOn(record) == addOns) {
                subscriptions.add(LotusJson.subscription(record, now));
            }
        }
        return subscriptions;
    }

    /**
     * Cancels a subscription. With {@code revokeAccessNow} it ends now ({@code /cancel/}) with the options'
     * {@code flat_fee_behavior} (pro rata by default), {@code usage_behavior} (billed in full by default), and
     * {@code billNow} choosing between {@code invoice_now} and {@code add_to_next_invoice}. Otherwise it stops
     * renewing ({@code /update/} with {@code turn_off_auto_renew}) and keeps access until its end date, billed as
     * usual at the period's end.
     */
    public Subscription cancelSubscription(String subscriptionId, CancelOptions cancel) {
        Arguments.requireText("subscriptionId", subscriptionId);
        Arguments.requireNonNull("options", cancel);
        String path = subscriptionPath(subscriptionId);
        if (cancel.revokeAccessNow()) {
            return LotusJson.subscription(call("cancel subscription", url(path + "/cancel/"),
                    LotusEncoder.cancelNow(cancel)), clock.instant());
        }
        return LotusJson.subscription(call("cancel subscription", url(path + "/update/"),
                LotusEncoder.turnOffAutoRenew()), clock.instant());
    }

    /**
     * Moves a subscription to plan {@code planId} (a UUID or {@code plan_<hex>}) in one step,
     * {@code POST /api/subscriptions/{id}/switch_plan/}: the prorated difference is invoiced now or with the next
     * invoice, and usage carried over or kept on the old plan, as {@code options} say. Returns the subscription
     * that now grants access.
     */
    public Subscription switchPlan(String subscriptionId, String planId, SwitchPlanOptions options) {
        Arguments.requireText("subscriptionId", subscriptionId);
        Arguments.requireText("planId", planId);
        Arguments.requireNonNull("options", options);
        return LotusJson.subscription(call("switch plan", url(subscriptionPath(subscriptionId) + "/switch_plan/"),
                LotusEncoder.switchPlan(LotusIds.planUuid(planId), options)), clock.instant());
    }

    /** Closes the HTTP sender this client made itself; a sender given to {@link #create(LotusOptions, HttpSender)} stays open. */
    @Override
    public void close() {
        http.close();
    }

    /** Whether the last call that could tell found the API key refused. */
    boolean keyRejected() {
        return keyStatus.rejected();
    }

    private static String subscriptionPath(String subscriptionId) {
        return "/api/subscriptions/" + Urls.pathSegment(LotusIds.requirePathSafe("subscriptionId", subscriptionId));
    }

    /**
     * Whether the customer may use {@code feature}: by id ({@code /api/feature_access/}) when
     * {@link LotusOptions#featureIds()} maps it, else by name ({@code /api/customer_feature_access/}).
     * An unknown customer is an {@code UNKNOWN_CUSTOMER} decision, not an exception.
     */
    public AccessDecision checkFeature(String customerId, String feature) {
        Arguments.requireText("customerId", customerId);
        Arguments.requireText("feature", feature);
        String featureId = options.featureIds().get(feature);
        return unknownCustomerAsDecision(customerId, feature, null, () -> featureId != null
                ? LotusAccess.featureById(customerId, feature, call("feature access",
                        query("/api/feature_access/", customerId, "feature_id", featureId), null))
                : LotusAccess.featureByName(customerId, feature, list("feature access",
                        query("/api/customer_feature_access/", customerId, "feature_name", feature))));
    }

    /**
     * Whether the customer may record one more {@code eventName}: by metric id ({@code /api/metric_access/}) when
     * {@link LotusOptions#metricIds()} maps it, else by event name ({@code /api/customer_metric_access/}).
     * See {@link LotusAccess} for how limits and several subscriptions are read.
     */
    public AccessDecision checkEvent(String customerId, String eventName) {
        Arguments.requireText("customerId", customerId);
        Arguments.requireText("eventName", eventName);
        String metricId = options.metricIds().get(eventName);
        return unknownCustomerAsDecision(customerId, null, eventName, () -> metricId != null
                ? LotusAccess.eventById(customerId, eventName, call("metric access",
                        query("/api/metric_access/", customerId, "metric_id", metricId), null))
                : LotusAccess.eventByName(customerId, eventName, list("metric access",
                        query("/api/customer_metric_access/", customerId, "event_name", eventName))));
    }

    /** The decision of {@code check}, or {@code UNKNOWN_CUSTOMER} when Lotus refused it for not knowing the customer. */
    private static AccessDecision unknownCustomerAsDecision(String customerId, String feature, String event,
            Supplier<AccessDecision> check) {
        try {
            return check.get();
        } catch (TrackingApiException e) {
            if (LotusAccess.isUnknownCustomer(e)) {
                return LotusAccess.unknownCustomer(customerId, feature, event);
            }
            throw e;
        }
    }

    private JsonNode call(String operation, URI uri, byte[] body) {
        return json(operation, exchange(operation, uri, body), false);
    }

    private JsonNode list(String operation, URI uri) {
        return json(operation, exchange(operation, uri, null), true);
    }

    private HttpReply exchange(String operation, URI uri, byte[] body) {
        try {
            HttpReply reply = body == null ? http.get(uri) : http.post(uri, body);
            keyStatus.observe(reply);
            return reply;
        } catch (IOException e) {
            throw LotusProblems.noResponse(operation, e);
        } catch (InterruptedException e) {
            throw LotusProblems.interrupted(operation, e);
        }
    }

    private static JsonNode json(String operation, HttpReply response, boolean array) {
        if (response.statusClass() != HttpStatusClass.SUCCESS) {
            throw LotusProblems.fromResponse(operation, response);
        }
        JsonNode json = LotusJson.parseOrNull(response.body());
        if (json == null || (array ? !json.isArray() : !json.isObject())) {
            throw LotusProblems.unexpectedBody(operation, response);
        }
        return json;
    }

    private URI query(String path, String customerId, String name, String value) {
        return url(path + "?customer_id=" + Urls.queryValue(customerId) + "&" + name + "="
                + Urls.queryValue(value));
    }

    private URI url(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }
}
