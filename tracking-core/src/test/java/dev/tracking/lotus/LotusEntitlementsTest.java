package dev.tracking.lotus;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tracking.EntitlementOptions;
import dev.tracking.support.ManualTime;
import dev.tracking.TrackMessage;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.CachedEntitlements;
import dev.tracking.access.DecisionSource;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.billing.CancelOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tracking.lotus.LotusAnswers.PLAN_ID;
import static dev.tracking.lotus.LotusAnswers.array;
import static dev.tracking.lotus.LotusAnswers.component;
import static dev.tracking.lotus.LotusAnswers.featureOfSubscription;
import static dev.tracking.lotus.LotusAnswers.usageOfSubscription;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

class LotusEntitlementsTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    /** The first instant an answer is no longer fresh: refreshes start once more than the TTL has passed. */
    private static final Duration PAST_TTL = TTL.plusNanos(1);
    private static final Duration STALE_IF_ERROR = Duration.ofMinutes(10);
    private static final String FEATURES = "/api/customer_feature_access/";
    private static final String METRICS = "/api/customer_metric_access/";

    private static final HeldAnswers held = new HeldAnswers();

    @RegisterExtension
    static WireMockExtension lotus = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(held)).build();

    @RegisterExtension
    static LotusContractCheck contract = LotusContractCheck.requestsAndAnswers(lotus);

    private final ManualTime time = new ManualTime();
    private final LotusClient client = LotusFixture.client(LotusFixture.options(lotus));
    private final CachedEntitlements entitlements = entitlements(EntitlementOptions.defaults());

    @Test
    void aFreshAnswerIsServedFromTheCacheWithoutAllocating() {
        stubFeature(true);

        AccessDecision first = entitlements.checkFeature("acme", "export");
        AccessDecision second = entitlements.checkFeature("acme", "export");

        assertThat(first.source()).isEqualTo(DecisionSource.REMOTE);
        assertThat(second.source()).isEqualTo(DecisionSource.CACHE);
        assertThat(second.allowed()).isTrue();
        assertThat(entitlements.checkFeature("acme", "export")).isSameAs(second);
        assertThat(requests(FEATURES)).isEqualTo(1);
    }

    @Test
    void aStaleAnswerIsServedWhileOneRefreshRunsInTheBackground() {
        stubFeature(true);
        entitlements.checkFeature("acme", "export");
        stubFeature(false);
        time.advance(PAST_TTL);

        AccessDecision stale = entitlements.checkFeature("acme", "export");
        entitlements.checkFeature("acme", "export");

        assertThat(stale.allowed()).isTrue();
        assertThat(stale.source()).isEqualTo(DecisionSource.CACHE);
        assertThat(time.runTasks()).isEqualTo(1);
        AccessDecision refreshed = entitlements.checkFeature("acme", "export");
        assertThat(refreshed.allowed()).isFalse();
        assertThat(refreshed.source()).isEqualTo(DecisionSource.CACHE);
        assertThat(requests(FEATURES)).isEqualTo(2);
        assertThat(time.pendingTasks()).isZero();
    }

    @Test
    void whenLotusFailsTheStaleAnswerIsServedUpToTheStaleIfErrorBound() {
        stubFeature(true);
        entitlements.checkFeature("acme", "export");
        lotus.stubFor(get(urlPathEqualTo(FEATURES)).willReturn(aResponse().withStatus(503)));
        time.advance(PAST_TTL);
        entitlements.checkFeature("acme", "export");
        time.runTasks();

        time.advance(STALE_IF_ERROR.minusSeconds(1));
        AccessDecision stillServed = entitlements.checkFeature("acme", "export");
        time.runTasks();
        time.advance(Duration.ofSeconds(1));
        AccessDecision tooOld = entitlements.checkFeature("acme", "export");

        assertThat(stillServed.allowed()).isTrue();
        assertThat(stillServed.source()).isEqualTo(DecisionSource.CACHE);
        assertThat(tooOld.allowed()).isFalse();
        assertThat(tooOld.reason()).isEqualTo(AccessReason.BACKEND_UNAVAILABLE);
        assertThat(tooOld.source()).isEqualTo(DecisionSource.FALLBACK);
    }

    @Test
    void withNoAnswerAtAllThePolicyDecides() {
        lotus.stubFor(get(urlPathEqualTo(FEATURES)).willReturn(aResponse().withStatus(500)));
        CachedEntitlements failOpen = entitlements(EntitlementOptions.builder().onNoAnswer(OnNoAnswer.ALLOW).build());

        AccessDecision denied = entitlements.checkFeature("acme", "export");
        AccessDecision allowedForThisCall = entitlements.checkFeature("acme", "export", OnNoAnswer.ALLOW);
        AccessDecision allowedByDefault = failOpen.checkFeature("acme", "export");

        assertThat(denied.allowed()).isFalse();
        assertThat(denied.reason()).isEqualTo(AccessReason.BACKEND_UNAVAILABLE);
        assertThat(denied.source()).isEqualTo(DecisionSource.FALLBACK);
        assertThat(allowedForThisCall.allowed()).isTrue();
        assertThat(allowedByDefault.allowed()).isTrue();
        assertThat(allowedByDefault.reason()).isEqualTo(AccessReason.BACKEND_UNAVAILABLE);
        assertThat(failOpen.onNoAnswer()).isEqualTo(OnNoAnswer.ALLOW);
        assertThat(entitlements.onNoAnswer()).isEqualTo(OnNoAnswer.DENY);
    }

    @Test
    void subscriptionChangesDropTheCustomersCachedAnswers() {
        LotusBilling billing = new LotusBilling(client, entitlements);
        stubFeature(false);
        lotus.stubFor(post("/api/subscriptions/").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(LotusAnswers.subscription("sub_1", "acme",
                        "2026-11-22T10:20:00Z", "2026-12-22T10:20:00Z", true))));
        lotus.stubFor(post("/api/subscriptions/sub_1/cancel/").willReturn(okJson(LotusAnswers.subscription("sub_1",
                "acme", "2026-11-22T10:20:00Z", "2026-11-22T10:20:00Z", true))));
        assertThat(entitlements.checkFeature("acme", "export").allowed()).isFalse();

        stubFeature(true);
        billing.createSubscription("acme", PLAN_ID, null);
        AccessDecision afterSubscribing = entitlements.checkFeature("acme", "export");
        stubFeature(false);
        billing.cancelSubscription("acme", "sub_1", CancelOptions.immediately());
        AccessDecision afterCancelling = entitlements.checkFeature("acme", "export");

        assertThat(afterSubscribing.allowed()).isTrue();
        assertThat(afterSubscribing.source()).isEqualTo(DecisionSource.REMOTE);
        assertThat(afterCancelling.allowed()).isFalse();
        assertThat(requests(FEATURES)).isEqualTo(3);
    }

    @Test
    void theCustomersOwnEventsCountAgainstTheLimitBetweenRefreshes() {
        lotus.stubFor(get(urlPathEqualTo(METRICS)).willReturn(okJson(array(usageOfSubscription(PLAN_ID,
                component("8", "null", "10"))))));
        assertThat(entitlements.checkEvent("acme", "api_call").allowed()).isTrue();

        entitlements.onTracked(event("acme", "api_call"));
        entitlements.onTracked(event("other", "api_call"));
        entitlements.onTracked(event("acme", "report_exported"));
        AccessDecision oneLeft = entitlements.checkEvent("acme", "api_call");
        entitlements.onTracked(event("acme", "api_call"));
        AccessDecision atLimit = entitlements.checkEvent("acme", "api_call");

        assertThat(oneLeft.allowed()).isTrue();
        assertThat(oneLeft.usage()).isEqualByComparingTo("9");
        assertThat(atLimit.allowed()).isFalse();
        assertThat(atLimit.reason()).isEqualTo(AccessReason.LIMIT_REACHED);
        assertThat(atLimit.usage()).isEqualByComparingTo("10");
        assertThat(atLimit.limit()).isEqualByComparingTo("10");
        assertThat(entitlements.checkEvent("acme", "api_call")).isSameAs(atLimit);
        assertThat(requests(METRICS)).isEqualTo(1);
    }

    @Test
    void aRefreshedAnswerStartsCountingAfresh() {
        lotus.stubFor(get(urlPathEqualTo(METRICS)).willReturn(okJson(array(usageOfSubscription(PLAN_ID,
                component("3", "null", "10"))))));
        entitlements.checkEvent("acme", "api_call");
        entitlements.onTracked(event("acme", "api_call"));
        lotus.stubFor(get(urlPathEqualTo(METRICS)).willReturn(okJson(array(usageOfSubscription(PLAN_ID,
                component("5", "null", "10"))))));
        time.advance(PAST_TTL);
        assertThat(entitlements.checkEvent("acme", "api_call").usage()).isEqualByComparingTo("4");
        time.runTasks();

        assertThat(entitlements.checkEvent("acme", "api_call").usage()).isEqualByComparingTo("5");
    }

    @Test
    void concurrentMissesOfOneKeyMakeOneRequest() throws Exception {
        lotus.stubFor(get(urlPathEqualTo(FEATURES)).willReturn(okJson(array(featureOfSubscription(PLAN_ID, true)))
                .withTransformers(HeldAnswers.NAME)));

        List<AccessDecision> decisions = checkFromEightThreadsAtOnce();

        assertThat(decisions).hasSize(8).allMatch(AccessDecision::allowed);
        assertThat(requests(FEATURES)).isEqualTo(1);
    }

    @Test
    void concurrentMissesShareOneFailureToo() throws Exception {
        lotus.stubFor(get(urlPathEqualTo(FEATURES)).willReturn(aResponse().withStatus(503)
                .withTransformers(HeldAnswers.NAME)));

        List<AccessDecision> decisions = checkFromEightThreadsAtOnce();

        assertThat(decisions).hasSize(8).allMatch(d -> d.source() == DecisionSource.FALLBACK);
        assertThat(requests(FEATURES)).isEqualTo(1);
    }

    @Test
    void anUnknownCustomerIsAnsweredAndCached() {
        lotus.stubFor(get(urlPathEqualTo(FEATURES)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(LotusAnswers.unknownCustomer("ghost"))));

        entitlements.checkFeature("ghost", "export");
        AccessDecision decision = entitlements.checkFeature("ghost", "export");

        assertThat(decision.reason()).isEqualTo(AccessReason.UNKNOWN_CUSTOMER);
        assertThat(decision.source()).isEqualTo(DecisionSource.CACHE);
        assertThat(requests(FEATURES)).isEqualTo(1);
    }

    private List<AccessDecision> checkFromEightThreadsAtOnce() throws Exception {
        List<Thread> checking = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task);
            checking.add(thread);
            return thread;
        });
        held.hold();
        try {
            CountDownLatch ready = new CountDownLatch(8);
            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(8);
            List<Future<AccessDecision>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    started.countDown();
                    return entitlements.checkFeature("acme", "export");
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> held.holding() == 1 && checking.stream()
                    .filter(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)
                    .count() >= 7);
            held.release();
            List<AccessDecision> decisions = new ArrayList<>();
            for (Future<AccessDecision> future : futures) {
                decisions.add(future.get(10, TimeUnit.SECONDS));
            }
            return decisions;
        } finally {
            held.release();
            threads.shutdownNow();
        }
    }

    private CachedEntitlements entitlements(EntitlementOptions options) {
        return CachedEntitlements.over(new LotusEntitlements(client),
                options.toBuilder().cacheTtl(TTL).staleIfError(STALE_IF_ERROR).build(), time, time);
    }

    private static void stubFeature(boolean access) {
        lotus.stubFor(get(urlPathEqualTo(FEATURES)).willReturn(okJson(array(featureOfSubscription(PLAN_ID, access)))));
    }

    private static TrackMessage event(String customerId, String name) {
        return TrackMessage.builder(name).customerId(customerId).build();
    }

    private static int requests(String path) {
        return lotus.countRequestsMatching(getRequestedFor(urlPathEqualTo(path)).build()).getCount();
    }
}
