package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConfigurationMetadataTest {

    private static final List<String> ISSUE_KEYS = List.of("tracking.enabled", "tracking.lotus.api-key",
            "tracking.lotus.base-url", "tracking.lotus.ingest-url", "tracking.outlit.public-key",
            "tracking.outlit.api-host", "tracking.outlit.protocol", "tracking.local.plans",
            "tracking.local.customers", "tracking.batch.max-size", "tracking.batch.max-bytes",
            "tracking.batch.flush-interval", "tracking.queue.capacity", "tracking.queue.overflow",
            "tracking.retry.max-attempts", "tracking.retry.initial-backoff", "tracking.retry.max-backoff",
            "tracking.retry.delivery-timeout", "tracking.http.timeout", "tracking.http.connect-timeout",
            "tracking.entitlements.cache-ttl", "tracking.entitlements.stale-if-error", "tracking.entitlements.on-error",
            "tracking.shutdown.timeout", "tracking.aspects.enabled");

    private final List<JsonNode> properties = trackingProperties();

    @Test
    void describesEveryKeyInOneLine() {
        assertThat(properties).extracting(p -> p.get("name").asString()).containsAll(ISSUE_KEYS);
        assertThat(properties).allSatisfy(property -> assertThat(property.path("description").asString())
                .as(property.get("name").asString()).isNotBlank().doesNotContain("\n").endsWith("."));
    }

    @Test
    void theReadmeListsEveryKeyWithItsDefault() throws IOException {
        List<String> rows = configurationReference();
        for (JsonNode property : properties) {
            String name = property.get("name").asString();
            List<String> matching = rows.stream().filter(row -> row.startsWith("| `" + name)).toList();
            assertThat(matching).as("README row for %s", name).isNotEmpty();
            if (property.has("defaultValue")) {
                String defaultValue = property.get("defaultValue").asString();
                assertThat(matching).as("README default of %s", name)
                        .anySatisfy(row -> assertThat(row).contains("`" + defaultValue + "`"));
            }
        }
    }

    @Test
    void hintsTheValuesOfEveryEnumeratedKey() throws ClassNotFoundException {
        JsonNode metadata = metadata();
        for (JsonNode property : properties) {
            Class<?> type = ClassUtils.resolveClassName(property.get("type").asString().replaceAll("<.*", ""), null);
            if (!type.isEnum()) {
                continue;
            }
            String name = property.get("name").asString();
            List<String> expected = Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
            List<String> hinted = new ArrayList<>();
            metadata.get("hints").forEach(hint -> {
                if (hint.get("name").asString().equals(name)) {
                    hint.get("values").forEach(value -> {
                        hinted.add(value.get("value").asString());
                        assertThat(value.path("description").asString()).as("%s=%s", name, value).isNotBlank();
                    });
                }
            });
            assertThat(hinted).as("hinted values of %s", name).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void hintsPlanNamesAndDescribesTheHealthSwitch() {
        JsonNode metadata = metadata();
        List<String> hints = new ArrayList<>();
        metadata.get("hints").forEach(hint -> hints.add(hint.get("name").asString()));
        assertThat(hints).contains("tracking.local.plans.keys");
        List<JsonNode> health = new ArrayList<>();
        metadata.get("properties").forEach(property -> {
            if (property.get("name").asString().equals("management.health.tracking.enabled")) {
                health.add(property);
            }
        });
        assertThat(health).singleElement().satisfies(property -> {
            assertThat(property.get("description").asString()).contains("tracking health component");
            assertThat(property.get("defaultValue").asBoolean()).isTrue();
        });
    }

    private static JsonNode metadata() {
        return JsonMapper.builder().build()
                .readTree(ModuleOutput.file("META-INF/spring-configuration-metadata.json").toFile());
    }

    private static List<JsonNode> trackingProperties() {
        JsonNode metadata = metadata();
        List<JsonNode> found = new ArrayList<>();
        metadata.get("properties").forEach(property -> {
            if (property.get("name").asString().startsWith("tracking.")) {
                found.add(property);
            }
        });
        return found;
    }

    private static List<String> configurationReference() throws IOException {
        Path readme = Path.of("..", "README.md");
        try (Stream<String> lines = Files.lines(readme)) {
            List<String> all = lines.toList();
            int start = all.indexOf("## Configuration reference");
            assertThat(start).as("README section '## Configuration reference'").isNotNegative();
            return all.subList(start + 1, all.size()).stream().takeWhile(line -> !line.startsWith("## "))
                    .filter(line -> line.startsWith("| `tracking.")).toList();
        }
    }
}
