package dev.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryOptionsTest {

    @Test
    void theBuilderStartsFromTheDocumentedDefaults() {
        RetryOptions built = RetryOptions.builder().build();

        assertThat(built).isEqualTo(RetryOptions.defaults()).hasSameHashCodeAs(RetryOptions.defaults());
        assertThat(built.maxAttempts()).isZero();
        assertThat(built.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(built.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(built.deliveryTimeout()).isEqualTo(RetryOptions.DEFAULT_DELIVERY_TIMEOUT)
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(built.attemptsExhausted(1_000_000)).as("no attempt cap").isFalse();
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                invalid("retry.maxAttempts", b -> b.maxAttempts(-1)),
                invalid("retry.initialBackoff", b -> b.initialBackoff(null)),
                invalid("retry.initialBackoff", b -> b.initialBackoff(Duration.ZERO)),
                invalid("retry.maxBackoff", b -> b.maxBackoff(null)),
                invalid("retry.maxBackoff", b -> b.maxBackoff(Duration.ofMillis(-1))),
                invalid("retry.maxBackoff",
                        b -> b.initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1))),
                invalid("retry.deliveryTimeout", b -> b.deliveryTimeout(null)),
                invalid("retry.deliveryTimeout", b -> b.deliveryTimeout(Duration.ZERO)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("outOfRange")
    void buildRefusesASettingOutOfRangeNamingIt(String field, UnaryOperator<RetryOptions.Builder> change) {
        RetryOptions.Builder builder = change.apply(RetryOptions.builder());

        assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageStartingWith(field + " must");
    }

    @Test
    void toBuilderRoundTripsEverySetting() {
        RetryOptions options = RetryOptions.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(5))
                .maxBackoff(Duration.ofMillis(20)).deliveryTimeout(Duration.ofSeconds(5)).build();
        RetryOptions copy = options.toBuilder().build();

        assertThat(FieldsAlike.sameIn(options, RetryOptions.defaults())).as("settings left at their default")
                .isEmpty();
        assertThat(FieldsAlike.sameIn(copy, options)).hasSize((int) FieldsAlike.count(RetryOptions.class));
        assertThat(copy).isEqualTo(options).hasSameHashCodeAs(options).hasToString(options.toString());
        assertThat(options.attemptsExhausted(2)).isFalse();
        assertThat(options.attemptsExhausted(3)).isTrue();
    }

    private static Arguments invalid(String field, UnaryOperator<RetryOptions.Builder> change) {
        return Arguments.of(field, change);
    }
}
