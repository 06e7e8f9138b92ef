package org.mineralsupplygraph.bench;

import benchmark.sdn.SdnBaseline;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.mineralsupplygraph.MineralSupplyGraphApplication;
import org.mineralsupplygraph.importer.CsvDocumentReader;
import org.mineralsupplygraph.importer.GraphImporter;
import org.mineralsupplygraph.importer.ImportDocument;
import org.mineralsupplygraph.importer.ImportResult;
import org.mineralsupplygraph.importer.OfflineImport;
import org.mineralsupplygraph.system.CypherQueries;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The scale benchmark: for each size, import throughput (online through the application's importer, and offline with
 * Neo4j's bulk importer), start-up time on the imported database, and p50/p95/p99 latency of the exposure,
 * dependencies and paths endpoints over HTTP and of the same Cypher through the driver; the JVM's peak memory.
 *
 * <p>{@code ./mvnw -Pbench verify -Dbench.sizes=S,M} (see docs/benchmarks.md); results go to
 * {@code target/bench/results.md}. Not a test: it measures.
 */
public final class Benchmark {

    private static final String[] ECONOMIES = {"KR", "JP", "CN", "US", "DE"};
    private static final String[] MINERALS = {
        "lithium", "nickel", "cobalt", "graphite", "manganese", "vanadium", "zinc", "copper"
    };

    private final StringBuilder report = new StringBuilder();
    private final Path root = Path.of("target", "bench");
    private final int requests;

    private Benchmark(int requests) {
        this.requests = requests;
    }

    public static void main(String[] args) throws Exception {
        String sizes = args.length > 0 ? args[0] : "S,M";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Benchmark benchmark = new Benchmark(requests);
        benchmark.line("# Benchmark results");
        benchmark.line("");
        benchmark.line("JVM: " + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, "
                + Runtime.getRuntime().availableProcessors() + " cores; " + requests + " requests per endpoint.");
        for (String size : sizes.split(",")) {
            benchmark.size(size.strip().toUpperCase(Locale.ROOT));
        }
        benchmark.line("");
        benchmark.line(String.format(
                "Peak heap used by this JVM: %,d MiB; peak resident memory: %,d MiB.",
                peakHeap() / (1024 * 1024), peakRss() / 1024));
        Files.writeString(benchmark.root.resolve("results.md"), benchmark.report);
        System.out.println(benchmark.report);
        System.exit(0);
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    private void size(String size) throws Exception {
        Path data = root.resolve(size.toLowerCase(Locale.ROOT));
        if (!Files.exists(data.resolve("relationships.csv"))) {
            NetworkGenerator.generate(size, data, NetworkGenerator.DEFAULT_SEED);
        }
        long nodes = Files.lines(data.resolve("nodes.csv")).count() - 1;
        long relationships = Files.lines(data.resolve("relationships.csv")).count() - 1;
        line("");
        line(String.format(
                "## Size %s: %,d nodes, %,d relationships (seed %d)",
                size, nodes, relationships, NetworkGenerator.DEFAULT_SEED));
        line("");
        line("| measure | value |");
        line("|---|---|");

        // Online import through the application, into a fresh database.
        double onlineRate;
        Path online = fresh(root.resolve("db-online-" + size.toLowerCase(Locale.ROOT)));
        try (ConfigurableApplicationContext app = start(online)) {
            ImportDocument document =
                    CsvDocumentReader.read(data.resolve("nodes.csv"), data.resolve("relationships.csv"));
            long started = System.nanoTime();
            ImportResult result = app.getBean(GraphImporter.class).importDocument(document);
            double seconds = (System.nanoTime() - started) / 1e9;
            onlineRate = result.relationshipsCreated() / seconds;
            line(String.format(
                    "| online import (UNWIND batches of 10,000, %d transactions) | %.1f s, %,.0f relationships/s"
                            + " |",
                    result.transactions(), seconds, onlineRate));
        }
        if ((size.equals("S") || size.equals("XS")) && Long.getLong("bench.sdnMinutes", 15) > 0) {
            Duration limit = Duration.ofMinutes(Long.getLong("bench.sdnMinutes", 15));
            SdnBaseline.Outcome naive =
                    SdnBaseline.run(data, fresh(root.resolve("db-sdn-" + size.toLowerCase(Locale.ROOT))), limit);
            if (naive.finished()) {
                line(String.format(
                        "| naive import (Spring Data Neo4j saveAll of entities) | %.1f s, %,.0f relationships/s;"
                                + " online import %.0fx faster |",
                        naive.seconds(),
                        relationships / naive.seconds(),
                        onlineRate / (relationships / naive.seconds())));
            } else {
                line(String.format(
                        "| naive import (Spring Data Neo4j saveAll of entities) | not finished after %.0f s:"
                                + " under %,.0f relationships/s; online import more than %.0fx faster |",
                        naive.seconds(),
                        relationships / naive.seconds(),
                        onlineRate / (relationships / naive.seconds())));
            }
        }

        // Offline import with neo4j-admin into an empty directory.
        Path offline = fresh(root.resolve("db-" + size.toLowerCase(Locale.ROOT)));
        OfflineImport.Result bulk = OfflineImport.run(
                CsvDocumentReader.read(data.resolve("nodes.csv"), data.resolve("relationships.csv")),
                offline,
                root.resolve("offline-work"),
                lineOut -> {});
        line(String.format(
                "| offline import (validation, conversion, neo4j-admin import full) | %.1f s, %,.0f relationships/s"
                        + " (check %.1f s, conversion %.1f s, neo4j-admin %.1f s: %,.0f relationships/s) |",
                bulk.millis() / 1000.0,
                bulk.relationships() / (bulk.millis() / 1000.0),
                bulk.checkMillis() / 1000.0,
                bulk.convertMillis() / 1000.0,
                bulk.importerMillis() / 1000.0,
                bulk.relationships() / (bulk.importerMillis() / 1000.0)));

        // Start-up on the imported database: the first start builds the schema's indexes.
        long started = System.nanoTime();
        try (ConfigurableApplicationContext first = start(offline)) {
            line(String.format(
                    "| first start on the imported database (schema built, reference data loaded) | %.1f s |",
                    (System.nanoTime() - started) / 1e9));
        }
        started = System.nanoTime();
        try (ConfigurableApplicationContext app = start(offline)) {
            line(String.format("| start-up on the imported database | %.1f s |", (System.nanoTime() - started) / 1e9));
            // At L a country-wide exposure question takes seconds; fewer requests keep the run under an hour.
            latencies(app, size.equals("L") ? Integer.getInteger("bench.requestsL", Math.min(requests, 30)) : requests);
        }
    }

    private static Path fresh(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return directory;
    }

    private static ConfigurableApplicationContext start(Path data) {
        return SpringApplication.run(
                MineralSupplyGraphApplication.class,
                "--supplygraph.embedded.data-directory=" + data.toAbsolutePath(),
                "--supplygraph.embedded.bolt-port=0",
                "--supplygraph.embedded.http-port=0",
                "--server.port=0",
                "--supplygraph.embedded.page-cache=1GB",
                "--supplygraph.query.timeout=120s",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
    }

    // ---------------------------------------------------------------- latency

    private void latencies(ConfigurableApplicationContext app, int requests) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        Driver driver = app.getBean(Driver.class);
        SplittableRandom random = new SplittableRandom(7);
        List<String> companies;
        try (Session session = driver.session()) {
            companies = session.run("MATCH (c:Company) WHERE c.id STARTS WITH 'syn-' RETURN c.id AS id ORDER BY id")
                    .list(r -> r.get("id").asString());
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String exposureQuery =
                CypherQueries.withBounds(CypherQueries.load("supply-paths"), Map.of("maxDepth", 4, "tailDepth", 3));
        String pathsQuery = CypherQueries.withBounds(CypherQueries.load("paths"), Map.of("limit", 10, "maxDepth", 6));

        // The driver side runs every statement the endpoint runs, in one read transaction as the endpoint does, and
        // reads every row; the difference is the application's own work (HTTP, mapping, JSON).
        measure(
                "exposure",
                random,
                () -> {
                    String buyer = ECONOMIES[random.nextInt(ECONOMIES.length)];
                    String mineral = MINERALS[random.nextInt(MINERALS.length)];
                    String source = ECONOMIES[random.nextInt(ECONOMIES.length)].equals(buyer) ? "AU" : "CL";
                    return new Call(
                            "/api/exposure?buyerCountry=" + buyer + "&mineral=" + mineral + "&sourceCountry=" + source,
                            tx -> {
                                List<String> buyers = tx.run(
                                                "OPTIONAL MATCH (b:Country {id: $c}) OPTIONAL MATCH (m:Mineral"
                                                        + " {id: $m}) OPTIONAL MATCH (s:Country {id: $s}) RETURN b, m, s, COLLECT { MATCH"
                                                        + " (b)<-[:HEADQUARTERED_IN]-(c:Company) RETURN c.id ORDER BY c.id } AS ids",
                                                Map.of("c", buyer, "m", mineral, "s", source))
                                        .single()
                                        .get("ids")
                                        .asList(Value::asString);
                                Record forms = tx.run(
                                                "RETURN COLLECT { MATCH (p:Product)-[:FORM_OF]->(:Mineral {id: $m})"
                                                        + " RETURN p.id } AS products, COLLECT { MATCH (a:Agreement)-[:COVERS]->(:Mineral {id: $m})"
                                                        + " RETURN a.id } AS agreements",
                                                Map.of("m", mineral))
                                        .single();
                                List<String> products = new ArrayList<>(List.of(mineral));
                                products.addAll(forms.get("products").asList(Value::asString));
                                Map<String, Object> p = new HashMap<>();
                                p.put("buyers", buyers);
                                p.put("sourceCountry", source);
                                p.put("products", products);
                                p.put("agreements", forms.get("agreements").asList(Value::asString));
                                return supplyPaths(tx, exposureQuery, p);
                            });
                },
                http,
                port,
                driver,
                requests);
        measure(
                "company dependencies",
                random,
                () -> {
                    String company = companies.get(random.nextInt(companies.size()));
                    return new Call("/api/companies/" + company + "/dependencies", tx -> {
                        tx.run(
                                        "OPTIONAL MATCH (company:Company {id: $c}) RETURN company, COLLECT { MATCH (m:Mineral) RETURN m"
                                                + " ORDER BY m.name } AS minerals",
                                        Map.of("c", company))
                                .single();
                        Map<String, Object> p = new HashMap<>();
                        p.put("buyers", List.of(company));
                        p.put("sourceCountry", null);
                        p.put("products", null);
                        p.put("agreements", null);
                        return supplyPaths(tx, exposureQuery, p);
                    });
                },
                http,
                port,
                driver,
                requests);
        measure(
                "paths",
                random,
                () -> {
                    String from = companies.get(random.nextInt(companies.size()));
                    String to = companies.get(random.nextInt(companies.size()));
                    return new Call("/api/paths?from=" + from + "&to=" + to, tx -> {
                        tx.run(
                                        "OPTIONAL MATCH (a:Entity {id: $from}) OPTIONAL MATCH (b:Entity {id: $to}) RETURN a, b",
                                        Map.of("from", from, "to", to))
                                .single();
                        return tx.run(
                                        pathsQuery,
                                        Map.of(
                                                "from",
                                                from,
                                                "to",
                                                to,
                                                "types",
                                                List.of(
                                                        "INVESTS_IN",
                                                        "OFFTAKE",
                                                        "SUBSIDIARY_OF",
                                                        "OWNS",
                                                        "OPERATES",
                                                        "FEEDS",
                                                        "PARTY_TO",
                                                        "ENACTED",
                                                        "PART_OF",
                                                        "GOVERNS")))
                                .list()
                                .size();
                    });
                },
                http,
                port,
                driver,
                requests);
    }

    /** The supply-paths query and the two look-ups that complete its evidence, as the endpoints run them. */
    private static int supplyPaths(TransactionContext tx, String query, Map<String, Object> parameters) {
        List<Record> rows = tx.run(query, parameters).list();
        Set<String> domicile = new LinkedHashSet<>();
        Set<String> origin = new LinkedHashSet<>();
        for (Record row : rows) {
            ("domicile".equals(row.get("basis").asString()) ? domicile : origin)
                    .add(row.get("supplier").asNode().get("id").asString());
        }
        if (!domicile.isEmpty()) {
            tx.run(CypherQueries.load("supply-origins"), Map.of("suppliers", List.copyOf(domicile)))
                    .list();
        }
        if (!origin.isEmpty()) {
            tx.run(CypherQueries.load("supplier-countries"), Map.of("suppliers", List.copyOf(origin)))
                    .list();
        }
        return rows.size();
    }

    private record Call(String path, Function<TransactionContext, Integer> cypher) {}

    private void measure(
            String name,
            SplittableRandom random,
            Supplier<Call> calls,
            HttpClient http,
            int port,
            Driver driver,
            int requests)
            throws Exception {
        Histogram overHttp = new Histogram(3_600_000_000_000L, 3);
        Histogram throughDriver = new Histogram(3_600_000_000_000L, 3);
        int errors = 0;
        List<Integer> rows = new ArrayList<>();
        int warmup = Math.max(10, requests / 10);
        for (int i = 0; i < warmup + requests; i++) {
            Call call = calls.get();
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                            .timeout(Duration.ofMinutes(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long httpNanos = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                errors++;
            }
            started = System.nanoTime();
            int answered;
            try (Session session = driver.session()) {
                answered = session.executeRead(tx -> call.cypher().apply(tx));
            }
            long driverNanos = System.nanoTime() - started;
            if (i >= warmup) {
                overHttp.recordValue(httpNanos);
                throughDriver.recordValue(driverNanos);
                rows.add(answered);
            }
        }
        line(String.format(
                "| %s over HTTP (%d requests): p50 / p95 / p99 | %.1f / %.1f / %.1f ms (%d errors) |",
                name, requests, ms(overHttp, 50), ms(overHttp, 95), ms(overHttp, 99), errors));
        line(String.format(
                "| %s, same Cypher through the driver: p50 / p95 / p99 | %.1f / %.1f / %.1f ms;"
                        + " overhead at p50 %.2fx; paths per answer: median %d, max %d |",
                name,
                ms(throughDriver, 50),
                ms(throughDriver, 95),
                ms(throughDriver, 99),
                ms(overHttp, 50) / Math.max(0.001, ms(throughDriver, 50)),
                rows.stream().sorted().toList().get(rows.size() / 2),
                rows.stream().max(Integer::compare).orElse(0)));
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** Peak resident set size in KiB, from /proc (Linux). */
    private static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // Not Linux.
        }
        return 0;
    }
}
