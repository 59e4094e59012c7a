package dev.tracking.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.BillingStatus;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.access.FeatureAccessDeniedException;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.annotation.BillingStage;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;
import org.junit.jupiter.api.Test;

class AspectOrderTest {

    private final AspectFixture fixture = new AspectFixture();

    @Test
    void aDeniedGateNeitherRunsNorBillsNorTracks() {
        Checkout checkout = fixture.proxy(new Checkout());
        fixture.tracker.entitlements().deny("pro_checkout");
        assertThatThrownBy(() -> checkout.buy("acme")).isInstanceOf(FeatureAccessDeniedException.class);
        assertThat(fixture.tracker.messages()).isEmpty();
    }

    @Test
    void byDefaultTheBillingStageIsRecordedAfterTheEvent() {
        fixture.proxy(new Checkout()).buy("acme");
        assertThat(fixture.tracker.messages()).extracting(AspectOrderTest::kind)
                .containsExactly("track", "billing");
    }

    @Test
    void theOrdersAreConfigurable() {
        Checkout checkout = fixture.proxy(new Checkout(), true, new GateOnFeatureAspect(fixture.support, OnNoAnswer.DENY, 3),
                new BillingStageAspect(fixture.support, 2), new TrackEventAspect(fixture.support, 1));
        checkout.buy("acme");
        assertThat(fixture.tracker.messages()).extracting(AspectOrderTest::kind).containsExactly("billing", "track");
        assertThat(new TrackEventAspect(fixture.support, 7).getOrder()).isEqualTo(7);
    }

    @Test
    void trackingOutsideTheGateRecordsTheDenial() {
        Checkout checkout = fixture.proxy(new Checkout(), true, new TrackEventAspect(fixture.support, 1),
                new GateOnFeatureAspect(fixture.support, OnNoAnswer.DENY, 2));
        fixture.tracker.entitlements().deny("pro_checkout");
        assertThatThrownBy(() -> checkout.tryBuy("acme")).isInstanceOf(FeatureAccessDeniedException.class);
        assertThat(fixture.tracker.eventsNamed("checkout_denied")).hasSize(1);
    }

    private static String kind(Message message) {
        return message instanceof TrackMessage ? "track" : "billing";
    }

    public static class Checkout {

        @GateOnFeature(feature = "pro_checkout", customerId = "#customerId")
        @BillingStage(value = BillingStatus.PAID, customerId = "#customerId")
        @TrackEvent(value = "checkout", customerId = "#customerId")
        public void buy(String customerId) {
        }

        @GateOnFeature(feature = "pro_checkout", customerId = "#customerId")
        @TrackEvent(value = "checkout_denied", customerId = "#customerId", when = TrackEvent.When.FAILURE)
        public void tryBuy(String customerId) {
        }
    }
}
