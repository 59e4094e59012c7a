package dev.tracking.lotus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.tracking.lotus.LotusAnswers.PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Customer;
import dev.tracking.billing.SwitchPlanOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The exact bytes of every request body the client sends, as the server receives them. */
class LotusRequestBodiesTest {

    @RegisterExtension
    static WireMockExtension lotus = LotusFixture.server();

    @RegisterExtension
    static LotusContractCheck contract = LotusContractCheck.requests(lotus);

    private final LotusClient client = LotusFixture.client(LotusFixture.options(lotus));

    @Test
    void createCustomerWithPropertiesOfEveryKind() {
        stubCustomer();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("tier", "gold \"vip\" ü\u0001");
        properties.put("seats", 12);
        properties.put("big", 12_345_678_901L);
        properties.put("ratio", 0.25);
        properties.put("price", new BigDecimal("19.90"));
        properties.put("trial", false);
        properties.put("tags", List.of("a", 2, true));
        properties.put("address", Map.of("city", "Berlin"));
        properties.put("nothing", null);
        properties.put("since", Instant.parse("2026-01-02T03:04:05.678901Z"));

        client.createCustomer(new Customer("acme/1", "Acme Inc", "billing@acme.example", properties));

        assertThat(body()).isEqualTo(json("{'customer_id':'acme/1','email':'billing@acme.example',"
                + "'customer_name':'Acme Inc','properties':{'tier':'gold \\'vip\\' ü\\u0001','seats':12,"
                + "'big':12345678901,'ratio':0.25,'price':19.90,'trial':false,'tags':['a',2,true],"
                + "'address':{'city':'Berlin'},'nothing':null,'since':'2026-01-02T03:04:05.678901Z'}}"));
    }

    @Test
    void createCustomerWithoutNameOrProperties() {
        stubCustomer();

        client.createCustomer(new Customer("acme", null, "billing@acme.example", Map.of()));

        assertThat(body()).isEqualTo(json("{'customer_id':'acme','email':'billing@acme.example'}"));
    }

    @Test
    void createSubscription() {
        lotus.stubFor(post("/api/subscriptions/").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(subscription())));

        client.createSubscription("acme", PLAN_ID, Instant.parse("2026-11-01T00:00:00.123456Z"));

        assertThat(body()).isEqualTo(json("{'customer_id':'acme','plan_id':'" + PLAN_ID + "',"
                + "'start_date':'2026-11-01T00:00:00.123Z'}"));
    }

    @Test
    void cancelNowWithEveryBehaviour() {
        lotus.stubFor(post("/api/subscriptions/sub_1/cancel/").willReturn(okJson(subscription())));

        client.cancelSubscription("sub_1", CancelOptions.immediately().withFlatFee(CancelOptions.FlatFee.REFUND)
                .withUsage(CancelOptions.UsageBilling.BILL_NONE).withBillNow(false));

        assertThat(body()).isEqualTo(json("{'flat_fee_behavior':'refund','usage_behavior':'bill_none',"
                + "'invoicing_behavior':'add_to_next_invoice'}"));
    }

    @Test
    void cancelAtPeriodEnd() {
        lotus.stubFor(post("/api/subscriptions/sub_1/update/").willReturn(okJson(subscription())));

        client.cancelSubscription("sub_1", CancelOptions.atPeriodEnd());

        assertThat(body()).isEqualTo(json("{'turn_off_auto_renew':true}"));
    }

    @Test
    void switchPlan() {
        lotus.stubFor(post("/api/subscriptions/sub_1/switch_plan/").willReturn(okJson(subscription())));

        client.switchPlan("sub_1", PLAN_ID, SwitchPlanOptions.defaults().withTransferUsage(false));

        assertThat(body()).isEqualTo(json("{'switch_plan_id':'" + PLAN_ID + "','invoicing_behavior':'invoice_now',"
                + "'usage_behavior':'keep_separate'}"));
    }

    private static void stubCustomer() {
        lotus.stubFor(post("/api/customers/").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(LotusAnswers.customer("acme", "Acme Inc", "billing@acme.example"))));
    }

    private static String subscription() {
        return LotusAnswers.subscription("sub_1", "acme", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", true);
    }

    private static String body() {
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests = LotusFixture.requests(lotus);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Content-Type")).startsWith("application/json");
        return requests.get(0).getBodyAsString();
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
