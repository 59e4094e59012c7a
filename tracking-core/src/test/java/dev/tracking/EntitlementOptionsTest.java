package dev.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tracking.access.OnNoAnswer;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntitlementOptionsTest {

    @Test
    void theBuilderStartsFromTheDocumentedDefaults() {
        EntitlementOptions built = EntitlementOptions.builder().build();

        assertThat(built).isEqualTo(EntitlementOptions.defaults()).hasSameHashCodeAs(EntitlementOptions.defaults());
        assertThat(built.cacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(built.staleIfError()).isEqualTo(Duration.ofMinutes(10));
        assertThat(built.onNoAnswer()).isEqualTo(OnNoAnswer.DENY);
        assertThat(built.maximumSize()).isEqualTo(10_000);
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                invalid("cacheTtl", b -> b.cacheTtl(null)),
                invalid("cacheTtl", b -> b.cacheTtl(Duration.ZERO)),
                invalid("staleIfError", b -> b.staleIfError(null)),
                invalid("staleIfError", b -> b.staleIfError(Duration.ofSeconds(-1))),
                invalid("onNoAnswer", b -> b.onNoAnswer(null)),
                invalid("maximumSize", b -> b.maximumSize(0)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("outOfRange")
    void buildRefusesASettingOutOfRangeNamingIt(String field, UnaryOperator<EntitlementOptions.Builder> change) {
        EntitlementOptions.Builder builder = change.apply(EntitlementOptions.builder());

        assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageStartingWith(field + " must");
    }

    @Test
    void noStaleIfErrorIsAllowed() {
        assertThat(EntitlementOptions.builder().staleIfError(Duration.ZERO).build().staleIfError()).isZero();
    }

    @Test
    void toBuilderRoundTripsEverySetting() {
        EntitlementOptions options = EntitlementOptions.builder().cacheTtl(Duration.ofSeconds(5))
                .staleIfError(Duration.ZERO).onNoAnswer(OnNoAnswer.ALLOW).maximumSize(10).build();
        EntitlementOptions copy = options.toBuilder().build();

        assertThat(FieldsAlike.sameIn(options, EntitlementOptions.defaults())).as("settings left at their default")
                .isEmpty();
        assertThat(FieldsAlike.sameIn(copy, options)).hasSize((int) FieldsAlike.count(EntitlementOptions.class));
        assertThat(copy).isEqualTo(options).hasSameHashCodeAs(options).hasToString(options.toString());
    }

    private static Arguments invalid(String field, UnaryOperator<EntitlementOptions.Builder> change) {
        return Arguments.of(field, change);
    }
}
