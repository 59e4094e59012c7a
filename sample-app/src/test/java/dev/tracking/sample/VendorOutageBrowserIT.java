package dev.tracking.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.contract.OutlitServer;
import dev.tracking.sample.DemoPage.Delivery;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo page's delivery panels while Outlit (played by WireMock) is down and after it is back: the Outlit panel
 * shows the failures, the reason and its health as they happen, while the local backend's panel stays up. Runs
 * with the Maven profile {@code browser-tests}.
 */
class VendorOutageBrowserIT extends RunningApp {

    private static final OutlitServer OUTLIT = new OutlitServer();

    @TempDir
    static Path profile;

    private static WebDriver browser;

    @DynamicPropertySource
    static void outlitWithQuickRetries(DynamicPropertyRegistry registry) {
        registry.add("tracking.outlit.public-key", () -> OutlitServer.PUBLIC_KEY);
        registry.add("tracking.outlit.api-host", () -> OUTLIT.wireMock().baseUrl());
        registry.add("tracking.retry.max-attempts", () -> "2");
        registry.add("tracking.retry.initial-backoff", () -> "50ms");
        registry.add("tracking.retry.max-backoff", () -> "100ms");
        registry.add("tracking.health.failure-threshold", () -> "2");
    }

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void stopBrowserAndOutlit() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            OUTLIT.close();
        }
    }

    @Test
    void anOutlitOutageShowsInItsPanelAsItHappensAndTheRecoveryToo() {
        OUTLIT.respond(OutlitServer.json(503, "{\"error\":\"maintenance\"}"));
        DemoPage page = DemoPage.open(browser, baseUrl());
        page.resize(1280, 1300);

        page.press("Export a PDF");

        Delivery down = page.awaitDelivery("outlit", "the failed export and its health down",
                outlit -> outlit.failed() >= 1 && outlit.health().startsWith("down"));
        assertThat(down.title()).isEqualTo("Outlit");
        assertThat(down.health()).matches("down: \\d+ failed in a row");
        assertThat(down.failure()).startsWith("last failure: ");
        assertThat(page.delivery("local").health()).isEqualTo("up");
        page.screenshot(Path.of("target", "demo-page", "outlit-outage.png"));

        OUTLIT.respond(OutlitServer.json(200, "{\"success\":true,\"processed\":1}"));
        page.press("Export a PDF");

        Delivery back = page.awaitDelivery("outlit", "the next export delivered", outlit -> outlit.delivered() >= 1);
        assertThat(back.health()).isEqualTo("up");
        assertThat(back.failed()).isEqualTo(down.failed());
        assertThat(back.failure()).startsWith("last failure: ");
    }
}
