package dev.tracking.lotus;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Customer;
import dev.tracking.billing.Subscription;
import dev.tracking.billing.SwitchPlanOptions;
import dev.tracking.contract.LotusContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tracking.lotus.LotusAnswers.METRIC_ID;
import static dev.tracking.lotus.LotusAnswers.OTHER_PLAN_ID;
import static dev.tracking.lotus.LotusAnswers.PLAN_ID;
import static dev.tracking.lotus.LotusAnswers.component;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** How the Lotus server really behaves, as read from its code, and what the client does about it. */
class LotusServerDetailsTest {

    private static final String PLAN_HEX = "plan_" + PLAN_ID.replace("-", "");

    @RegisterExtension
    static WireMockExtension lotus = LotusFixture.server();

    @RegisterExtension
    static LotusContractCheck contract = LotusContractCheck.requestsAndAnswers(lotus);

    private final LotusClient client = LotusFixture.client(LotusFixture.options(lotus));

    @Test
    void aCustomerIdWithADotOrSlashIsLookedUpByQueryNeverByPath() {
        lotus.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404)));
        lotus.stubFor(get(urlPathEqualTo("/api/customers/")).willReturn(okJson(LotusAnswers.array(
                LotusAnswers.customer("acme", "Acme", "a@acme.example"),
                LotusAnswers.customer("acme.com", "Acme Com", "b@acme.example"),
                LotusAnswers.customer("eu/acme", "Acme EU", "c@acme.example")))));

        assertThat(client.getCustomer("acme.com")).contains(Customer.of("acme.com", "Acme Com", "b@acme.example"));
        assertThat(client.getCustomer("eu/acme")).contains(Customer.of("eu/acme", "Acme EU", "c@acme.example"));
        assertThat(client.getCustomer("ghost.io")).isEmpty();

        assertThat(LotusFixture.requests(lotus)).extracting(LoggedRequest::getUrl).containsExactlyInAnyOrder(
                "/api/customers/?customer_id=acme.com", "/api/customers/?customer_id=eu%2Facme",
                "/api/customers/?customer_id=ghost.io");
    }

    @Test
    void aSubscriptionIdWithADotOrSlashIsRefusedNamingTheCharacter() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.cancelSubscription("sub.json", CancelOptions.immediately()))
                .withMessageContaining("subscriptionId").withMessageContaining("'.'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.switchPlan("sub/1", PLAN_ID, SwitchPlanOptions.defaults()))
                .withMessageContaining("subscriptionId").withMessageContaining("'/'");
        assertThat(LotusFixture.requests(lotus)).isEmpty();
    }

    @Test
    void planIdsComeInOneNormalFormWhateverFormWasConfigured() {
        assertThat(LotusIds.planId(PLAN_ID)).isEqualTo(PLAN_HEX);
        assertThat(LotusIds.planId(PLAN_HEX.toUpperCase().replace("PLAN_", "plan_"))).isEqualTo(PLAN_HEX);
        assertThat(LotusIds.planUuid(PLAN_HEX)).isEqualTo(PLAN_ID);
        assertThat(LotusIds.samePlan(PLAN_ID, PLAN_HEX)).isTrue();
        assertThat(LotusIds.samePlan(PLAN_ID, OTHER_PLAN_ID)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> LotusIds.planId("pro")).withMessageContaining("planId");

        lotus.stubFor(post("/api/subscriptions/").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(LotusAnswers.subscription("sub_1", "acme",
                        "2026-11-22T10:20:00Z", "2026-12-22T10:20:00Z", true).replace(PLAN_ID, PLAN_HEX))));

        Subscription created = client.createSubscription("acme", PLAN_HEX, null);

        assertThat(LotusFixture.body(LotusFixture.requests(lotus).get(0)).get("plan_id").asString()).isEqualTo(PLAN_ID);
        assertThat(created.planId()).isEqualTo(PLAN_HEX);
    }

    @Test
    void byIdAPlanWithAllZeroLimitsDoesNotHaveTheMetricWhateverAccessSays() {
        LotusClient byId = LotusFixture.client(LotusFixture.options(lotus).withMetricIds(Map.of("api_call", METRIC_ID)));
        lotus.stubFor(get(urlPathEqualTo("/api/metric_access/")).willReturn(okJson(LotusAnswers.metricAccess("acme",
                true, component("0", "0", "0")))));

        AccessDecision decision = byId.checkEvent("acme", "api_call");

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo(AccessReason.NOT_IN_PLAN);
    }

    @Test
    void addOnSubscriptionsAreKeptApartFromPlans() {
        String addOnPlan = "4f506172-8394-4a5b-8cde-4f5a6b7c8d9e";
        String base = LotusAnswers.subscription("sub_base", "acme", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", true)
                .replace("\"addons\":[]", "\"addons\":[{\"addon_subscription_id\":\"sub_addon\","
                        + "\"start_date\":\"2026-11-01T00:00:00Z\",\"end_date\":\"2026-12-01T00:00:00Z\","
                        + "\"addon\":{\"addon_name\":\"Seats\",\"addon_id\":\"plan_" + addOnPlan.replace("-", "")
                        + "\",\"addon_type\":\"flat\",\"billing_frequency\":\"recurring\"},\"fully_billed\":false}]");
        String addOn = LotusAnswers.subscription("sub_addon", "acme", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z",
                true).replace(PLAN_ID, addOnPlan);
        lotus.stubFor(get(urlPathEqualTo("/api/subscriptions/")).willReturn(okJson(LotusAnswers.array(base, addOn))));

        assertThat(client.listSubscriptions("acme")).extracting(Subscription::subscriptionId).containsExactly("sub_base");
        assertThat(client.listAddOnSubscriptions("acme")).singleElement()
                .satisfies(s -> assertThat(s.planId()).isEqualTo(LotusIds.planId(addOnPlan)));
    }

    @Test
    void switchingPlansIsOneSwitchPlanCallWithItsProrationOptions() {
        lotus.stubFor(post("/api/subscriptions/sub_1/switch_plan/").willReturn(okJson(LotusAnswers.subscription(
                "sub_2", "acme", "2026-11-22T10:20:00Z", "2026-12-22T10:20:00Z", true).replace(PLAN_ID, OTHER_PLAN_ID))));

        Subscription switched = client.switchPlan("sub_1", OTHER_PLAN_ID, SwitchPlanOptions.defaults());
        client.switchPlan("sub_1", "plan_" + OTHER_PLAN_ID.replace("-", ""),
                SwitchPlanOptions.defaults().withInvoiceNow(false).withTransferUsage(false));

        assertThat(switched.planId()).isEqualTo(LotusIds.planId(OTHER_PLAN_ID));
        List<JsonNode> bodies = LotusFixture.requests(lotus).stream().map(LotusFixture::body).toList();
        assertThat(bodies).extracting(JsonNode::toString).containsExactlyInAnyOrder(
                "{\"switch_plan_id\":\"" + OTHER_PLAN_ID
                        + "\",\"invoicing_behavior\":\"invoice_now\",\"usage_behavior\":\"transfer_to_new_subscription\"}",
                "{\"switch_plan_id\":\"" + OTHER_PLAN_ID
                        + "\",\"invoicing_behavior\":\"add_to_next_invoice\",\"usage_behavior\":\"keep_separate\"}");
        assertThat(LotusContract.loadLatest().assertAllValid(lotus.getAllServeEvents())).isEqualTo(2);
    }

    @Test
    void cancellingNowTakesTheServersFeeUsageAndInvoicingOptions() {
        lotus.stubFor(post("/api/subscriptions/sub_1/cancel/").willReturn(okJson(LotusAnswers.subscription("sub_1",
                "acme", "2026-11-01T00:00:00Z", "2026-11-22T10:20:00Z", true))));

        client.cancelSubscription("sub_1", CancelOptions.immediately().withFlatFee(CancelOptions.FlatFee.REFUND)
                .withUsage(CancelOptions.UsageBilling.BILL_NONE).withBillNow(false));
        client.cancelSubscription("sub_1", CancelOptions.immediately().withFlatFee(CancelOptions.FlatFee.CHARGE_FULL));

        List<JsonNode> bodies = LotusFixture.requests(lotus).stream().map(LotusFixture::body).toList();
        assertThat(bodies).extracting(JsonNode::toString).containsExactlyInAnyOrder(
                "{\"flat_fee_behavior\":\"refund\",\"usage_behavior\":\"bill_none\","
                        + "\"invoicing_behavior\":\"add_to_next_invoice\"}",
                "{\"flat_fee_behavior\":\"charge_full\",\"usage_behavior\":\"bill_full\","
                        + "\"invoicing_behavior\":\"invoice_now\"}");
        assertThat(CancelOptions.immediately().flatFee()).isEqualTo(CancelOptions.FlatFee.CHARGE_PRORATED);
        assertThat(CancelOptions.immediately().usage()).isEqualTo(CancelOptions.UsageBilling.BILL_FULL);
    }

    @Test
    void thePlainText400OfTheAccessEndpointsMarksTheKeyRejected() {
        lotus.stubFor(get(urlPathEqualTo("/api/customer_feature_access/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/plain").withBody("Invalid API key")));

        LotusKeyStatus keys = new LotusKeyStatus();
        LotusOptions options = LotusFixture.options(lotus);
        LotusClient watched = new LotusClient(options, LotusFixture.http(options), LotusFixture.CLOCK, keys);
        org.assertj.core.api.Assertions.catchThrowable(() -> watched.checkFeature("acme", "export"));
        assertThat(keys.rejected()).isTrue();

        lotus.stubFor(get(urlPathEqualTo("/api/customer_feature_access/")).withQueryParam("customer_id", equalTo("acme"))
                .willReturn(okJson(LotusAnswers.array(LotusAnswers.featureOfSubscription(PLAN_ID, true)))));
        assertThat(watched.checkFeature("acme", "export").allowed()).isTrue();
        assertThat(keys.rejected()).isFalse();
    }
}
