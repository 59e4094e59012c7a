package dev.tracking.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo page as a person uses it: whom they act as, the buttons they press, the usage meters, the gate decisions
 * in the timeline, the delivery panels and the events recorded by the backend. Every read that follows an action
 * waits for the page to catch up; reads of a whole part of the page happen in one script call, as the page
 * replaces those parts while it refreshes them.
 */
final class DemoPage {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String NOT_LOADED = "…";
    private static final String READ_DECISIONS = "return Array.from(document.querySelectorAll('#timeline > li'))"
            + ".map(li => ({verdict: li.dataset.verdict, action: li.querySelector('.action').textContent,"
            + " detail: li.querySelector('.detail').textContent,"
            + " context: (li.querySelector('.meter-text, .plan') || {textContent: ''}).textContent}));";
    private static final String READ_METER = "const m = Array.from(document.querySelectorAll('#meters .meter'))"
            + ".find(m => m.dataset.event === arguments[0]);"
            + " return m ? {text: m.querySelector('.meter-text').textContent,"
            + " flag: m.querySelector('.meter-flag').textContent, full: m.classList.contains('full'),"
            + " fill: m.querySelector('.bar > span').style.width} : null;";
    private static final String READ_DELIVERY = "const p = Array.from(document.querySelectorAll('#destinations > *'))"
            + ".find(p => p.dataset.destination === arguments[0]); if (!p) return null;"
            + " const n = c => Number(p.querySelector('dd[data-counter=\"' + c + '\"]').textContent);"
            + " return {title: p.querySelector('h3').textContent, accepted: n('accepted'), delivered: n('delivered'),"
            + " failed: n('failed'), dropped: n('dropped'), queued: n('queued'),"
            + " health: p.querySelector('.health').textContent, failure: p.querySelector('.failure').textContent};";
    private static final String READ_RECORDED = "return Array.from(document.querySelectorAll('#events > li'))"
            + ".map(li => ['kind', 'name', 'who', 'properties'].map(c => li.querySelector('.' + c).textContent));";
    private static final String HORIZONTAL_OVERFLOW =
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;";

    private final WebDriver browser;

    private DemoPage(WebDriver browser) {
        this.browser = browser;
    }

