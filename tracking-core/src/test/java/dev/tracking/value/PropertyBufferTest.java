package dev.tracking.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A builder's buffer hands out checked, immutable snapshots that later changes of the buffer never reach. */
class PropertyBufferTest {

    @Test
    void aSnapshotIsCheckedAndKeepsWhatItHadWhenTheBufferChangesLater() {
        PropertyBuffer buffer = new PropertyBuffer();
        buffer.put("plan", "pro");
        buffer.put("seats", 3);

        PropertyMap snapshot = buffer.snapshot("properties");
        buffer.put("plan", "team");
        buffer.put("region", "eu");

        assertThat(snapshot).containsExactly(entry("plan", "pro"), entry("seats", 3));
        assertThat(snapshot.encodedBytes()).isGreaterThanOrEqualTo("{\"plan\":\"pro\",\"seats\":3}".length());
        assertThat(buffer.snapshot("properties")).containsExactly(entry("plan", "team"), entry("seats", 3),
                entry("region", "eu"));
    }

    @Test
    void beyondSixteenEntriesTheSnapshotIsStillACopyAndImmutable() {
        PropertyBuffer buffer = new PropertyBuffer();
        for (int i = 0; i < 20; i++) {
            buffer.put("k" + i, i);
        }

        PropertyMap snapshot = buffer.snapshot("properties");
        buffer.put("k0", "changed");
        buffer.put("k20", 20);

        assertThat(snapshot).hasSize(20).containsEntry("k0", 0).doesNotContainKey("k20");
        assertThat(snapshot.encodedBytes()).isPositive();
        assertThatThrownBy(() -> snapshot.put("k21", 21)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aValueThatCannotBeSentIsRefusedNamingItsField() {
        PropertyBuffer buffer = new PropertyBuffer();
        buffer.put("blob", new Object());

        assertThatIllegalArgumentException().isThrownBy(() -> buffer.snapshot("properties"))
                .withMessageStartingWith("properties.blob ");
    }

    @Test
    void aMutableValueIsCopiedSoTheCallersLaterChangesDoNotReachTheSnapshot() {
        List<String> tags = new ArrayList<>(List.of("a"));
        PropertyBuffer buffer = new PropertyBuffer();
        buffer.put("tags", tags);

        PropertyMap snapshot = buffer.snapshot("properties");
        tags.add("b");

        assertThat(snapshot.get("tags")).isInstanceOf(PropertyList.class).asList().containsExactly("a");
    }

    private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
        return java.util.Map.entry(key, value);
    }
}
