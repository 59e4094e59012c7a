package dev.tracking.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The sub-packages of {@code dev.tracking.internal} are stages an event passes down through: the tracker at the
 * root hands it to the outbox or the delivery pipeline, which send it with the HTTP and JSON helpers. A stage may use
 * the stages below it, never one above it, nor the tracker.
 */
class InternalStagesTest {

    private static final String INTERNAL = "dev.tracking.internal";

    /** The stages from the top down; those in one set are on the same level and do not use each other either. */
    private static final List<Set<String>> STAGES = List.of(
            Set.of(INTERNAL + ".outbox"),
            Set.of(INTERNAL + ".delivery"),
            Set.of(INTERNAL + ".http", INTERNAL + ".json", INTERNAL + ".check"));

    @Test
    void noStageUsesAStageAboveItOrTheTracker() {
        Set<String> upwards = new TreeSet<>();
        Set<String> stageTypes = new TreeSet<>();
        JavaReferences.under(Path.of("src", "main", "java"), INTERNAL).forEach((type, used) -> {
            int level = level(packageOf(type));
            if (level >= 0) {
                stageTypes.add(type);
                used.stream().filter(u -> isTracker(u) || isAbove(packageOf(u), level, packageOf(type)))
                        .forEach(u -> upwards.add(type + " -> " + u));
            }
        });

        assertThat(stageTypes).as("the scan found the stages' own uses").contains(INTERNAL + ".outbox.OutboxRelay",
                INTERNAL + ".delivery.BatchDelivery");
        assertThat(upwards).as("uses of a higher stage: pass what is needed down instead").isEmpty();
    }

    @Test
    void theRuleSeesAnArrowUpButNotOneDown() {
        int delivery = level(INTERNAL + ".delivery");

        assertThat(isAbove(INTERNAL + ".outbox", delivery, INTERNAL + ".delivery")).isTrue();
        assertThat(isAbove(INTERNAL + ".json", level(INTERNAL + ".http"), INTERNAL + ".http")).isTrue();
        assertThat(isAbove(INTERNAL + ".http", delivery, INTERNAL + ".delivery")).isFalse();
        assertThat(isAbove(INTERNAL + ".delivery", delivery, INTERNAL + ".delivery")).isFalse();
        assertThat(isAbove(INTERNAL, delivery, INTERNAL + ".delivery")).isFalse();
        assertThat(isTracker(INTERNAL + ".MessageRouter")).isTrue();
        assertThat(isTracker(INTERNAL + ".delivery.MessageSize")).isFalse();
    }

    /** Whether {@code type} is at the root of {@code internal}: the tracker level, above every stage. */
    private static boolean isTracker(String type) {
        return packageOf(type).equals(INTERNAL);
    }

    /** Whether {@code used} is a stage above {@code level}, or another stage on the same level. */
    private static boolean isAbove(String used, int level, String own) {
        int usedLevel = level(used);
        return usedLevel >= 0 && (usedLevel < level || usedLevel == level && !used.equals(own));
    }

    private static int level(String packageName) {
        for (int i = 0; i < STAGES.size(); i++) {
            if (STAGES.get(i).contains(packageName)) {
                return i;
            }
        }
        return -1;
    }

    private static String packageOf(String type) {
        return type.substring(0, type.lastIndexOf('.'));
    }
}
