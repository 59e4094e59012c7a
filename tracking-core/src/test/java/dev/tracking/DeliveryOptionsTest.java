package dev.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeliveryOptionsTest {

    @Test
    void theBuilderStartsFromTheDocumentedDefaults() {
        DeliveryOptions built = DeliveryOptions.builder().build();

        assertThat(built).isEqualTo(DeliveryOptions.defaults()).hasSameHashCodeAs(DeliveryOptions.defaults());
        assertThat(built.flushInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(built.maxBatchSize()).isEqualTo(1000);
        assertThat(built.maxBatchBytes()).isEqualTo(1024 * 1024);
        assertThat(built.queueCapacity()).isEqualTo(10_000);
        assertThat(built.overflow()).isEqualTo(OverflowPolicy.DROP_NEWEST);
        assertThat(built.maxEventBytes()).isEqualTo(32 * 1024);
        assertThat(built.httpTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(built.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(built.retry()).isEqualTo(RetryOptions.defaults());
        assertThat(built.shutdownTimeout()).isEqualTo(DeliveryOptions.DEFAULT_SHUTDOWN_TIMEOUT)
                .isEqualTo(Duration.ofSeconds(10));
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                invalid("flushInterval", b -> b.flushInterval(null)),
                invalid("flushInterval", b -> b.flushInterval(Duration.ZERO)),
                invalid("flushInterval", b -> b.flushInterval(Duration.ofMillis(-1))),
                invalid("maxBatchSize", b -> b.maxBatchSize(0)),
                invalid("maxBatchBytes", b -> b.maxBatchBytes(1023)),
                invalid("queueCapacity", b -> b.queueCapacity(0)),
                invalid("overflow", b -> b.overflow(null)),
                invalid("maxEventBytes", b -> b.maxEventBytes(255)),
                invalid("httpTimeout", b -> b.httpTimeout(null)),
                invalid("httpTimeout", b -> b.httpTimeout(Duration.ZERO)),
                invalid("connectTimeout", b -> b.connectTimeout(null)),
                invalid("connectTimeout", b -> b.connectTimeout(Duration.ofSeconds(-5))),
                invalid("retry", b -> b.retry(null)),
                invalid("shutdownTimeout", b -> b.shutdownTimeout(null)),
                invalid("shutdownTimeout", b -> b.shutdownTimeout(Duration.ZERO)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("outOfRange")
    void buildRefusesASettingOutOfRangeNamingIt(String field, UnaryOperator<DeliveryOptions.Builder> change) {
        DeliveryOptions.Builder builder = change.apply(DeliveryOptions.builder());

        assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageStartingWith(field + " must");
    }

    @Test
    void theLowestAllowedValuesBuild() {
        assertThatNoException().isThrownBy(() -> DeliveryOptions.builder().flushInterval(Duration.ofNanos(1))
                .maxBatchSize(1).maxBatchBytes(1024).queueCapacity(1).maxEventBytes(256)
                .httpTimeout(Duration.ofNanos(1)).connectTimeout(Duration.ofNanos(1))
                .shutdownTimeout(Duration.ofNanos(1)).build());
    }

    @Test
    void toBuilderRoundTripsEverySetting() {
        DeliveryOptions options = everySettingChanged();
        DeliveryOptions copy = options.toBuilder().build();

        assertThat(FieldsAlike.sameIn(options, DeliveryOptions.defaults())).as("settings left at their default")
                .isEmpty();
        assertThat(FieldsAlike.sameIn(copy, options)).hasSize((int) FieldsAlike.count(DeliveryOptions.class));
        assertThat(copy).isEqualTo(options).hasSameHashCodeAs(options).hasToString(options.toString());
    }

    @Test
    void toBuilderChangesACopyOnly() {
        DeliveryOptions original = everySettingChanged();

        DeliveryOptions changed = original.toBuilder().queueCapacity(7).build();

        assertThat(original.queueCapacity()).isEqualTo(500);
        assertThat(changed.queueCapacity()).isEqualTo(7);
        assertThat(changed.toBuilder().queueCapacity(500).build()).isEqualTo(original);
    }

    @Test
    void aBuilderUsedAgainDoesNotChangeWhatItBuilt() {
        DeliveryOptions.Builder builder = DeliveryOptions.builder().maxBatchSize(10);
        DeliveryOptions first = builder.build();

        builder.maxBatchSize(20);

        assertThat(first.maxBatchSize()).isEqualTo(10);
        assertThat(builder.build().maxBatchSize()).isEqualTo(20);
    }

    private static DeliveryOptions everySettingChanged() {
        return DeliveryOptions.builder().flushInterval(Duration.ofSeconds(1)).maxBatchSize(50).maxBatchBytes(4096)
                .queueCapacity(500).overflow(OverflowPolicy.DROP_OLDEST).maxEventBytes(2048)
                .httpTimeout(Duration.ofSeconds(2)).connectTimeout(Duration.ofSeconds(3))
                .retry(RetryOptions.builder().maxAttempts(4).build()).shutdownTimeout(Duration.ofSeconds(4)).build();
    }

    private static Arguments invalid(String field, UnaryOperator<DeliveryOptions.Builder> change) {
        return Arguments.of(field, change);
    }
}
