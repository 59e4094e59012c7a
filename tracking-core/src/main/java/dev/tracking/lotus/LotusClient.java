package dev.tracking.lotus;

import dev.tracking.DeliveryOptions;
import dev.tracking.TrackingApiException;
import dev.tracking.access.AccessDecision;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Customer;
import dev.tracking.billing.Subscription;
import dev.tracking.http.HttpReply;
import dev.tracking.http.HttpSender;
import dev.tracking.http.HttpStatusClass;
import dev.tracking.internal.Checks;
import dev.tracking.internal.transport.Urls;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Synchronous calls to a Lotus server: ping, customers, subscriptions and access checks.
 *
 * <p>Every call sends the {@code X-API-KEY} header, ends its path with {@code /}, percent-encodes identifiers in
 * path segments and query values, and has the configured timeouts. A failure throws {@link TrackingApiException}
 * with the HTTP status (0 when no answer came), the problem details Lotus sent, or the body text of a plain-text
 * error. Access checks are not cached here: Lotus computes them live, so use {@link LotusEntitlements}.
 */
public final class LotusClient {

    private final LotusOptions options;
    private final LotusHttp http;
    private final Clock clock;
    private final String base;

    LotusClient(LotusOptions options, LotusHttp http, Clock clock) {
        this.options = options;
        this.http = http;
        this.clock = clock;
        this.base = Urls.withoutTrailingSlash(options.baseUrl());
    }

    /** A client for {@code options} with the default timeouts and the system clock. */
    public static LotusClient create(LotusOptions options) {
        Checks.requireNonNull("options", options);
        DeliveryOptions delivery = DeliveryOptions.defaults();
        return new LotusClient(options, new LotusHttp(options, delivery.connectTimeout(), delivery.httpTimeout()),
                Clock.systemUTC());
    }

    /** A client for {@code options} sending through {@code sender} (which it does not close), default timeouts. */
    public static LotusClient create(LotusOptions options, HttpSender sender) {
        Checks.requireNonNull("options", options);
        Checks.requireNonNull("sender", sender);
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
        Checks.requireNonNull("customer", customer);
        Checks.requireText("email", customer.email());
        ObjectNode body = LotusJson.object();
        body.put("customer_id", customer.customerId());
        body.put("email", customer.email());
        if (customer.name() != null) {
            body.put("customer_name", customer.name());
        }
        if (!customer.properties().isEmpty()) {
            body.set("properties", LotusJson.MAPPER.valueToTree(customer.properties()));
        }
        return LotusJson.customer(call("create customer", url("/api/customers/"), body), customer.properties());
    }

    /** The customer with this id, or empty when Lotus answers 404. */
    public Optional<Customer> getCustomer(String customerId) {
        Checks.requireText("customerId", customerId);
        URI uri = url("/api/customers/" + Urls.pathSegment(customerId) + "/");
        HttpReply response = exchange("get customer", uri, null);
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(LotusJson.customer(json("get customer", response, false), null));
    }

    /** Subscribes {@code customerId} to the plan {@code planId} from {@code startDate} ({@code null} = now). */
    public Subscription createSubscription(String customerId, String planId, Instant startDate) {
        Checks.requireText("customerId", customerId);
        Checks.requireText("planId", planId);
        ObjectNode body = LotusJson.object();
        body.put("customer_id", customerId);
        body.put("plan_id", planId);
        body.put("start_date", Rfc3339.format(startDate != null ? startDate : clock.instant()));
        return LotusJson.subscription(call("create subscription", url("/api/subscriptions/"), body), clock.instant());
    }

    /** The customer's subscriptions in every status: active, not started and ended. */
    public List<Subscription> listSubscriptions(String customerId) {
        Checks.requireText("customerId", customerId);
        JsonNode answer = list("list subscriptions", url("/api/subscriptions/?customer_id="
                + Urls.queryValue(customerId) + "&status=active&status=not_started&status=ended"));
        Instant now = clock.instant();
        List<Subscription> subscriptions = new ArrayList<>(answer.size());
        for (JsonNode record : answer.values()) {
            subscriptions.add(LotusJson.subscription(record, now));
        }
        return subscriptions;
    }

    /**
     * Cancels a subscription. With {@code revokeAccessNow} it ends now ({@code /cancel/}): the flat fee is charged
     * pro rata ({@code charge_prorated}), usage is billed in full, and {@code billNow} chooses between
     * {@code invoice_now} and {@code add_to_next_invoice}. Otherwise it stops renewing ({@code /update/} with
     * {@code turn_off_auto_renew}) and keeps access until its end date, billed as usual at the period's end.
     */
    public Subscription cancelSubscription(String subscriptionId, CancelOptions cancel) {
        Checks.requireText("subscriptionId", subscriptionId);
        Checks.requireNonNull("options", cancel);
        String path = "/api/subscriptions/" + Urls.pathSegment(subscriptionId);
        ObjectNode body = LotusJson.object();
        if (cancel.revokeAccessNow()) {
            body.put("flat_fee_behavior", "charge_prorated");
            body.put("usage_behavior", "bill_full");
            body.put("invoicing_behavior", cancel.billNow() ? "invoice_now" : "add_to_next_invoice");
            return LotusJson.subscription(call("cancel subscription", url(path + "/cancel/"), body), clock.instant());
        }
        body.put("turn_off_auto_renew", true);
        return LotusJson.subscription(call("cancel subscription", url(path + "/update/"), body), clock.instant());
    }

    /**
     * Whether the customer may use {@code feature}: by id ({@code /api/feature_access/}) when
     * {@link LotusOptions#featureIds()} maps it, else by name ({@code /api/customer_feature_access/}).
     * An unknown customer is an {@code UNKNOWN_CUSTOMER} decision, not an exception.
     */
    public AccessDecision checkFeature(String customerId, String feature) {
        Checks.requireText("customerId", customerId);
        Checks.requireText("feature", feature);
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
        Checks.requireText("customerId", customerId);
        Checks.requireText("eventName", eventName);
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

    private JsonNode call(String operation, URI uri, JsonNode body) {
        return json(operation, exchange(operation, uri, body), false);
    }

    private JsonNode list(String operation, URI uri) {
        return json(operation, exchange(operation, uri, null), true);
    }

    private HttpReply exchange(String operation, URI uri, JsonNode body) {
        try {
            if (body == null) {
                return http.get(uri);
            }
            return http.post(uri, LotusJson.bytes(body));
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
