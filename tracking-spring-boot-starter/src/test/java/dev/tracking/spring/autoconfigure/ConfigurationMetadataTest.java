package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConfigurationMetadataTest {

    private static final List<String> ISSUE_KEYS = List.of("tracking.enabled", "tracking.lotus.api-key",
            "tracking.lotus.base-url", "tracking.lotus.ingest-url", "tracking.outlit.public-key",
            "tracking.outlit.api-host", "tracking.outlit.lifecycle-events", "tracking.local.plans",
            "tracking.local.customers", "tracking.batch.max-size", "tracking.batch.max-bytes",
            "tracking.batch.flush-interval", "tracking.queue.capacity", "tracking.queue.overflow",
            "tracking.retry.max-attempts", "tracking.retry.initial-backoff", "tracking.retry.max-backoff",
            "tracking.retry.max-duration", "tracking.http.timeout", "tracking.http.connect-timeout",
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

    private static List<JsonNode> trackingProperties() {
        JsonNode metadata = JsonMapper.builder().build()
                .readTree(ModuleOutput.file("META-INF/spring-configuration-metadata.json").toFile());
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