    /** Loads the page from {@code baseUrl} and waits until it shows the customer, a meter and a delivery panel. */
    static DemoPage open(WebDriver browser, String baseUrl) {
        browser.get(baseUrl + "/");
        DemoPage page = new DemoPage(browser);
        page.waitFor(() -> "the page never showed who is signed in, their usage and the delivery")
                .until(ExpectedConditions.and(
                        ExpectedConditions.not(ExpectedConditions.textToBe(By.id("me-customer"), NOT_LOADED)),
                        ExpectedConditions.not(ExpectedConditions.textToBe(By.id("me-billing"), NOT_LOADED)),
                        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#meters .meter")),
                        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#destinations .destination"))));
        return page;
    }

    /** Selects {@code user} under "Act as". */
    void actAs(String user) {
        browser.findElement(By.cssSelector("input[name='user'][value='" + user + "']")).click();
    }

    /** Presses the button labelled {@code label} and returns the decision the timeline shows for it. */
    Decision press(String label) {
        int before = decisions().size();
        browser.findElement(By.xpath("//section[@id='actions']/button[normalize-space()='" + label + "']")).click();
        waitFor(() -> "no decision shown for '" + label + "'").until(ignored -> decisions().size() > before);
        return decisions().get(0);
    }

    /** The gate decisions and other answers in the timeline, newest first. */
    List<Decision> decisions() {
        return this.<List<Map<String, Object>>>script(READ_DECISIONS).stream()
                .map(d -> new Decision(text(d, "verdict"), text(d, "action"), text(d, "detail"), text(d, "context")))
                .toList();
    }

    /** Opens the newest decision's raw response with one click, reads it as the page shows it, and closes it. */
    String readNewestRawResponse() {
        WebElement raw = browser.findElement(By.cssSelector("#timeline > li .raw"));
        WebElement summary = raw.findElement(By.tagName("summary"));
        WebElement body = raw.findElement(By.tagName("pre"));
        summary.click();
        String text = waitFor(() -> "the raw response did not open").until(ExpectedConditions.visibilityOf(body))
                .getText();
        summary.click();
        waitFor(() -> "the raw response did not close").until(ExpectedConditions.invisibilityOf(body));
        return text;
    }

    /** Waits until the usage meter of {@code event} reads {@code text}, and returns it. */
    Meter awaitMeter(String event, String text) {
        return waitFor(() -> "the " + event + " meter shows " + meter(event) + ", not '" + text + "'")
                .until(ignored -> {
                    Meter meter = meter(event);
                    return meter != null && meter.text().equals(text) ? meter : null;
                });
    }

    /** The usage meter of {@code event}, or {@code null} when the page shows none. */
    Meter meter(String event) {
        Map<String, Object> m = script(READ_METER, event);
        return m == null ? null
                : new Meter(text(m, "text"), text(m, "flag"), Boolean.TRUE.equals(m.get("full")), text(m, "fill"));
    }

    /** Waits until the delivery panel of {@code destination} satisfies {@code condition}, and returns it. */
    Delivery awaitDelivery(String destination, String description, Predicate<Delivery> condition) {
        return waitFor(() -> destination + " never showed " + description + ": " + delivery(destination))
                .until(ignored -> {
                    Delivery delivery = delivery(destination);
                    return delivery != null && condition.test(delivery) ? delivery : null;
                });
    }

    /** The delivery panel of {@code destination}, or {@code null} when the page shows none. */
    Delivery delivery(String destination) {
        Map<String, Object> d = script(READ_DELIVERY, destination);
        return d == null ? null : new Delivery(text(d, "title"), number(d, "accepted"), number(d, "delivered"),
                number(d, "failed"), number(d, "dropped"), number(d, "queued"), text(d, "health"), text(d, "failure"));
    }

    /** Waits until the "Act as" detail {@code field} (customer, plans, slack, billing) reads {@code text}. */
    void awaitShown(String field, String text) {
        By detail = By.id("me-" + field);
        waitFor(() -> field + " shows '" + browser.findElement(detail).getText() + "', not '" + text + "'")
                .until(ExpectedConditions.textToBe(detail, text));
    }

    /** Waits until the events under "Recorded by the backend" satisfy {@code condition}, and returns them. */
    List<Recorded> awaitRecorded(String description, Predicate<List<Recorded>> condition) {
        return waitFor(() -> "recorded events never showed " + description + ": " + recorded())
                .until(ignored -> {
                    List<Recorded> rows = recorded();
                    return condition.test(rows) ? rows : null;
                });
    }

    /** The events under "Recorded by the backend", newest first. */
    List<Recorded> recorded() {
        return this.<List<List<String>>>script(READ_RECORDED).stream()
                .map(cells -> new Recorded(cells.get(0), cells.get(1), cells.get(2), cells.get(3)))
                .toList();
    }

    /** Sets the browser window to {@code width} × {@code height} CSS pixels. */
    void resize(int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
    }

    /** How many pixels the page is wider than the window (0 when nothing scrolls sideways). */
    long horizontalOverflow() {
        return ((Number) script(HORIZONTAL_OVERFLOW)).longValue();
    }

    /** Saves what the window shows as a PNG at {@code file}. */
    void screenshot(Path file) {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T script(String script, Object... arguments) {
        return (T) ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static String text(Map<String, Object> values, String key) {
        return String.valueOf(values.get(key));
    }

    private static long number(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).longValue();
    }

    private FluentWait<WebDriver> waitFor(Supplier<String> failure) {
        return new WebDriverWait(browser, PATIENCE).withMessage(failure);
    }

    /**
     * One entry of the gate decisions timeline.
     *
     * @param verdict allowed, denied, done, invalid, refused or failed
     * @param action the label of the button pressed
     * @param detail the reason or outcome, e.g. {@code limit reached}
     * @param context the usage meter's text or the plan at that moment, or an empty string
     */
    record Decision(String verdict, String action, String detail, String context) {
    }

    /**
     * One usage meter.
     *
     * @param text e.g. {@code 3 of 3 exports this month}
     * @param flag {@code limit reached}, {@code 2 left} or {@code unlimited}
     * @param full whether it is marked as full
     * @param fill the bar's filled width, e.g. {@code 100%}
     */
    record Meter(String text, String flag, boolean full, String fill) {
    }

    /**
     * One destination's delivery panel.
     *
     * @param title the destination as the page names it
     * @param accepted messages handed to it
     * @param delivered messages it acknowledged
     * @param failed messages it rejected or that ran out of retries
     * @param dropped messages dropped before sending
     * @param queued messages queued or in flight
     * @param health {@code up}, or {@code failing: …} / {@code down: …} with the reason
     * @param failure the last failure line
     */
    record Delivery(String title, long accepted, long delivered, long failed, long dropped, long queued,
            String health, String failure) {
    }

    /**
     * One event under "Recorded by the backend".
     *
     * @param kind track, identify, activation or billing_status
     * @param name the event name, stage or billing status
     * @param who customer / user / email as far as known
     * @param properties the properties as JSON
     */
    record Recorded(String kind, String name, String who, String properties) {
    }
}
