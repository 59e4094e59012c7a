package dev.tracking.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts the Debian packaged Chromium, headless, through the packaged chromedriver. Both are named by path, so
 * Selenium never looks for (or downloads) a browser or a driver, and the browser is kept off the network. The test
 * uses no DevTools, so Selenium's warnings about DevTools versions for this browser are silenced.
 */
final class HeadlessChromium {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static final List<Logger> DEVTOOLS_VERSION_WARNINGS = List.of(
            Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    private HeadlessChromium() {
    }

    /** Starts a browser with a fresh profile in {@code profileDir}; the caller quits it. */
    static ChromeDriver start(Path profileDir) {
        requireExecutable(BROWSER);
        requireExecutable(DRIVER);
        DEVTOOLS_VERSION_WARNINGS.forEach(logger -> logger.setLevel(Level.SEVERE));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(driver, options);
    }

    private static void requireExecutable(Path path) {
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " is missing: the browser test needs the Debian packages "
                    + "chromium and chromium-driver (apt-get install chromium chromium-driver)");
        }
    }
}
