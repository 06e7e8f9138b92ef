package org.mineralsupplygraph.support;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A test in headless Chromium ({@link HeadlessChromium}): a fresh browser and profile for each test, closed after. */
public abstract class ChromiumTest {

    @TempDir
    protected Path profile;

    protected WebDriver browser;

    @BeforeEach
    void startChromium() {
        browser = HeadlessChromium.start(profile);
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    protected Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
