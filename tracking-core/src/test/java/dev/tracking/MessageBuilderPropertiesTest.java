package dev.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How every message builder collects properties (traits for an identify message), whichever way it stores them. */
class MessageBuilderPropertiesTest {

    /** A builder of one message kind, seen only through what this test needs. */
    interface Collecting {
        Collecting put(String name, Object value);

        Collecting putAll(Map<String, ?> values);

        Map<String, Object> build();
    }

    record Kind(String message, String field, Supplier<Collecting> builder) {
        @Override
        public String toString() {
            return message;
        }
    }

    static Stream<Kind> kinds() {
        return Stream.of(
                new Kind("track", "properties", () -> adapt(TrackMessage.builder("e").userId("u"),
                        TrackMessage.Builder::property, TrackMessage.Builder::properties,
                        b -> b.build().properties())),
                new Kind("activation", "properties", () -> adapt(ActivationMessage.activated().userId("u"),
                        ActivationMessage.Builder::property, ActivationMessage.Builder::properties,
                        b -> b.build().properties())),
                new Kind("billing status", "properties", () -> adapt(
                        BillingStatusMessage.builder(BillingStatus.PAID, "acme"),
                        BillingStatusMessage.Builder::property, BillingStatusMessage.Builder::properties,
                        b -> b.build().properties())),
                new Kind("identify", "traits", () -> adapt(IdentifyMessage.builder().userId("u"),
                        IdentifyMessage.Builder::trait, IdentifyMessage.Builder::traits, b -> b.build().traits())));
    }

    interface Put<B> {
        void put(B builder, String name, Object value);
    }

    interface PutAll<B> {
        void putAll(B builder, Map<String, ?> values);
    }

    private static <B> Collecting adapt(B builder, Put<B> put, PutAll<B> putAll,
            Function<B, Map<String, Object>> build) {
        return new Collecting() {
            @Override
            public Collecting put(String name, Object value) {
                put.put(builder, name, value);
                return this;
            }

            @Override
            public Collecting putAll(Map<String, ?> values) {
                putAll.putAll(builder, values);
                return this;
            }

            @Override
            public Map<String, Object> build() {
                return build.apply(builder);
            }
        };
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aLaterValueForANameReplacesTheEarlierOneAndKeepsItsPlace(Kind kind) {
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("a", 3);
        more.put("c", 4);

        Map<String, Object> built = kind.builder().get().put("a", 1).put("b", 2).putAll(more).build();

        assertThat(built).containsExactly(Map.entry("a", 3), Map.entry("b", 2), Map.entry("c", 4));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aNullMapAddsNothing(Kind kind) {
        assertThat(kind.builder().get().put("a", 1).putAll(null).build()).containsExactly(Map.entry("a", 1));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aBuiltMessageKeepsItsPropertiesWhenTheBuilderGoesOn(Kind kind) {
        Collecting builder = kind.builder().get().put("a", 1);
        Map<String, Object> first = builder.build();

        Map<String, Object> second = builder.put("a", 2).put("b", 3).build();

        assertThat(first).containsExactly(Map.entry("a", 1));
        assertThat(second).containsExactly(Map.entry("a", 2), Map.entry("b", 3));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aKeyThatIsNotAStringIsRefusedNamingTheField(Kind kind) {
        Map raw = new LinkedHashMap();
        raw.put(7, "seven");

        assertThatThrownBy(() -> kind.builder().get().putAll(raw).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(kind.field() + " ")
                .hasMessageContaining("non-string key");
    }
}
