package org.mineralsupplygraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.ChromiumTest;
import org.mineralsupplygraph.support.GraphTest;
import org.mineralsupplygraph.support.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The map page in a real headless Chromium: it draws the world, the lithium sites and flows; the flow from Argentina to
 * Korea and the Kachi site are there; clicking them tells who is behind them; and no request leaves the machine.
 */
@GraphTest
class MapPageTest extends ChromiumTest {

    @LocalServerPort
    int port;

    private void waitUntilDrawn() {
        waitUpTo(60).until(d -> "drawn".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state")));
    }

    @Test
    void lithiumFromArgentinaToKoreaAndTheKachiSite() throws Exception {
        browser.get("http://localhost:" + port + "/map?mineral=cobalt");
        waitUntilDrawn();
        // The world: Natural Earth's countries, drawn.
        assertThat((Long) script("return document.querySelectorAll('#countries path.country').length"))
                .isGreaterThan(150);

        new Select(browser.findElement(By.id("mineral"))).selectByValue("lithium");
        waitUpTo(60)
                .until(d -> d.getCurrentUrl().contains("mineral=lithium")
                        && "drawn".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state")));

        // The supply-demand map: an arc and a line of the list for Argentina to South Korea.
        WebElement arc = browser.findElement(By.cssSelector("#flows path[data-flow='AR->KR']"));
        assertThat(Double.parseDouble(arc.getDomAttribute("stroke-width"))).isGreaterThan(1);
        assertThat(browser.findElement(By.cssSelector("#flow-list li[data-flow='AR->KR']"))
                        .getText())
                .startsWith("Argentina → South Korea")
                .contains("t/yr");

        // The deposit map: Australia, the largest producer, shaded; Kachi a hollow (approximate) point.
        assertThat(browser.findElement(By.cssSelector("#countries path[data-country='AU']"))
                        .getDomAttribute("fill"))
                .isNotEqualTo("#f4f1ea");
        WebElement kachi = browser.findElement(By.cssSelector("#sites circle[data-site='kachi']"));
        assertThat(kachi.getDomAttribute("class")).contains("approximate");
        script("document.querySelector(\"#sites circle[data-site='kachi']\")"
                + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))");
        // The offtakers come from the site's own record (GET /api/entities/kachi), once clicked.
        waitUpTo(10).until(d -> d.findElement(By.id("details")).getText().contains("SK On"));
        String details = browser.findElement(By.id("details")).getText();
        assertThat(details).contains("Kachi", "Morena del Valle", "SK On", "town");

        // Clicking Korea lists its firms' exposure, as /api/exposure answers it.
        script("document.querySelector(\"#countries path[data-country='KR']\")"
                + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))");
        waitUpTo(30).until(d -> d.findElement(By.id("details")).getText().contains("From Argentina"));
        assertThat(browser.findElement(By.id("details")).getText()).contains("SK On");

        Map<?, ?> timings = (Map<?, ?>) script("return window.mapTimings");
        System.out.println("Map drawn: " + timings);

        Path screenshot =
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(screenshot, Path.of("target", "map-lithium.png"), StandardCopyOption.REPLACE_EXISTING);

        // Every request the page made went to this application: its API, its shapes, its scripts.
        List<String> requests = HeadlessChromium.requests(browser);
        assertThat(requests)
                .anySatisfy(u -> assertThat(u).contains("/api/flows?mineral=lithium"))
                .anySatisfy(u -> assertThat(u).contains("/map/countries-110m.json"));
        assertThat(requests)
                .filteredOn(u -> u.startsWith("http") || u.startsWith("ws"))
                .allSatisfy(u -> assertThat(URI.create(u).getHost()).isEqualTo("localhost"));
    }
}
