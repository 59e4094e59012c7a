package dev.tracking.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DefinitionCachingTest {

    private final AspectFixture fixture = new AspectFixture();

    @Test
    void methodsOfTheSameNameOnDifferentClassesHaveTheirOwnDefinitions() {
        fixture.proxy(new Orders()).export("acme");
        fixture.proxy(new Invoices()).export("acme");
        assertThat(fixture.tracker.events()).extracting(event -> event.eventName())
                .containsExactly("order_exported", "invoice_exported");
        assertThat(fixture.annotations.trackEvent(method(Orders.class), Orders.class).eventName())
                .isEqualTo("order_exported");
        assertThat(fixture.annotations.trackEvent(method(Invoices.class), Invoices.class).eventName())
                .isEqualTo("invoice_exported");
    }

    @Test
    void anInheritedMethodHasADefinitionPerTargetClass() {
        fixture.proxy(new BillingReports()).run("acme");
        fixture.proxy(new UsageReports()).run("globex");
        assertThat(fixture.tracker.events()).extracting(event -> event.identity().customerId())
                .containsExactly("acme", "globex");

        Method run = method(Reports.class);
        TrackEventDefinition billing = fixture.annotations.trackEvent(run, BillingReports.class);
        TrackEventDefinition usage = fixture.annotations.trackEvent(run, UsageReports.class);
        assertThat(billing.method().targetClass()).isEqualTo(BillingReports.class);
        assertThat(usage.method().targetClass()).isEqualTo(UsageReports.class);
        assertThat(billing.method().describe()).isEqualTo(BillingReports.class.getName() + ".run(..)");
        assertThat(fixture.annotations.trackEvent(run, BillingReports.class)).isSameAs(billing);
    }

    @Test
    void anInterfaceMethodResolvesToTheImplementationsAnnotationThroughAJdkProxy() {
        Exporter orders = fixture.proxy(new Orders(), false);
        Exporter invoices = fixture.proxy(new Invoices(), false);
        orders.export("acme");
        invoices.export("acme");
        orders.export("globex");
        assertThat(fixture.tracker.events())
                .extracting(event -> event.eventName() + ":" + event.identity().customerId())
                .containsExactly("order_exported:acme", "invoice_exported:acme", "order_exported:globex");
    }

    @Test
    void aMethodWithoutTheAnnotationIsRememberedAsHavingNone() {
        Orders orders = fixture.proxy(new Orders());
        orders.gated("acme");
        orders.gated("acme");
        Method gated = method(Orders.class, "gated");
        assertThat(fixture.annotations.trackEvent(gated, Orders.class)).isNull();
        GateDefinition gate = fixture.annotations.gate(gated, Orders.class);
        assertThat(gate.feature()).isEqualTo("orders");
        assertThat(fixture.annotations.gate(gated, Orders.class)).isSameAs(gate);
        assertThat(fixture.tracker.decisions()).hasSize(2);
    }

    @Test
    void asksForTheIdentityResolverOnceAndRemembersThatThereIsNone() {
        AtomicInteger lookups = new AtomicInteger();
        AspectSupport support = new AspectSupport(() -> fixture.tracker, () -> {
            lookups.incrementAndGet();
            return null;
        }, fixture.annotations, fixture.support.evaluator(), java.util.List::of);
        Orders orders = fixture.proxy(new Orders(), true, new TrackEventAspect(support, 1));
        orders.export("acme");
        orders.export("acme");
        orders.export("acme");
        assertThat(lookups).hasValue(1);
        assertThat(fixture.tracker.events()).hasSize(3);
    }

    private static Method method(Class<?> type) {
        return method(type, type == Reports.class ? "run" : "export");
    }

    private static Method method(Class<?> type, String name) {
        try {
            return type.getMethod(name, String.class);
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public interface Exporter {
        void export(String customerId);
    }

    public static class Orders implements Exporter {

        @Override
        @TrackEvent(value = "order_exported", customerId = "#customerId")
        public void export(String customerId) {
        }

        @GateOnFeature(feature = "orders", customerId = "#customerId")
        public void gated(String customerId) {
        }
    }

    public static class Invoices implements Exporter {

        @Override
        @TrackEvent(value = "invoice_exported", customerId = "#customerId")
        public void export(String customerId) {
        }
    }

    public static class Reports {

        @TrackEvent(value = "report_run", customerId = "#customerId")
        public void run(String customerId) {
        }
    }

    public static class BillingReports extends Reports {
    }

    public static class UsageReports extends Reports {
    }
}
