package org.mineralsupplygraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.ChromiumTest;
import org.mineralsupplygraph.support.GraphTest;
import org.mineralsupplygraph.support.HeadlessChromium;
import org.mineralsupplygraph.system.EmbeddedNeo4j;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Neo4j Browser in a real headless Chromium against the embedded application: it connects by itself, applies the
 * project's style, opens the guide; a guide query runs and draws nodes with the project's captions; and nothing leaves
 * the machine.
 */
@GraphTest
class BrowserEndToEndTest extends ChromiumTest {

    @Autowired
    EmbeddedNeo4j neo4j;

    private boolean pageContains(String text) {
        return browser.findElement(By.tagName("body")).getText().contains(text);
    }

    @SuppressWarnings("unchecked")
    private List<String> svgTexts() {
        return (List<String>)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "return [...document.querySelectorAll('svg text')].map(t => t.textContent.trim()).filter(t => t)");
    }

    @SuppressWarnings("unchecked")
    private List<String> nodeFills() {
        return (List<String>)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "return [...document.querySelectorAll('svg g.node circle.b-outline')].map(c => c.getAttribute('fill'))");
    }

    @Test
    void theBrowserConnectsShowsTheGuideAndDrawsAGuideQueryWithTheProjectsStyle() throws Exception {
        URI browserUri = URI.create("http://localhost:" + neo4j.httpUri().getPort() + "/browser/");
        browser.get(browserUri.toString());

        // Connected without a password, then the post-connect commands: the style and the guide.
        waitUpTo(60).until(d -> pageContains("You have a working connection"));
        assertThat(browser.getCurrentUrl()).contains("preselectAuthMethod=NO_AUTH");
        waitUpTo(30).until(d -> pageContains("Critical-mineral supply networks"));

        // The guide's second slide: Korea and Australian lithium. Put its first query in the editor and run it.
        browser.findElement(By.cssSelector("button.next-slide")).click();
        WebElement query = waitUpTo(10)
                .until(d -> d.findElements(By.cssSelector(".slide pre.runnable")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        assertThat(query.getText()).contains("HEADQUARTERED_IN").contains("'AU'");
        query.click();
        browser.findElement(By.cssSelector("[data-testid='editor-Run']")).click();

        // The drawn graph carries the project's captions: names on nodes, stakes and volumes on relationships.
        waitUpTo(30).until(d -> svgTexts().contains("SK On"));
        List<String> texts = svgTexts();
        assertThat(texts).contains("SK On", "South Korea", "Australia", "10%", "7.89%");
        assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("25,000 t/yr"));
        // ... and the project's colours: companies blue, countries orange.
        assertThat(nodeFills()).contains("#57C7E3", "#F79767");

        // The same deals by origin, the slide's second query: the ore is in Canada and Argentina.
        List<WebElement> queries = browser.findElements(By.cssSelector(".slide pre.runnable")).stream()
                .filter(WebElement::isDisplayed)
                .toList();
        queries.get(1).click();
        browser.findElement(By.cssSelector("[data-testid='editor-Run']")).click();
        waitUpTo(30).until(d -> svgTexts().contains("Argentina"));
        assertThat(svgTexts()).contains("Canada", "Argentina", "Ontario", "Catamarca");

        Path screenshot =
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(
                screenshot,
                Path.of("target", "browser-korea-australia-lithium.png"),
                StandardCopyOption.REPLACE_EXISTING);

        assertNothingLeftTheMachine();
    }

    /**
     * Neo4j Browser tries to reach analytics, crash reporting and web fonts on the internet. Every such request must
     * have been stopped by the content security policy, before any network access.
     */
    private void assertNothingLeftTheMachine() {
        Map<String, String> external = new HashMap<>();
        Set<String> blockedByPolicy = new HashSet<>();
        HeadlessChromium.requestsToOtherHosts(browser, external, blockedByPolicy);
        // Browser 5.24 does try (analytics, crash reports, fonts): the check has something to check.
        assertThat(external).as("requests to other hosts").isNotEmpty();
        assertThat(external.keySet())
                .as("requests to other hosts that were not blocked: %s", external)
                .allSatisfy(id -> assertThat(blockedByPolicy).contains(id));
        System.out.println("Blocked by the content security policy: " + external.values());
    }
}
