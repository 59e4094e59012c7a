package dev.tracking.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.sample.DemoPage.Recorded;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The demo page in headless Chromium against the running app: a person acting as alice meets the free plan's limit,
 * upgrades to reach Slack, and switching to bob shows his customer. Each test gets a fresh app; the browser is shared.
 * Runs with the Maven profile {@code browser-tests}.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class DemoPageBrowserIT extends RunningApp {

    private static final String EXPORT = "alice POST /api/reports/export → ";
    private static final String SLACK = "alice POST /api/integrations/slack → ";

    @TempDir
    static Path profile;

    private static WebDriver browser;

    private DemoPage page;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void openPage() {
        page = DemoPage.open(browser, baseUrl());
        page.awaitShown("customer", "acme");
    }

    @Test
    void theFourthPdfExportIsDeniedAtUsageThreeOfThreeWhileTheThreeExportsAreRecorded() {
        page.awaitShown("exports", "0 of 3");
        List<String> answers = new ArrayList<>();
        for (int press = 1; press <= 4; press++) {
            answers.add(page.press("Export a PDF"));
        }

        assertThat(answers.subList(0, 3)).allSatisfy(answer ->
                assertThat(answer).startsWith(EXPORT + "200").contains("\"format\":\"pdf\""));
        assertThat(answers.get(3)).isEqualTo(EXPORT + "403 denied: report_exported (limit_reached) — usage 3 of 3");
        page.awaitShown("exports", "3 of 3");
        List<Recorded> recorded = page.awaitRecorded("three exports", rows -> exports(rows).size() >= 3);
        assertThat(exports(recorded)).hasSize(3).allSatisfy(row -> {
            assertThat(row.kind()).isEqualTo("track");
            assertThat(row.who()).startsWith("acme");
            assertThat(row.properties()).contains("\"format\":\"pdf\"");
        });
    }

    @Test
    void slackIsDeniedOnTheFreePlanAndAllowedRightAfterUpgradingToPro() {
        page.awaitShown("slack", "not in plan");

        String denied = page.press("Post to Slack");
        String upgraded = page.press("Upgrade to pro");
        String allowed = page.press("Post to Slack");

        assertThat(denied).isEqualTo(SLACK + "403 denied: slack_integration (not_in_plan)");
        assertThat(upgraded).startsWith("alice POST /api/subscription/upgrade → 200").contains("\"plan\":\"pro\"");
        assertThat(allowed).startsWith(SLACK + "200").contains("Weekly report is ready");
        page.awaitShown("plans", "pro");
        page.awaitShown("slack", "included");
        page.awaitShown("exports", "0 of unlimited");
        page.awaitShown("billing", "paid");
        page.awaitRecorded("the Slack message", rows -> rows.stream()
                .anyMatch(row -> row.name().equals("slack_message_sent") && row.who().startsWith("acme")));
    }

    @Test
    void switchingToBobShowsHisCustomerPlanAndActivityInsteadOfAlices() {
        page.press("Export a PDF");
        page.awaitRecorded("alice's export", rows -> !exports(rows).isEmpty());

        page.actAs(BOB);

        page.awaitShown("customer", "globex");
        page.awaitShown("plans", "pro");
        page.awaitShown("exports", "0 of unlimited");
        page.awaitShown("slack", "included");
        assertThat(page.press("Post to Slack")).startsWith("bob POST /api/integrations/slack → 200");
        List<Recorded> recorded = page.awaitRecorded("bob's Slack message", rows -> rows.stream()
                .anyMatch(row -> row.name().equals("slack_message_sent")));
        assertThat(recorded).allSatisfy(row -> assertThat(row.who()).doesNotContain("acme"));
    }

    private static List<Recorded> exports(List<Recorded> rows) {
        return rows.stream().filter(row -> row.name().equals("report_exported")).toList();
    }
}
