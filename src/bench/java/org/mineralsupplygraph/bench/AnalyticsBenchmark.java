package org.mineralsupplygraph.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.mineralsupplygraph.MineralSupplyGraphApplication;
import org.mineralsupplygraph.importer.CsvDocumentReader;
import org.mineralsupplygraph.importer.OfflineImport;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Latency of the risk analytics endpoints over HTTP on a generated network (offline-imported into
 * {@code target/bench/db-<size>} when it is not there yet): concentration (world and by buyer country), alerts for a
 * country, ownership (holdings, through the generator's investment chains and cycles) and disruption scenarios.
 *
 * <p>{@code ./mvnw -Pbench-analytics verify -Dbench.sizes=M}; results go to {@code target/bench/analytics.md}.
 */
public final class AnalyticsBenchmark {

    private static final String[] ECONOMIES = {"KR", "JP", "CN", "US", "DE"};
    private static final String[] MINERALS = {"lithium", "nickel", "cobalt", "graphite", "manganese"};
    private static final String[] SOURCES = {"AU", "CL", "CD", "ID", "CN"};

    private final StringBuilder report = new StringBuilder();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String sizes = args.length > 0 ? args[0] : "M";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        AnalyticsBenchmark benchmark = new AnalyticsBenchmark();
        benchmark.line("# Analytics benchmark");
        benchmark.line("");
        benchmark.line("JVM: " + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, "
                + Runtime.getRuntime().availableProcessors() + " cores; " + requests + " requests per endpoint.");
        for (String size : sizes.split(",")) {
            benchmark.size(size.strip().toUpperCase(Locale.ROOT), requests);
        }
        Files.writeString(Path.of("target", "bench", "analytics.md"), benchmark.report);
        System.exit(0);
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    private void size(String size, int requests) throws Exception {
        Path root = Path.of("target", "bench");
        Path data = root.resolve(size.toLowerCase(Locale.ROOT));
        Path db = root.resolve("db-" + size.toLowerCase(Locale.ROOT));
        if (!Files.exists(data.resolve("relationships.csv"))) {
            NetworkGenerator.generate(size, data, NetworkGenerator.DEFAULT_SEED);
        }
        if (!Files.exists(db)) {
            OfflineImport.run(
                    CsvDocumentReader.read(data.resolve("nodes.csv"), data.resolve("relationships.csv")),
                    db,
                    root.resolve("offline-work"),
                    l -> {});
        }
        line("");
        line("## Size " + size);
        line("");
        line("| endpoint | requests | p50 / p95 / p99 | errors |");
        line("|---|---|---|---|");
        try (ConfigurableApplicationContext app = SpringApplication.run(
                MineralSupplyGraphApplication.class,
                "--supplygraph.embedded.data-directory=" + db.toAbsolutePath(),
                "--supplygraph.embedded.bolt-port=0",
                "--supplygraph.embedded.http-port=0",
                "--server.port=0",
                "--supplygraph.embedded.page-cache=1GB",
                "--supplygraph.query.timeout=120s",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            List<String> holders;
            try (Session session = app.getBean(Driver.class).session()) {
                holders = session.run("MATCH (c:Company)-[:INVESTS_IN]->(:Company) WHERE c.id STARTS WITH 'syn-'"
                                + " RETURN DISTINCT c.id AS id ORDER BY id LIMIT 2000")
                        .list(r -> r.get("id").asString());
            }
            SplittableRandom random = new SplittableRandom(11);
            measure(
                    "GET /api/concentration?mineral= (world)",
                    port,
                    requests,
                    () -> "/api/concentration?mineral=" + pick(random, MINERALS));
            measure(
                    "GET /api/concentration?mineral=&buyerCountry= (origin)",
                    port,
                    requests,
                    () -> "/api/concentration?mineral=" + pick(random, MINERALS) + "&buyerCountry="
                            + pick(random, ECONOMIES));
            measure(
                    "GET /api/ownership/{id} (holdings)",
                    port,
                    requests,
                    () -> "/api/ownership/" + holders.get(random.nextInt(holders.size())));
            measure(
                    "POST /api/scenarios/disruption (one country out)",
                    port,
                    requests,
                    () -> "POST "
                            + "{\"remove\": {\"countries\": [\"" + pick(random, SOURCES) + "\"]}, \"mineral\": \""
                            + pick(random, MINERALS) + "\", \"buyerCountry\": \"" + pick(random, ECONOMIES) + "\"}");
            measure(
                    "GET /api/alerts?country=",
                    port,
                    Math.max(3, requests / 6),
                    () -> "/api/alerts?country=" + pick(random, ECONOMIES) + "&asOf=2026-01-01");
        }
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private void measure(String name, int port, int requests, Supplier<String> calls) throws Exception {
        Histogram histogram = new Histogram(3_600_000_000_000L, 3);
        int errors = 0;
        int warmup = Math.min(3, Math.max(1, requests / 10));
        for (int i = 0; i < warmup + requests; i++) {
            String call = calls.get();
            HttpRequest.Builder request = call.startsWith("POST ")
                    ? HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/scenarios/disruption"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(call.substring(5)))
                    : HttpRequest.newBuilder(URI.create("http://localhost:" + port + call));
            long started = System.nanoTime();
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                errors++;
                if (errors == 1) {
                    System.out.println(name + ": " + response.statusCode() + " " + response.body());
                }
            }
            if (i >= warmup) {
                histogram.recordValue(nanos);
            }
        }
        line(String.format(
                "| %s | %d | %.1f / %.1f / %.1f ms | %d |",
                name,
                requests,
                histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(95) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6,
                errors));
    }
}
