package dev.tracking.lotus;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tracking.TrackingApiException;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Customer;
import dev.tracking.billing.Subscription;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tracking.lotus.LotusAnswers.PLAN_ID;
import static dev.tracking.lotus.LotusFixture.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LotusClientTest {

    @RegisterExtension
    static WireMockExtension lotus = LotusFixture.server();

    @RegisterExtension
    static LotusContractCheck contract = LotusContractCheck.requestsAndAnswers(lotus);

    private final LotusClient client = LotusFixture.client(LotusFixture.options(lotus));

    @Test
    void pingReturnsTheOrganizationOfTheKey() {
        lotus.stubFor(get("/api/ping/").willReturn(okJson("{\"organization_id\":\"org_088c5d\"}")));

        assertThat(client.ping()).isEqualTo("org_088c5d");
        assertThat(only().getHeader("X-API-KEY")).isEqualTo(API_KEY);
    }

    @Test
    void createsACustomerWithNameEmailAndProperties() {
        lotus.stubFor(post("/api/customers/").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(LotusAnswers.customer("acme", "Acme Inc", "billing@acme.example"))));

        Customer created = client.createCustomer(new Customer("acme", "Acme Inc", "billing@acme.example",
                Map.of("tier", "gold")));

        assertThat(created).isEqualTo(new Customer("acme", "Acme Inc", "billing@acme.example", Map.of("tier", "gold")));
        JsonNode body = LotusFixture.body(only());
        assertThat(body.get("customer_id").asString()).isEqualTo("acme");
        assertThat(body.get("email").asString()).isEqualTo("billing@acme.example");
        assertThat(body.get("customer_name").asString()).isEqualTo("Acme Inc");
        assertThat(body.get("properties").get("tier").asString()).isEqualTo("gold");
    }

    @Test
    void aDuplicateCustomerIsA400WithTheProblemDetails() {
        lotus.stubFor(post("/api/customers/").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(LotusAnswers.problem("duplicate_resource",
                        "Customer with that customer_id already exists"))));

        TrackingApiException e = catchThrowableOfType(TrackingApiException.class,
                () -> client.createCustomer(Customer.of("acme", "Acme", "billing@acme.example")));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.title()).isEqualTo("duplicate_resource");
        assertThat(e.detail()).isEqualTo("Customer with that customer_id already exists");
        assertThat(e.type()).endsWith("#client-error");
        assertThat(e.getMessage()).contains("duplicate_resource").doesNotContain(API_KEY);
    }

    @Test
    void aCustomerNeedsAnEmailForLotus() {
        assertThatIllegalArgumentException().isThrownBy(() -> client.createCustomer(Customer.of("acme", "Acme", null)))
                .withMessageContaining("email");
    }

    @Test
    void getsACustomerOrNothingOn404() {
        lotus.stubFor(get("/api/customers/acme/")
                .willReturn(okJson(LotusAnswers.customer("acme", "Acme", "a@acme.example"))));
        lotus.stubFor(get("/api/customers/ghost/").willReturn(aResponse().withStatus(404)
                .withBody(LotusAnswers.problem("resource_not_found", "Not found."))));

        assertThat(client.getCustomer("acme")).contains(Customer.of("acme", "Acme", "a@acme.example"));
        assertThat(client.getCustomer("ghost")).isEmpty();
    }

    @Test
    void createsASubscriptionStartingNowByDefault() {
        lotus.stubFor(post("/api/subscriptions/").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(LotusAnswers.subscription("sub_1", "acme", "2026-11-22T10:20:00Z", "2026-12-22T10:20:00Z",
                        true))));

        Subscription subscription = client.createSubscription("acme", PLAN_ID, null);

        JsonNode body = LotusFixture.body(only());
        assertThat(body.get("customer_id").asString()).isEqualTo("acme");
        assertThat(body.get("plan_id").asString()).isEqualTo(PLAN_ID);
        assertThat(body.get("start_date").asString()).isEqualTo("2026-11-22T10:20:00.000Z");
        assertThat(subscription).isEqualTo(new Subscription("sub_1", "acme", LotusIds.planId(PLAN_ID),
                Instant.parse("2026-11-22T10:20:00Z"), Instant.parse("2026-12-22T10:20:00Z"), "active", true));
    }

    @Test
    void listsSubscriptionsOfEveryStatusWithTheStatusReadFromTheDates() {
        lotus.stubFor(get(urlPathEqualTo("/api/subscriptions/")).willReturn(okJson(LotusAnswers.array(
                LotusAnswers.subscription("sub_old", "acme", "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z", false),
                LotusAnswers.subscription("sub_now", "acme", "2026-11-01T00:00:00+00:00", "2026-12-01T00:00:00Z", true),
                LotusAnswers.subscription("sub_next", "acme", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z", true)))));

        List<Subscription> subscriptions = client.listSubscriptions("acme");

        assertThat(only().getUrl())
                .isEqualTo("/api/subscriptions/?customer_id=acme&status=active&status=not_started&status=ended");
        assertThat(subscriptions).extracting(Subscription::status).containsExactly("ended", "active", "not_started");
        assertThat(subscriptions.get(1).endDate()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void cancellingNowAndBillingNowInvoicesAtOnce() {
        stubCancel("/api/subscriptions/sub_1/cancel/", "2026-11-22T10:20:00Z", true);

        Subscription cancelled = client.cancelSubscription("sub_1", CancelOptions.immediately());

        JsonNode body = LotusFixture.body(only());
        assertThat(body.get("flat_fee_behavior").asString()).isEqualTo("charge_prorated");
        assertThat(body.get("usage_behavior").asString()).isEqualTo("bill_full");
        assertThat(body.get("invoicing_behavior").asString()).isEqualTo("invoice_now");
        assertThat(cancelled.status()).isEqualTo("ended");
    }

    @Test
    void cancellingNowWithoutBillingNowAddsToTheNextInvoice() {
        stubCancel("/api/subscriptions/sub_1/cancel/", "2026-11-22T10:20:00Z", true);

        client.cancelSubscription("sub_1", new CancelOptions(true, false));

        assertThat(LotusFixture.body(only()).get("invoicing_behavior").asString()).isEqualTo("add_to_next_invoice");
    }

    @Test
    void cancellingAtPeriodEndTurnsOffAutoRenewAndKeepsAccess() {
        stubCancel("/api/subscriptions/sub_1/update/", "2026-12-01T00:00:00Z", false);

        Subscription cancelled = client.cancelSubscription("sub_1", CancelOptions.atPeriodEnd());

        assertThat(LotusFixture.body(only()).get("turn_off_auto_renew").asBoolean()).isTrue();
        assertThat(LotusFixture.body(only()).has("invoicing_behavior")).isFalse();
        assertThat(cancelled.autoRenew()).isFalse();
        assertThat(cancelled.isActive()).isTrue();
    }

    @Test
    void validationErrorsArriveInTheException() {
        lotus.stubFor(post("/api/subscriptions/").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"type":"https://docs.uselotus.io/errors/error-responses#validation-error","title":"invalid",
                         "detail":"Must be a valid UUID.","validation_errors":[{"code":"invalid",
                         "detail":"Must be a valid UUID.","attr":"plan_id"}]}""")));

        TrackingApiException e = catchThrowableOfType(TrackingApiException.class,
                () -> client.createSubscription("acme", PLAN_ID, Instant.parse("2026-11-01T00:00:00Z")));

        assertThat(e.validationErrors()).containsExactly(
                new TrackingApiException.ValidationError("invalid", "Must be a valid UUID.", "plan_id"));
        assertThat(e.body()).isNull();
    }

    @Test
    void anAnswerThatIsNotJsonKeepsItsTextInTheException() {
        lotus.stubFor(get("/api/ping/").willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

        TrackingApiException e = catchThrowableOfType(TrackingApiException.class, client::ping);

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.body()).isEqualTo("<html>Bad Gateway</html>");
        assertThat(e.title()).isNull();
    }

    @Test
    void anAnswerOfTheWrongShapeIsAnError() {
        lotus.stubFor(get(urlPathEqualTo("/api/customer_feature_access/")).willReturn(okJson("{\"access\":true}")));

        TrackingApiException e = catchThrowableOfType(TrackingApiException.class,
                () -> client.checkFeature("acme", "export"));

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.getMessage()).contains("does not match the API");
        contract.assertRequestsValid();
        lotus.resetRequests();
    }

    @Test
    void noAnswerIsStatusZero() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LotusClient unreachable = LotusFixture.client(
                LotusOptions.of(API_KEY, URI.create("http://localhost:" + closedPort)));

        TrackingApiException e = catchThrowableOfType(TrackingApiException.class, unreachable::ping);

        assertThat(e.status()).isZero();
        assertThat(e.hasResponse()).isFalse();
        assertThat(e.getMessage()).doesNotContain(API_KEY);
    }

    @Test
    void identifiersArePercentEncodedInPathSegmentsAndQueryValues() {
        lotus.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404)));
        lotus.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(404)));
        String awkward = "a/b?c#d e+f%g ü";
        String encoded = "a%2Fb%3Fc%23d%20e%2Bf%25g%20%C3%BC";

        String awkwardSegment = "a?c#d e+f%g ü";
        String encodedSegment = "a%3Fc%23d%20e%2Bf%25g%20%C3%BC";

        client.getCustomer(awkwardSegment);
        catchThrowableOfType(TrackingApiException.class, () -> client.listSubscriptions(awkward));
        catchThrowableOfType(TrackingApiException.class,
                () -> client.cancelSubscription(awkwardSegment, CancelOptions.atPeriodEnd()));

        assertThat(LotusFixture.requests(lotus)).extracting(LoggedRequest::getUrl).containsExactlyInAnyOrder(
                "/api/customers/" + encodedSegment + "/",
                "/api/subscriptions/?customer_id=" + encoded + "&status=active&status=not_started&status=ended",
                "/api/subscriptions/" + encodedSegment + "/update/");
        assertThat(LotusFixture.requests(lotus).stream().filter(r -> r.getUrl().contains("customer_id"))
                .findFirst().orElseThrow().queryParameter("customer_id").firstValue()).isEqualTo(awkward);
    }

    private static void stubCancel(String path, String endDate, boolean autoRenew) {
        lotus.stubFor(post(path).willReturn(okJson(LotusAnswers.subscription("sub_1", "acme", "2026-11-01T00:00:00Z",
                endDate, autoRenew))));
    }

    private static LoggedRequest only() {
        List<LoggedRequest> requests = LotusFixture.requests(lotus);
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
