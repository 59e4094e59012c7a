package dev.tracking.lotus;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tracking.TrackingApiException;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.DecisionSource;
import dev.tracking.contract.LotusContract;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tracking.lotus.LotusAnswers.FEATURE_ID;
import static dev.tracking.lotus.LotusAnswers.METRIC_ID;
import static dev.tracking.lotus.LotusAnswers.OTHER_PLAN_ID;
import static dev.tracking.lotus.LotusAnswers.PLAN_ID;
import static dev.tracking.lotus.LotusAnswers.array;
import static dev.tracking.lotus.LotusAnswers.component;
import static dev.tracking.lotus.LotusAnswers.featureOfSubscription;
import static dev.tracking.lotus.LotusAnswers.usageOfSubscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LotusAccessTest {

    @RegisterExtension
    static WireMockExtension lotus = LotusFixture.server();

    private static LotusContract contract;
    private final LotusOptions options = LotusFixture.options(lotus);
    private final LotusClient byName = LotusFixture.client(options);
    private final LotusClient byId = LotusFixture.client(options.withFeatureIds(Map.of("export", FEATURE_ID))
            .withMetricIds(Map.of("api_call", METRIC_ID)));

    @BeforeAll
    static void loadContract() {
        contract = LotusContract.load();
    }

    @AfterEach
    void everyExchangeMatchesTheSpec() {
        contract.assertAllValid(lotus.getAllServeEvents());
        contract.assertSuccessfulAnswersValid(lotus.getAllServeEvents());
    }

    @Test
    void aFeatureIsAllowedWhenAnyActiveSubscriptionHasIt() {
        stub("/api/customer_feature_access/", array(featureOfSubscription(PLAN_ID, false),
                featureOfSubscription(OTHER_PLAN_ID, true)));

        AccessDecision decision = byName.checkFeature("acme", "export");

        assertThat(decision).isEqualTo(new AccessDecision(true, AccessReason.IN_PLAN, "acme", "export", null, null,
                null, DecisionSource.REMOTE));
        assertThat(onlyUrl()).isEqualTo("/api/customer_feature_access/?customer_id=acme&feature_name=export");
    }

    @Test
    void aFeatureNoSubscriptionHasIsNotInPlan() {
        stub("/api/customer_feature_access/", array(featureOfSubscription(PLAN_ID, false)));
        assertThat(byName.checkFeature("acme", "export").reason()).isEqualTo(AccessReason.NOT_IN_PLAN);
    }

    @Test
    void aCustomerWithoutSubscriptionsHasNoFeature() {
        stub("/api/customer_feature_access/", "[]");
        assertThat(byName.checkFeature("acme", "export").allowed()).isFalse();
    }

    @Test
    void aMappedFeatureIsCheckedByIdWithTheServersVerdict() {
        stub("/api/feature_access/", LotusAnswers.featureAccess("acme", true, false, true));

        assertThat(byId.checkFeature("acme", "export").allowed()).isTrue();
        assertThat(onlyUrl()).isEqualTo("/api/feature_access/?customer_id=acme&feature_id=" + FEATURE_ID);
    }

    @Test
    void anUnlimitedMetricIsAllowedWithItsUsage() {
        stub("/api/customer_metric_access/", array(usageOfSubscription(PLAN_ID, component("1234", "null", "null"))));

        AccessDecision decision = byName.checkEvent("acme", "api_call");

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.reason()).isEqualTo(AccessReason.IN_PLAN);
        assertThat(decision.usage()).isEqualByComparingTo("1234");
        assertThat(decision.limit()).isNull();
        assertThat(decision.event()).isEqualTo("api_call");
        assertThat(onlyUrl()).isEqualTo("/api/customer_metric_access/?customer_id=acme&event_name=api_call");
    }

    @Test
    void theTotalLimitDeniesAndTheFreeLimitDoesNot() {
        stub("/api/customer_metric_access/", array(usageOfSubscription(PLAN_ID, component("100", "50", "100"))));
        AccessDecision atLimit = byName.checkEvent("acme", "api_call");

        assertThat(atLimit.allowed()).isFalse();
        assertThat(atLimit.reason()).isEqualTo(AccessReason.LIMIT_REACHED);
        assertThat(atLimit.usage()).isEqualByComparingTo("100");
        assertThat(atLimit.limit()).isEqualByComparingTo("100");

        stub("/api/customer_metric_access/", array(usageOfSubscription(PLAN_ID, component("60", "50", "100"))));
        assertThat(byName.checkEvent("acme", "api_call").allowed()).isTrue();
    }

    @Test
    void ofSeveralSubscriptionsTheOneWithTheMostHeadroomDecides() {
        stub("/api/customer_metric_access/", array(
                usageOfSubscription(PLAN_ID, component("10", "null", "10")),
                usageOfSubscription(OTHER_PLAN_ID, component("40", "null", "100"), component("5", "null", "50"))));

        AccessDecision decision = byName.checkEvent("acme", "api_call");

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.usage()).isEqualByComparingTo("5");
        assertThat(decision.limit()).isEqualByComparingTo("50");
    }

    @Test
    void anEventNoPlanMetersIsNotInPlan() {
        stub("/api/customer_metric_access/", array(usageOfSubscription(PLAN_ID)));
        AccessDecision decision = byName.checkEvent("acme", "api_call");

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo(AccessReason.NOT_IN_PLAN);
    }

    @Test
    void aMappedMetricIsCheckedByIdWithTheServersVerdict() {
        stub("/api/metric_access/", LotusAnswers.metricAccess("acme", false, component("0", "0", "0"),
                component("500", "100", "500")));

        AccessDecision decision = byId.checkEvent("acme", "api_call");

        assertThat(decision.reason()).isEqualTo(AccessReason.LIMIT_REACHED);
        assertThat(decision.usage()).isEqualByComparingTo("500");
        assertThat(decision.limit()).isEqualByComparingTo("500");
        assertThat(onlyUrl()).isEqualTo("/api/metric_access/?customer_id=acme&metric_id=" + METRIC_ID);
    }

    @Test
    void aMetricOnlyInSubscriptionsWithoutItIsNotInPlan() {
        stub("/api/metric_access/", LotusAnswers.metricAccess("acme", false, component("0", "0", "0")));
        assertThat(byId.checkEvent("acme", "api_call").reason()).isEqualTo(AccessReason.NOT_IN_PLAN);
    }

    @Test
    void anUnlimitedMetricByIdIsAllowed() {
        stub("/api/metric_access/", LotusAnswers.metricAccess("acme", true, component("7", "null", "null")));
        AccessDecision decision = byId.checkEvent("acme", "api_call");

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.limit()).isNull();
    }

    @Test
    void anUnknownCustomerIsADecisionNotAnError() {
        lotus.stubFor(get(urlPathEqualTo("/api/customer_feature_access/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(LotusAnswers.unknownCustomer("ghost"))));

        AccessDecision decision = byName.checkFeature("ghost", "export");

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo(AccessReason.UNKNOWN_CUSTOMER);
    }

    @Test
    void theAccessEndpointsPlainText400KeepsItsText() {
        lotus.stubFor(get(urlPathEqualTo("/api/customer_metric_access/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("Invalid API key")));

        TrackingApiException e = catchThrowableOfType(TrackingApiException.class,
                () -> byName.checkEvent("acme", "api_call"));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.body()).isEqualTo("Invalid API key");
        assertThat(e.getMessage()).contains("Invalid API key").doesNotContain(LotusFixture.API_KEY);
    }

    @Test
    void identifiersInAccessQueriesArePercentEncoded() {
        stub("/api/customer_feature_access/", "[]");

        byName.checkFeature("a/b?c#d e+f%g ü", "export & share");

        assertThat(onlyUrl()).isEqualTo("/api/customer_feature_access/?customer_id=a%2Fb%3Fc%23d%20e%2Bf%25g%20%C3%BC"
                + "&feature_name=export%20%26%20share");
        assertThat(lotus.getAllServeEvents().get(0).getRequest().queryParameter("feature_name").firstValue())
                .isEqualTo("export & share");
    }

    private static void stub(String path, String body) {
        lotus.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(body)));
    }

    private static String onlyUrl() {
        assertThat(lotus.getAllServeEvents()).hasSize(1);
        return lotus.getAllServeEvents().get(0).getRequest().getUrl();
    }
}
