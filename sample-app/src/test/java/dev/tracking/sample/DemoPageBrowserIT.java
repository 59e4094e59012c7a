package dev.tracking.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tracking.sample.DemoPage.Decision;
import dev.tracking.sample.DemoPage.Delivery;
import dev.tracking.sample.DemoPage.Meter;
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
 * The demo page in headless Chromium against the running app: acting as alice, the export meter fills to its limit,
 * the gate's denial shows in the timeline, the delivery counters move, and an upgrade opens Slack; switching to bob
 * shows his customer. Each test gets a fresh app; the browser is shared. The story test leaves screenshots in
 * {@code target/demo-page/}. Runs with the Maven profile {@code browser-tests}.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class DemoPageBrowserIT extends RunningApp {

    private static final String EXPORTS = "report_exported";
    private static final String EXPORT_PDF = "Export a PDF";
    private static final Path SCREENSHOTS = Path.of("target", "demo-page");

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
        page.resize(1280, 1300);
        page.awaitShown("customer", "acme");
    }

    @Test
    void threeExportsFillTheMeterTheFourthIsDeniedAndAfterTheUpgradeSlackIsAllowed() {
        page.awaitMeter(EXPORTS, "0 of 3 exports this month");
        Delivery before = page.awaitDelivery("local", "its panel", delivery -> true);

        List<Decision> exports = new ArrayList<>();
        for (int press = 1; press <= 3; press++) {
            exports.add(page.press(EXPORT_PDF));
        }
        Meter full = page.awaitMeter(EXPORTS, "3 of 3 exports this month");
        Decision denied = page.press(EXPORT_PDF);
        String raw = page.readNewestRawResponse();

        assertThat(exports).extracting(Decision::verdict, Decision::detail).containsOnly(
                tuple("allowed", "pdf export ready"));
        assertThat(exports).extracting(Decision::context).containsExactly(
                "1 of 3 exports this month", "2 of 3 exports this month", "3 of 3 exports this month");
        assertThat(full).isEqualTo(new Meter("3 of 3 exports this month", "limit reached", true, "100%"));
        assertThat(denied).isEqualTo(new Decision("denied", EXPORT_PDF, "limit reached", "3 of 3 exports this month"));
        assertThat(raw).startsWith("HTTP 403 application/problem+json")
                .contains("\"reason\": \"limit_reached\"", "\"usage\": 3", "\"limit\": 3");
        Delivery afterExports = page.awaitDelivery("local", "the three exports delivered", delivery ->
                delivery.delivered() >= before.delivered() + 3 && delivery.queued() == 0);
        assertThat(afterExports.accepted()).isGreaterThanOrEqualTo(before.accepted() + 3);
        assertThat(afterExports.title()).isEqualTo("Local backend");
        assertThat(afterExports.health()).isEqualTo("up");

        Decision upgrade = page.press("Upgrade to pro");
        Decision slack = page.press("Post to Slack");

        assertThat(upgrade).isEqualTo(new Decision("done", "Upgrade to pro", "now on plan pro", ""));
        assertThat(slack).isEqualTo(new Decision("allowed", "Post to Slack", "posted to #reports", "plan pro"));
        Meter unlimited = page.awaitMeter(EXPORTS, "3 exports this month");
        assertThat(unlimited.flag()).isEqualTo("unlimited");
        assertThat(unlimited.full()).isFalse();
        page.awaitShown("billing", "paid");
        page.awaitDelivery("local", "the upgrade and the Slack message delivered", delivery ->
                delivery.delivered() >= afterExports.delivered() + 2);
        page.awaitRecorded("the Slack message", rows -> rows.stream()
                .anyMatch(row -> row.name().equals("slack_message_sent") && row.who().startsWith("acme")));
        page.screenshot(SCREENSHOTS.resolve("story-desktop.png"));

        page.resize(375, 2600);
        assertThat(page.horizontalOverflow()).isZero();
        page.screenshot(SCREENSHOTS.resolve("story-phone.png"));
    }

    @Test
    void slackIsDeniedOnTheFreePlanAndAllowedRightAfterUpgradingToPro() {
        page.awaitShown("slack", "not in plan");

        Decision denied = page.press("Post to Slack");
        Decision invalid = page.press("Send an invalid export");
        page.press("Upgrade to pro");
        Decision allowed = page.press("Post to Slack");

        assertThat(denied).isEqualTo(new Decision("denied", "Post to Slack", "not in plan", "plan free"));
        assertThat(invalid).isEqualTo(new Decision("invalid", "Send an invalid export",
                "format must be one of pdf, csv, xlsx", ""));
        assertThat(allowed).isEqualTo(new Decision("allowed", "Post to Slack", "posted to #reports", "plan pro"));
        page.awaitShown("plans", "pro");
        page.awaitShown("slack", "included");
        assertThat(page.awaitMeter(EXPORTS, "0 exports this month").flag()).isEqualTo("unlimited");
        page.awaitShown("billing", "paid");
        page.awaitRecorded("the Slack message", rows -> rows.stream()
                .anyMatch(row -> row.name().equals("slack_message_sent") && row.who().startsWith("acme")));
    }

    @Test
    void afterCancellingTheMeterSaysNotInPlanAndTheExportIsDenied() {
        Decision cancel = page.press("Cancel subscription");
        Meter blocked = page.awaitMeter(EXPORTS, "0 exports this month");
        Decision export = page.press(EXPORT_PDF);

        assertThat(cancel).isEqualTo(new Decision("done", "Cancel subscription", "ended plan free", ""));
        assertThat(blocked.flag()).isEqualTo("not in plan");
        assertThat(export).isEqualTo(new Decision("denied", EXPORT_PDF, "not in plan", "0 exports this month"));
        page.awaitShown("plans", "none");
        page.awaitShown("billing", "churned");
    }

    @Test
    void switchingToBobShowsHisCustomerPlanAndActivityInsteadOfAlices() {
        page.press(EXPORT_PDF);
        page.awaitRecorded("alice's export", rows -> !exports(rows).isEmpty());

        page.actAs(BOB);

        page.awaitShown("customer", "globex");
        page.awaitShown("plans", "pro");
        page.awaitShown("slack", "included");
        assertThat(page.awaitMeter(EXPORTS, "0 exports this month").flag()).isEqualTo("unlimited");
        Decision slack = page.press("Post to Slack");
        assertThat(slack).isEqualTo(new Decision("allowed", "Post to Slack", "posted to #reports", "plan pro"));
        List<Recorded> recorded = page.awaitRecorded("bob's Slack message", rows -> rows.stream()
                .anyMatch(row -> row.name().equals("slack_message_sent")));
        assertThat(recorded).allSatisfy(row -> assertThat(row.who()).doesNotContain("acme"));
    }

    private static List<Recorded> exports(List<Recorded> rows) {
        return rows.stream().filter(row -> row.name().equals("report_exported")).toList();
    }
}
