package dev.tracking.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.TrackMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PropertyValuesTest {

    @Test
    void keepsInsertionOrderAndALaterValueKeepsItsPlace() {
        TrackMessage message = TrackMessage.builder("e").userId("u").property("b", 1).property("a", 2)
                .property("b", 3).build();

        assertThat(message.properties()).containsExactly(Map.entry("b", 3), Map.entry("a", 2));
        assertThat(message.properties()).isEqualTo(Map.of("a", 2, "b", 3));
        assertThat(message.properties().get("a")).isEqualTo(2);
    }

    @Test
    void aBuilderReusedAfterBuildDoesNotChangeTheBuiltMessage() {
        TrackMessage.Builder builder = TrackMessage.builder("e").userId("u").property("a", 1);
        TrackMessage first = builder.build();
        builder.property("a", 2).property("b", 3);
        TrackMessage second = builder.build();

        assertThat(first.properties()).containsExactly(Map.entry("a", 1));
        assertThat(second.properties()).containsExactly(Map.entry("a", 2), Map.entry("b", 3));
    }

    @Test
    void copiesAreUnmodifiableWhateverTheirSize() {
        Map<String, Object> many = new LinkedHashMap<>();
        IntStream.range(0, 40).forEach(i -> many.put("k" + i, i));
        Map<String, Object> few = PropertyValues.copyOf("properties", Map.of("a", 1));
        Map<String, Object> large = PropertyValues.copyOf("properties", many);
        TrackMessage built = TrackMessage.builder("e").userId("u").properties(many).property("last", true).build();

        assertThatThrownBy(() -> few.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> large.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(large.keySet()).containsExactlyElementsOf(many.keySet());
        assertThat(built.properties()).hasSize(41).containsEntry("last", true);
    }

    @Test
    void namesTheBadValueByItsPath() {
        assertThatThrownBy(() -> PropertyValues.copyOf("properties", Map.of("nested", Map.of("list",
                List.of(1, new Object())))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("properties.nested.list[1]");
        assertThatThrownBy(() -> PropertyValues.copyOf("traits", Map.of("ratio", Double.NaN)))
                .hasMessageContaining("traits.ratio is not a finite number");
        assertThatThrownBy(() -> PropertyValues.copyOf("properties", Map.of(" ", 1)))
                .hasMessageContaining("blank or non-string key");
        assertThatThrownBy(() -> TrackMessage.builder("e").userId("u").property("x", Thread.currentThread()).build())
                .hasMessageContaining("properties.x cannot be serialized");
    }

    @Test
    void acceptsEveryEncodableType() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("null", null);
        values.put("text", new StringBuilder("sb"));
        values.put("decimal", new java.math.BigDecimal("1.5"));
        values.put("when", java.time.Instant.EPOCH);
        values.put("day", new java.util.Date(0));
        values.put("ints", new int[] {1});
        values.put("objects", new Object[] {"a", 1});

        assertThat(PropertyValues.copyOf("properties", values)).hasSize(7);
    }
}
