package dev.tracking.sample;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo page as a person uses it: whom they act as, the buttons they press, the answers and gate decisions
 * the page lists, and the events it shows as recorded by the backend. Every read that follows an action waits for
 * the page to catch up.
 */
final class DemoPage {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String NOT_LOADED = "…";
    private static final String READ_RECORDED = "return Array.from(document.querySelectorAll('#events tr'))"
            + ".map(row => Array.from(row.cells).map(cell => cell.textContent));";

    private final WebDriver browser;

    private DemoPage(WebDriver browser) {
        this.browser = browser;
    }

    /** Loads the page from {@code baseUrl} and waits until it has shown the selected user's customer and billing. */
    static DemoPage open(WebDriver browser, String baseUrl) {
        browser.get(baseUrl + "/");
        DemoPage page = new DemoPage(browser);
        page.waitFor(() -> "the page never showed who is signed in").until(ExpectedConditions.and(
                ExpectedConditions.not(ExpectedConditions.textToBe(By.id("me-customer"), NOT_LOADED)),
                ExpectedConditions.not(ExpectedConditions.textToBe(By.id("me-billing"), NOT_LOADED))));
        return page;
    }

    /** Selects {@code user} under "Act as". */
    void actAs(String user) {
        browser.findElement(By.cssSelector("input[name='user'][value='" + user + "']")).click();
    }

    /** Presses the button labelled {@code label} and returns the answer the page lists for it. */
    String press(String label) {
        int before = decisions().size();
        WebElement button = browser.findElement(
                By.xpath("//section[@id='actions']/button[normalize-space()='" + label + "']"));
        button.click();
        waitFor(() -> "no answer listed for '" + label + "'")
                .until(ignored -> decisions().size() > before);
        return decisions().get(0);
    }

    /** The answers and gate decisions under "Responses and gate decisions", newest first. */
    List<String> decisions() {
        return browser.findElements(By.cssSelector("#decision-log li")).stream().map(WebElement::getText).toList();
    }

    /** Waits until the "Act as" detail {@code field} (customer, plans, exports, slack, billing) reads {@code text}. */
    void awaitShown(String field, String text) {
        By detail = By.id("me-" + field);
        waitFor(() -> field + " shows '" + browser.findElement(detail).getText() + "', not '" + text + "'")
                .until(ExpectedConditions.textToBe(detail, text));
    }

    /** Waits until the rows under "Recorded by the backend" satisfy {@code condition}, and returns them. */
    List<Recorded> awaitRecorded(String description, Predicate<List<Recorded>> condition) {
        return waitFor(() -> "recorded events never showed " + description + ": " + recorded())
                .until(ignored -> {
                    List<Recorded> rows = recorded();
                    return condition.test(rows) ? rows : null;
                });
    }

    /** The rows under "Recorded by the backend", newest first, read in one go as the page replaces them. */
    List<Recorded> recorded() {
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) ((JavascriptExecutor) browser).executeScript(READ_RECORDED);
        return rows.stream()
                .map(cells -> new Recorded(cells.get(1), cells.get(2), cells.get(3), cells.get(4)))
                .toList();
    }

    private FluentWait<WebDriver> waitFor(Supplier<String> failure) {
        return new WebDriverWait(browser, PATIENCE).withMessage(failure);
    }

    /**
     * One row under "Recorded by the backend".
     *
     * @param kind track, identify, activation or billing_status
     * @param name the event name, stage or billing status
     * @param who customer / user / email as far as known
     * @param properties the properties as JSON
     */
    record Recorded(String kind, String name, String who, String properties) {
    }
}
