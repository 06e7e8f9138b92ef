package org.mineralsupplygraph.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mineralsupplygraph.MineralSupplyGraphApplication;
import org.mineralsupplygraph.support.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The map on the generated networks: the application on {@code target/bench/db-<size>} (made when missing, with the
 * shipped data sets loaded on top, as the README's command loads them), then
 * <ul>
 *   <li>the map's endpoints over HTTP, one request at a time: the first request for each of five minerals (flows
 *       are kept per mineral until the graph changes, so the first is the one that computes them), then repeats;</li>
 *   <li>the map page in headless Chromium: from navigation to the first complete draw (world, production shading,
 *       sites, flows), for each of the five minerals with nothing kept yet, then again for the first.</li>
 * </ul>
 * {@code ./mvnw -Pbench-map verify -Dbench.sizes=S,M}; results in {@code target/bench/map.md}.
 */
public final class MapBenchmark {

    private static final List<String> MINERALS = List.of("lithium", "nickel", "cobalt", "graphite", "manganese");

    private final StringBuilder report = new StringBuilder();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        MapBenchmark benchmark = new MapBenchmark();
        benchmark.line("# Map benchmark");
        benchmark.line("");
        benchmark.line("JVM: " + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, "
                + Runtime.getRuntime().availableProcessors() + " cores.");
        for (String size : (args.length > 0 ? args[0] : "S,M").split(",")) {
            benchmark.size(size.strip().toUpperCase(Locale.ROOT));
        }
        Files.writeString(Networks.root().resolve("map.md"), benchmark.report);
        System.exit(0);
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    private void size(String size) throws Exception {
        Path db = Networks.database(size);
        try (ConfigurableApplicationContext app = SpringApplication.run(
                MineralSupplyGraphApplication.class,
                "--supplygraph.embedded.data-directory=" + db.toAbsolutePath(),
                "--supplygraph.embedded.bolt-port=0",
                "--supplygraph.embedded.http-port=0",
                "--server.port=0",
                "--supplygraph.embedded.page-cache=1GB",
                "--supplygraph.query.timeout=120s",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                // The first requests are the ones measured: nothing made in advance.
                "--supplygraph.map.warm-up=false")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String base = "http://localhost:" + port;
            line("");
            line("## Size " + size);
            line("");
            line("| request | first (computes) | then: median of 5 | answer |");
            line("|---|---|---|---|");
            for (String mineral : MINERALS) {
                for (String path : List.of(
                        "/api/sites?mineral=" + mineral,
                        "/api/flows?mineral=" + mineral,
                        "/api/production?mineral=" + mineral)) {
                    long[] first = get(base + path);
                    List<Long> repeats = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        repeats.add(get(base + path)[0]);
                    }
                    Collections.sort(repeats);
                    line(String.format(
                            Locale.ROOT,
                            "| `GET %s` | %,d ms (%d) | %,d ms | %.1f MB |",
                            path,
                            first[0] / 1_000_000,
                            first[1],
                            repeats.get(2) / 1_000_000,
                            first[2] / 1e6));
                }
            }
            // The page: the API's answers for these minerals are kept now except the flows of the ones not asked
            // above with this basis; ask for domicile flows, which nothing has computed yet.
            line("");
            line(
                    "| the map page (`/map?mineral=...&basis=domicile`) | navigation to first complete draw | sites, markers, flows |");
            line("|---|---|---|");
            WebDriver browser = HeadlessChromium.start(Files.createTempDirectory("map-benchmark"));
            try {
                for (String mineral : MINERALS) {
                    draw(browser, base, mineral, "domicile", "flows computed");
                }
                draw(browser, base, MINERALS.get(0), "domicile", "flows kept");
                draw(browser, base, MINERALS.get(0), "origin", "flows kept");
            } finally {
                browser.quit();
            }
        }
    }

    private void draw(WebDriver browser, String base, String mineral, String basis, String what) {
        browser.get(base + "/map?mineral=" + mineral + "&basis=" + basis);
        new WebDriverWait(browser, Duration.ofMinutes(3)).until(d -> {
            String state = d.findElement(By.tagName("body")).getDomAttribute("data-state");
            return "drawn".equals(state) || "failed".equals(state);
        });
        Map<?, ?> timings = (Map<?, ?>) ((JavascriptExecutor) browser).executeScript("return window.mapTimings");
        String status = browser.findElement(By.id("status")).getText();
        line(String.format(
                Locale.ROOT,
                "| %s, %s (%s) | %,d ms | %s |",
                mineral,
                basis,
                what,
                timings == null ? -1 : ((Number) timings.get("sincePageStartMs")).longValue(),
                timings == null
                        ? status
                        : timings.get("sites") + ", " + timings.get("markers") + ", " + timings.get("flows")));
    }

    /** [nanos, status, bytes] */
    private long[] get(String url) throws Exception {
        long started = System.nanoTime();
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofMinutes(3))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new long[] {System.nanoTime() - started, response.statusCode(), response.body().length};
    }
}
