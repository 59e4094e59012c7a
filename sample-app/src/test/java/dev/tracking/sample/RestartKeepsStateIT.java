package dev.tracking.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app on its default database, an H2 file: exports and a plan change made before a restart are still there
 * after it, and the configured customer is not reset to its configured plan.
 */
class RestartKeepsStateIT {

    private static final String PDF = "{\"format\":\"pdf\"}";

    @TempDir
    Path workingDirectory;

    @Test
    void usageAndThePlanChangeSurviveARestart() {
        String url = "--spring.datasource.url=jdbc:h2:file:" + workingDirectory.resolve("data/sample-app");
        try (ConfigurableApplicationContext app = start(url)) {
            ApiClient api = client(app);
            assertThat(api.post("alice", "/api/reports/export", PDF).status()).isEqualTo(200);
            assertThat(api.post("alice", "/api/reports/export", PDF).status()).isEqualTo(200);
            assertThat(api.post("alice", "/api/subscription/upgrade", "{\"plan\":\"pro\"}").status()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext app = start(url)) {
            ApiClient api = client(app);
            ApiResponse me = api.get("alice", "/api/me");
            assertThat(me.at("/usage/report_exported/used").asInt()).isEqualTo(2);
            assertThat(me.at("/plans/0").asString()).isEqualTo("pro");
            assertThat(api.post("alice", "/api/integrations/slack", "{\"message\":\"hi\"}").status()).isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(String datasourceUrl) {
        return SpringApplication.run(SampleApplication.class, "--server.port=0", datasourceUrl);
    }

    private static ApiClient client(ConfigurableApplicationContext app) {
        return new ApiClient(((WebServerApplicationContext) app).getWebServer().getPort());
    }
}
