package dev.tracking.spring.aop;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.BillingStatus;
import dev.tracking.annotation.BillingStage;
import dev.tracking.annotation.EventProperty;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;
import org.junit.jupiter.api.Test;

class TrackingAnnotationsTest {

    private final TrackingAnnotations withResolver = new AspectFixture(true).annotations;
    private final TrackingAnnotations withoutResolver = new AspectFixture(false).annotations;

    @Test
    void acceptsValidAnnotations() {
        assertThatCode(() -> withoutResolver.verify(Valid.class)).doesNotThrowAnyException();
        assertThatCode(() -> withResolver.verify(String.class)).doesNotThrowAnyException();
    }

    @Test
    void namesClassMethodAndAttributeOfAnExpressionThatDoesNotParse() {
        assertThatThrownBy(() -> withResolver.verify(BadSyntax.class))
                .isInstanceOfSatisfying(InvalidTrackingAnnotationException.class, ex -> {
                    org.assertj.core.api.Assertions.assertThat(ex.attribute()).isEqualTo("customerId");
                    org.assertj.core.api.Assertions.assertThat(ex.location()).isEqualTo(BadSyntax.class.getName() + ".export(..)");
                })
                .hasMessageContaining("@TrackEvent(customerId)").hasMessageContaining("does not parse");
    }

    @Test
    void rejectsAVariableThatWillNotExist() {
        assertThatThrownBy(() -> withResolver.verify(UnknownVariable.class))
                .hasMessageContaining("@TrackEvent(property[format])").hasMessageContaining("#reqest")
                .hasMessageContaining("request");
        assertThatThrownBy(() -> withResolver.verify(ResultInGate.class))
                .hasMessageContaining("@GateOnFeature(customerId)").hasMessageContaining("#result");
        assertThatThrownBy(() -> withResolver.verify(ExceptionOnSuccess.class))
                .hasMessageContaining("#exception");
    }

    @Test
    void rejectsAMethodWithNoWayToGetAnIdentity() {
        assertThatCode(() -> withResolver.verify(NoIdentity.class)).doesNotThrowAnyException();
        assertThatThrownBy(() -> withoutResolver.verify(NoIdentity.class))
                .hasMessageContaining(NoIdentity.class.getName() + ".export(..)")
                .hasMessageContaining("IdentityResolver");
    }

    @Test
    void rejectsAGateWithoutExactlyOneFeatureOrEvent() {
        assertThatThrownBy(() -> withResolver.verify(GateWithBoth.class)).hasMessageContaining("not both");
        assertThatThrownBy(() -> withResolver.verify(GateWithNeither.class)).hasMessageContaining("name the feature");
        assertThatThrownBy(() -> withResolver.verify(GateWithTwoNames.class)).hasMessageContaining("different features");
    }

    @Test
    void rejectsDuplicateOrBlankPropertyNames() {
        assertThatThrownBy(() -> withResolver.verify(DuplicateProperty.class)).hasMessageContaining("named twice");
    }

    static class Valid {
        @TrackEvent(value = "e", customerId = "#a0", properties = "{'n': #p1}", condition = "#result != null")
        public String track(String customerId, int n) {
            return "";
        }

        @GateOnFeature(event = "e", customerId = "#root.args[0]")
        @BillingStage(value = BillingStatus.PAID, customerId = "#customerId + #result")
        public String gate(String customerId) {
            return "";
        }
    }

    static class BadSyntax {
        @TrackEvent(value = "e", customerId = "#customerId +")
        public void export(String customerId) {
        }
    }

    static class UnknownVariable {
        @TrackEvent(value = "e", customerId = "#request", property = @EventProperty(name = "format", value = "#reqest.format"))
        public void export(String request) {
        }
    }

    static class ResultInGate {
        @GateOnFeature(value = "f", customerId = "#result")
        public String export() {
            return "";
        }
    }

    static class ExceptionOnSuccess {
        @TrackEvent(value = "e", customerId = "#exception.message")
        public void export() {
        }
    }

    static class NoIdentity {
        @TrackEvent("e")
        public void export() {
        }
    }

    static class GateWithBoth {
        @GateOnFeature(feature = "f", event = "e", customerId = "'c'")
        public void export() {
        }
    }

    static class GateWithNeither {
        @GateOnFeature(customerId = "'c'")
        public void export() {
        }
    }

    static class GateWithTwoNames {
        @GateOnFeature(value = "f", feature = "g", customerId = "'c'")
        public void export() {
        }
    }

    static class DuplicateProperty {
        @TrackEvent(value = "e", customerId = "'c'", property = { @EventProperty(name = "a", value = "1"),
                @EventProperty(name = "a", value = "2") })
        public void export() {
        }
    }
}
