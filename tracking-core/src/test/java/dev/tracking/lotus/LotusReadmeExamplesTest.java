package dev.tracking.lotus;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tracking.Identity;
import dev.tracking.Tracker;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.billing.Billing;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Customer;
import dev.tracking.billing.Subscription;
import dev.tracking.billing.SwitchPlanOptions;
import dev.tracking.contract.LotusContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tracking.lotus.LotusAnswers.array;
import static dev.tracking.lotus.LotusAnswers.component;
import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Plain Java: Lotus" example, step by step, against a stub that answers like Lotus. */
class LotusReadmeExamplesTest {

    @RegisterExtension
    static WireMockExtension server = LotusFixture.server();

    @Test
    void everyLotusOperationOfTheReadme() {
        stubLotus();
        LotusOptions lotus = LotusFixture.options(server);
        String proPlanId = LotusAnswers.PLAN_ID;
        String teamPlanId = "plan_" + LotusAnswers.OTHER_PLAN_ID.replace("-", "");

        try (Tracker tracker = Tracker.builder().lotus(lotus).build()) {
            tracker.track("report_exported", Identity.ofCustomer("acme"), Map.of("format", "pdf", "pages", 12));

            Billing billing = tracker.billing();
            billing.createCustomer(new Customer("acme", "Acme Inc", "billing@acme.example", Map.of("tier", "gold")));
            Optional<Customer> customer = billing.getCustomer("acme");
            Subscription subscription = billing.createSubscription("acme", proPlanId, null);
            List<Subscription> subscriptions = billing.listSubscriptions("acme");
            boolean onPro = LotusIds.samePlan(subscription.planId(), proPlanId);
            Subscription team = billing.switchPlan("acme", subscription.subscriptionId(), teamPlanId,
                    SwitchPlanOptions.defaults().withInvoiceNow(false));
            billing.cancelSubscription("acme", team.subscriptionId(), CancelOptions.atPeriodEnd());
            billing.cancelSubscription("acme", team.subscriptionId(), CancelOptions.immediately()
                    .withFlatFee(CancelOptions.FlatFee.REFUND).withUsage(CancelOptions.UsageBilling.BILL_NONE));

            AccessDecision slack = tracker.entitlements().checkFeature("acme", "slack_integration");
            AccessDecision export = tracker.entitlements().checkEvent("acme", "report_exported");
            AccessDecision lenient = tracker.entitlements().checkFeature("acme", "slack_integration", OnNoAnswer.ALLOW);

            assertThat(customer).map(Customer::name).contains("Acme Inc");
            assertThat(subscriptions).extracting(Subscription::subscriptionId).containsExactly("sub_1");
            assertThat(onPro).isTrue();
            assertThat(team.planId()).isEqualTo(teamPlanId);
            assertThat(slack.allowed()).isTrue();
            assertThat(lenient.allowed()).isTrue();
            assertThat(export.reason()).isEqualTo(AccessReason.LIMIT_REACHED);
        }

        try (LotusClient client = LotusClient.create(lotus)) {
            assertThat(client.ping()).isEqualTo("org_1");
        }
        assertThat(LotusContract.load().assertAllValid(server.getAllServeEvents())).isEqualTo(11);
    }

    private static void stubLotus() {
        String subscription = LotusAnswers.subscription("sub_1", "acme", "2026-11-01T00:00:00Z",
                "2026-12-01T00:00:00Z", true);
        server.stubFor(post("/api/track/").willReturn(okJson("{\"success\":\"all\",\"failed_events\":null}")
                .withStatus(201)));
        server.stubFor(post("/api/customers/").willReturn(okJson(LotusAnswers.customer("acme", "Acme Inc",
                "billing@acme.example")).withStatus(201)));
        server.stubFor(get("/api/customers/acme/").willReturn(okJson(LotusAnswers.customer("acme", "Acme Inc",
                "billing@acme.example"))));
        server.stubFor(post("/api/subscriptions/").willReturn(okJson(subscription).withStatus(201)));
        server.stubFor(get(urlPathEqualTo("/api/subscriptions/")).willReturn(okJson(array(subscription))));
        String switched = LotusAnswers.subscription("sub_2", "acme", "2026-11-22T00:00:00Z", "2026-12-01T00:00:00Z",
                true).replace(LotusAnswers.PLAN_ID, LotusAnswers.OTHER_PLAN_ID);
        server.stubFor(post("/api/subscriptions/sub_1/switch_plan/").willReturn(okJson(switched)));
        server.stubFor(post("/api/subscriptions/sub_2/update/").willReturn(okJson(switched)));
        server.stubFor(post("/api/subscriptions/sub_2/cancel/").willReturn(okJson(switched)));
        server.stubFor(get(urlPathEqualTo("/api/customer_feature_access/")).willReturn(okJson(array(
                LotusAnswers.featureOfSubscription(LotusAnswers.PLAN_ID, true)))));
        server.stubFor(get(urlPathEqualTo("/api/customer_metric_access/")).willReturn(okJson(array(
                LotusAnswers.usageOfSubscription(LotusAnswers.PLAN_ID, component("3", "null", "3"))))));
        server.stubFor(get("/api/ping/").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"organization_id\":\"org_1\"}")));
    }
}
