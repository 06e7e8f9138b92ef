package org.mineralsupplygraph.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.mineralsupplygraph.MineralSupplyGraphApplication;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code GET /api/paths} on the generated networks: random pairs of companies and governments (fixed seed), asked by
 * default (influence and supply, never through a hub) and then, the same pairs, with {@code through=all} (the search
 * the endpoint ran before), over HTTP against the application with its query time-out (default 10 s). Reports p50 /
 * p95 / p99 / max per mode, the answers other than 200 (a 503 at the time-out is counted, its time kept), the slowest
 * request against the time-out plus 1 s, and the share of pairs with no path within maxDepth.
 *
 * <p>{@code ./mvnw -Pbench-paths verify -Dbench.sizes=M,L}; results go to {@code target/bench/paths.md}.
 */
public final class PathsBenchmark {

    private static final Pattern PATHS = Pattern.compile("\"length\":");

    private final StringBuilder report = new StringBuilder();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration timeout =
            Duration.parse("PT" + System.getProperty("bench.timeout", "10s").toUpperCase(Locale.ROOT));

    public static void main(String[] args) throws Exception {
        String sizes = args.length > 0 ? args[0] : "M";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int requestsL = Integer.getInteger("bench.requestsL", 30);
        PathsBenchmark benchmark = new PathsBenchmark();
        benchmark.line("# Paths benchmark");
        benchmark.line("");
        benchmark.line("JVM: " + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, "
                + Runtime.getRuntime().availableProcessors() + " cores; query time-out " + benchmark.timeout.toMillis()
                + " ms.");
        for (String size : sizes.split(",")) {
            String s = size.strip().toUpperCase(Locale.ROOT);
            benchmark.size(s, s.equals("L") ? requestsL : requests);
        }
        Files.writeString(Path.of("target", "bench", "paths.md"), benchmark.report);
        System.exit(0);
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    private void size(String size, int requests) throws Exception {
        Path db = Networks.database(size);
        line("");
        line("## Size " + size + " (" + requests + " pairs, seed 20261202, maxDepth 6, limit 10)");
        line("");
        try (ConfigurableApplicationContext app = SpringApplication.run(
                MineralSupplyGraphApplication.class,
                "--supplygraph.embedded.data-directory=" + db.toAbsolutePath(),
                "--supplygraph.embedded.bolt-port=0",
                "--supplygraph.embedded.http-port=0",
                "--server.port=0",
                "--supplygraph.embedded.page-cache=1GB",
                "--supplygraph.query.timeout=" + timeout.toMillis() + "ms",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            List<String> ends;
            try (Session session = app.getBean(Driver.class).session()) {
                ends = session.run("MATCH (n) WHERE (n:Company AND n.id STARTS WITH 'syn-') OR n:Government"
                                + " RETURN n.id AS id ORDER BY id")
                        .list(r -> r.get("id").asString());
            }
            SplittableRandom random = new SplittableRandom(20261202L);
            List<String[]> pairs = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                pairs.add(new String[] {ends.get(random.nextInt(ends.size())), ends.get(random.nextInt(ends.size()))});
            }
            line("| mode | requests | p50 / p95 / p99 / max | answers other than 200 | pairs with no path | paths per"
                    + " answer: median, max |");
            line("|---|---|---|---|---|---|");
            // Warm-up: a few pairs that are not measured.
            for (int i = 0; i < 5; i++) {
                get(
                        port,
                        "/api/paths?from=" + ends.get(random.nextInt(ends.size())) + "&to="
                                + ends.get(random.nextInt(ends.size())));
            }
            long slowest = Math.max(
                    mode("default (influence and supply)", port, pairs, ""),
                    mode("through=all (the search before)", port, pairs, "&through=all"));
            line("");
            line(String.format(
                    Locale.ENGLISH,
                    "Slowest request of any mode: %,.1f ms (time-out %,d ms; time-out +" + " 1 s: %s).",
                    slowest / 1e6,
                    timeout.toMillis(),
                    slowest <= timeout.plusSeconds(1).toNanos() ? "held" : "passed"));
        }
    }

    /** Every pair in one mode, one request at a time; the slowest request's nanoseconds. */
    private long mode(String name, int port, List<String[]> pairs, String extra) throws Exception {
        Histogram latency = new Histogram(3_600_000_000_000L, 3);
        int errors = 0;
        int none = 0;
        StringBuilder statuses = new StringBuilder();
        List<Integer> counts = new ArrayList<>();
        for (String[] pair : pairs) {
            long started = System.nanoTime();
            HttpResponse<String> response = get(port, "/api/paths?from=" + pair[0] + "&to=" + pair[1] + extra);
            latency.recordValue(System.nanoTime() - started);
            if (response.statusCode() != 200) {
                errors++;
                if (statuses.indexOf(" " + response.statusCode()) < 0) {
                    statuses.append(' ').append(response.statusCode());
                }
                continue;
            }
            int found = 0;
            Matcher m = PATHS.matcher(response.body());
            while (m.find()) {
                found++;
            }
            counts.add(found);
            if (found == 0) {
                none++;
            }
        }
        List<Integer> sorted = counts.stream().sorted().toList();
        line(String.format(
                Locale.ENGLISH,
                "| %s | %d | %.1f / %.1f / %.1f / %.1f ms | %d%s | %d of %d answered" + " (%.0f%%) | %s, %s |",
                name,
                pairs.size(),
                ms(latency, 50),
                ms(latency, 95),
                ms(latency, 99),
                latency.getMaxValue() / 1e6,
                errors,
                statuses.isEmpty() ? "" : " (" + statuses.toString().strip() + ")",
                none,
                counts.size(),
                counts.isEmpty() ? 0 : 100.0 * none / counts.size(),
                sorted.isEmpty() ? "-" : sorted.get(sorted.size() / 2),
                sorted.isEmpty() ? "-" : sorted.get(sorted.size() - 1)));
        return latency.getMaxValue();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofMinutes(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }
}
