package org.mineralsupplygraph.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Chromium and ChromeDriver, headless, with the network log on, for the browser tests; and what that log
 * says about requests to other hosts than this machine.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** A new browser with its own profile directory; the test is skipped where Chromium is not installed. */
    public static WebDriver start(Path profile) {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed: apt-get install -y chromium chromium-driver (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1600,1000",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * The requests the page sent to hosts other than localhost since the log was last read, by request id, and which
     * of them the content security policy stopped before any network access.
     *
     * @param external filled with request id to address
     * @param blockedByPolicy filled with the ids the policy blocked
     */
    public static void requestsToOtherHosts(
            WebDriver browser, Map<String, String> external, Set<String> blockedByPolicy) {
        requests(browser, new ArrayList<>(), external, blockedByPolicy);
    }

    /** Every address the page requested since the log was last read (http, https and ws ones). */
    public static List<String> requests(WebDriver browser) {
        List<String> all = new ArrayList<>();
        requests(browser, all, new LinkedHashMap<>(), new HashSet<>());
        return all;
    }

    private static void requests(
            WebDriver browser, List<String> all, Map<String, String> external, Set<String> blockedByPolicy) {
        JsonMapper json = JsonMapper.builder().build();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = json.readTree(entry.getMessage()).get("message");
            String method = message.get("method").asString();
            JsonNode params = message.get("params");
            if (method.equals("Network.requestWillBeSent")) {
                String url = params.at("/request/url").asString();
                all.add(url);
                String host = url.startsWith("http") || url.startsWith("ws")
                        ? URI.create(url).getHost()
                        : "localhost";
                if (host != null && !host.equals("localhost") && !host.equals("127.0.0.1")) {
                    external.put(params.get("requestId").asString(), url);
                }
            } else if (method.equals("Network.loadingFailed")
                    && "csp".equals(params.path("blockedReason").asString(""))) {
                blockedByPolicy.add(params.get("requestId").asString());
            }
        }
    }
}
