package dev.tracking.lotus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tracking.lotus.LotusAnswers.PLAN_ID;
import static dev.tracking.lotus.LotusAnswers.array;
import static dev.tracking.lotus.LotusAnswers.component;
import static dev.tracking.lotus.LotusAnswers.usageOfSubscription;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tracking.EntitlementOptions;
import dev.tracking.support.ManualTime;
import dev.tracking.access.AccessReason;
import dev.tracking.access.CachedEntitlements;
import dev.tracking.access.DecisionSource;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.access.Reservation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reservations against Lotus answers: exact within one instance, released units come back. */
class LotusReservationTest {

    private static final String METRICS = "/api/customer_metric_access/";

    @RegisterExtension
    static WireMockExtension lotus = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ManualTime time = new ManualTime();
    private final CachedEntitlements entitlements = CachedEntitlements.over(
            new LotusEntitlements(LotusFixture.client(LotusFixture.options(lotus))),
            EntitlementOptions.builder().cacheTtl(Duration.ofSeconds(30)).build(), time, time);
    private final ExecutorService pool = Executors.newFixedThreadPool(100);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aColdBurstReservesExactlyWhatLotusLeft() throws Exception {
        lotus.stubFor(get(urlPathEqualTo(METRICS)).willReturn(okJson(array(usageOfSubscription(PLAN_ID,
                component("7", "null", "10"))))));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return entitlements.tryConsume("acme", "api_call", 1, OnNoAnswer.DENY).allowed();
            }));
        }
        go.countDown();
        int allowed = 0;
        for (Future<Boolean> call : calls) {
            allowed += call.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(3);
        assertThat(entitlements.checkEvent("acme", "api_call").reason()).isEqualTo(AccessReason.LIMIT_REACHED);
    }

    @Test
    void aReleasedUnitCanBeReservedAgainAndACommittedOneIsNotCountedTwice() {
        lotus.stubFor(get(urlPathEqualTo(METRICS)).willReturn(okJson(array(usageOfSubscription(PLAN_ID,
                component("8", "null", "10"))))));
        Reservation first = entitlements.tryConsume("acme", "api_call", 1, OnNoAnswer.DENY);
        Reservation second = entitlements.tryConsume("acme", "api_call", 1, OnNoAnswer.DENY);
        assertThat(entitlements.tryConsume("acme", "api_call", 1, OnNoAnswer.DENY).allowed()).isFalse();
        second.release();
        Reservation again = entitlements.tryConsume("acme", "api_call", 1, OnNoAnswer.DENY);
        assertThat(again.allowed()).isTrue();
        first.commit();
        assertThat(entitlements.checkEvent("acme", "api_call").usage()).isEqualByComparingTo("10");
    }

    @Test
    void withoutAnAnswerThePolicyDecidesAndNothingIsHeld() {
        lotus.stubFor(get(urlPathEqualTo(METRICS)).willReturn(aResponse().withStatus(503)));
        Reservation reservation = entitlements.tryConsume("acme", "api_call", 1, OnNoAnswer.ALLOW);
        assertThat(reservation.allowed()).isTrue();
        assertThat(reservation.decision().source()).isEqualTo(DecisionSource.FALLBACK);
        assertThat(reservation.decision().reason()).isEqualTo(AccessReason.BACKEND_UNAVAILABLE);
        reservation.commit();
        assertThat(reservation.isCommitted()).isTrue();
    }
}
