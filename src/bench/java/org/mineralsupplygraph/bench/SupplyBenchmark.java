package org.mineralsupplygraph.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.mineralsupplygraph.MineralSupplyGraphApplication;
import org.mineralsupplygraph.exposure.SupplyPaths;
import org.mineralsupplygraph.importer.CsvDocumentReader;
import org.mineralsupplygraph.importer.GraphImporter;
import org.mineralsupplygraph.importer.ImportResult;
import org.mineralsupplygraph.importer.JsonDocumentReader;
import org.mineralsupplygraph.reach.SupplyReach;
import org.mineralsupplygraph.system.Neo4jSessions;
import org.mineralsupplygraph.system.SupplyGraphProperties;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The country-wide supply questions on the generated networks, each side by side with the reference it replaces, in
 * the same run and on the same questions (drawn with a fixed seed, the biggest economies among them):
 *
 * <ul>
 *   <li>exposure (summary and first page), buyer concentration, disruption scenarios and alerts: the same request
 *       over HTTP with the supply reach in use and switched off ({@link SupplyReach#setEnabled}: the endpoint then
 *       walks the graph with supply-paths.cypher, the query it ran before), one after the other;
 *   <li>ownership over HTTP (one query, then in memory) against the former round-by-round traversal through the
 *       driver (its Cypher alone).
 * </ul>
 *
 * <p>Also: the supply reach's build at the first start, the whole exposure answer followed page by page, the heap.
 * {@code ./mvnw -Pbench-supply verify -Dbench.sizes=M,L}; results go to {@code target/bench/supply.md}.
 */
public final class SupplyBenchmark {

    private static final String[] ECONOMIES = {"CN", "US", "JP", "KR", "DE", "AU", "CA", "GB", "IN", "FR"};
    private static final String[] MINERALS = {
        "lithium", "nickel", "cobalt", "graphite", "manganese", "copper", "vanadium", "zinc"
    };
    private static final String[] SOURCES = {"AU", "CL", "CD", "ID", "CN", "AR", "US", "CA", "ZA", "BR"};

    /** The ownership traversal the endpoint ran before: one Cypher round per level of the network. */
    private static final String ROUND = """
            UNWIND $owners AS ownerId
            MATCH (owner:Entity {id: ownerId})
            CALL (owner) {
              MATCH (owner)-[r:INVESTS_IN|OWNS]->(owned) RETURN r, owned
              UNION
              MATCH (owner)<-[r:SUBSIDIARY_OF]-(owned) RETURN r, owned
            }
            RETURN owner, r, owned
            """;

    private static final Duration REFERENCE_LIMIT = Duration.ofSeconds(Long.getLong("bench.referenceLimit", 120));
    private static final TransactionConfig REFERENCE =
            TransactionConfig.builder().withTimeout(REFERENCE_LIMIT).build();

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    private int referenceTimeouts;
    private SupplyReach reach;
    private final StringBuilder report = new StringBuilder();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String sizes = args.length > 0 ? args[0] : "M";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int requestsL = Integer.getInteger("bench.requestsL", 30);
        SupplyBenchmark benchmark = new SupplyBenchmark();
        benchmark.line("# Supply questions benchmark");
        benchmark.line("");
        benchmark.line("JVM: " + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, "
                + Runtime.getRuntime().availableProcessors() + " cores.");
        if (Boolean.getBoolean("bench.import")) {
            benchmark.importCost("M");
        }
        for (String size : sizes.split(",")) {
            String s = size.strip().toUpperCase(Locale.ROOT);
            benchmark.size(s, s.equals("L") ? requestsL : requests);
        }
        benchmark.line("");
        benchmark.line(String.format("Peak heap used by this JVM: %,d MiB.", Benchmark.peakHeap() / (1024 * 1024)));
        Files.writeString(Path.of("target", "bench", "supply.md"), benchmark.report);
        System.exit(0);
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    private void size(String size, int requests) throws Exception {
        Path db = Networks.database(size);
        line("");
        line("## Size " + size + " (" + requests + " questions per endpoint, seed 20261202)");
        line("");
        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = SpringApplication.run(
                MineralSupplyGraphApplication.class,
                "--supplygraph.embedded.data-directory=" + db.toAbsolutePath(),
                "--supplygraph.embedded.bolt-port=0",
                "--supplygraph.embedded.http-port=0",
                "--server.port=0",
                "--supplygraph.embedded.page-cache=1GB",
                "--supplygraph.query.timeout=" + System.getProperty("bench.timeout", "120s"),
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.mineralsupplygraph.reach=INFO")) {
            SupplyReach reach = app.getBean(SupplyReach.class);
            double startUp = (System.nanoTime() - started) / 1e9;
            // Loading the data sets into a generated network can start a rebuild (the seed's products and agreements
            // name minerals anew): the questions are asked once the reach is current, not while answers walk.
            reach.awaitIdle(Duration.ofHours(2));
            SupplyReach.Outcome outcome = reach.lastOutcome();
            line(String.format(
                    "Start-up %.1f s, supply reach current after %.1f s; last build or update: %s",
                    startUp,
                    (System.nanoTime() - started) / 1e9,
                    outcome == null
                            ? "none (current at start)"
                            : String.format(
                                    Locale.ENGLISH,
                                    "%s in %.1f s, %,d tails of %,d suppliers, %,d routes and holdings",
                                    outcome.kind(),
                                    outcome.millis() / 1e3,
                                    outcome.tails(),
                                    outcome.suppliers(),
                                    outcome.routes())));
            line("");
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Driver driver = app.getBean(Driver.class);
            line(
                    "| question | requests | supply reach: p50 / p95 / p99 / max | reference (walk): p50 / p95 / p99 / max |"
                            + " ratio p50, p99 | errors | answer size: median, max |");
            line("|---|---|---|---|---|---|---|");

            SplittableRandom random = new SplittableRandom(20261202L);
            List<String[]> exposure = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String buyer = ECONOMIES[random.nextInt(ECONOMIES.length)];
                String source = SOURCES[random.nextInt(SOURCES.length)];
                exposure.add(new String[] {
                    buyer, MINERALS[random.nextInt(MINERALS.length)], source.equals(buyer) ? "CL" : source
                });
            }
            this.reach = reach;
            compare(
                    "exposure (summary and first page)",
                    port,
                    driver,
                    exposure,
                    q -> "/api/exposure?buyerCountry=" + q[0] + "&mineral=" + q[1] + "&sourceCountry=" + q[2],
                    null);
            List<String[]> buyers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                buyers.add(new String[] {
                    ECONOMIES[random.nextInt(ECONOMIES.length)],
                    MINERALS[random.nextInt(MINERALS.length)],
                    SOURCES[random.nextInt(SOURCES.length)]
                });
            }
            compare(
                    "concentration by buyer (origin)",
                    port,
                    driver,
                    buyers,
                    q -> "/api/concentration?mineral=" + q[1] + "&buyerCountry=" + q[0] + "&basis=origin",
                    null);
            compare(
                    "disruption (one country out)",
                    port,
                    driver,
                    buyers,
                    q -> "POST {\"remove\": {\"countries\": [\"" + q[2] + "\"]}, \"mineral\": \"" + q[1]
                            + "\", \"buyerCountry\": \"" + q[0] + "\"}",
                    null);
            List<String[]> alerts = new ArrayList<>();
            for (int i = 0; i < Math.max(10, requests / 3); i++) {
                alerts.add(new String[] {ECONOMIES[random.nextInt(ECONOMIES.length)]});
            }
            compare(
                    "alerts for one country",
                    port,
                    driver,
                    alerts,
                    q -> "/api/alerts?country=" + q[0] + "&asOf=2026-01-01",
                    null);
            if (!Boolean.parseBoolean(System.getProperty("bench.ownership", "true"))) {
                wholeAnswer(port, exposure);
                return;
            }
            List<String> holders;
            try (Session session = driver.session()) {
                holders = session.run("MATCH (c:Company)-[:INVESTS_IN]->(:Company) WHERE c.id STARTS WITH 'syn-'"
                                + " RETURN DISTINCT c.id AS id ORDER BY id LIMIT 5000")
                        .list(r -> r.get("id").asString());
            }
            List<String[]> owners = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                owners.add(new String[] {holders.get(random.nextInt(holders.size()))});
            }
            compare("ownership (holdings)", port, driver, owners, q -> "/api/ownership/" + q[0], q -> rounds(q[0]));

            // The whole exposure answer of the largest question above, page after page.
            wholeAnswer(port, exposure);
        }
    }

    /**
     * What keeping the reach costs the importer: the network imported online into an empty database by an importer
     * that keeps no reach and by the application's (which hands the reach its touched nodes), one after the other;
     * then a small document of new deals into the imported network, both ways, several times.
     */
    private void importCost(String size) throws Exception {
        Path data = Networks.csv(size);
        line("");
        line("## Import at " + size + ", with and without the supply reach");
        line("");
        line("| importer | document | time | relationships/s | reach afterwards |");
        line("|---|---|---|---|---|");
        double[] rates = new double[2];
        for (int run = 0; run < 2; run++) {
            boolean keep = run == 1;
            Path db = Networks.root().resolve("db-import-" + size.toLowerCase(Locale.ROOT) + "-" + run);
            delete(db);
            try (ConfigurableApplicationContext app = start(db, "120s")) {
                GraphImporter importer = keep
                        ? app.getBean(GraphImporter.class)
                        : new GraphImporter(app.getBean(Neo4jSessions.class), app.getBean(SupplyGraphProperties.class));
                SupplyReach reach = app.getBean(SupplyReach.class);
                long started = System.nanoTime();
                ImportResult result = importer.importDocument(
                        CsvDocumentReader.read(data.resolve("nodes.csv"), data.resolve("relationships.csv")));
                double seconds = (System.nanoTime() - started) / 1e9;
                rates[run] = result.relationshipsCreated() / seconds;
                String after;
                if (keep) {
                    long waited = System.nanoTime();
                    reach.awaitIdle(Duration.ofMinutes(30));
                    after = String.format(
                            Locale.ENGLISH,
                            "rebuilt in the background, done %.1f s after the import" + " returned (%s)",
                            (System.nanoTime() - waited) / 1e9,
                            reach.read().value());
                } else {
                    after = "not kept (" + reach.read().value() + ": questions walk the graph)";
                }
                line(String.format(
                        Locale.ENGLISH,
                        "| %s | whole network, %,d relationships | %.1f s | %,.0f | %s |",
                        keep ? "the application's (keeps the reach)" : "without the reach",
                        result.relationshipsCreated(),
                        seconds,
                        rates[run],
                        after));
                if (keep) {
                    smallDocuments(app, importer, reach);
                }
            }
            delete(db);
        }
        line("");
        line(String.format(
                Locale.ENGLISH,
                "Import rate with the reach kept: %.1f%% of the rate without.",
                100 * rates[1] / rates[0]));
    }

    /** 20 documents of 50 new deals each into the imported network, with the reach patched and without it. */
    private void smallDocuments(ConfigurableApplicationContext app, GraphImporter withReach, SupplyReach reach)
            throws Exception {
        GraphImporter without =
                new GraphImporter(app.getBean(Neo4jSessions.class), app.getBean(SupplyGraphProperties.class));
        Histogram kept = new Histogram(3_600_000_000_000L, 3);
        Histogram plain = new Histogram(3_600_000_000_000L, 3);
        SplittableRandom random = new SplittableRandom(5);
        String afterPatched = "";
        // The 20 patched imports first, then the 20 plain ones: a plain import leaves the reach stale, and rebuilding
        // it between them (minutes at M) would dwarf what is measured.
        for (int doc = 0; doc < 40; doc++) {
            boolean keep = doc < 20;
            StringBuilder rels = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                rels.append(i == 0 ? "" : ",")
                        .append(String.format(
                                Locale.ENGLISH, """
                        {"type": "OFFTAKE", "id": "bench-deal-%d-%d", "from": "syn-company-%d", "to": "syn-mine-%d",
                         "product": "lithium-ore", "tonnesPerYear": 500, "source": "bench", "evidence": "bench"}""", doc, i, random.nextInt(20_000), random.nextInt(10_000)));
            }
            String json = "{\"sources\": [{\"id\": \"bench\", \"kind\": \"user\", \"title\": \"Bench\"}],"
                    + " \"relationships\": [" + rels + "]}";
            long started = System.nanoTime();
            (keep ? withReach : without)
                    .importDocument(JsonDocumentReader.read(
                            "bench.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
            (keep ? kept : plain).recordValue(System.nanoTime() - started);
            if (keep && doc == 19) {
                afterPatched = reach.read().value() + " (last: "
                        + (reach.lastOutcome() == null
                                ? "none"
                                : reach.lastOutcome().kind()) + ")";
            }
        }
        line(String.format(
                Locale.ENGLISH,
                "| the application's, reach patched in the same call | 20 documents of 50 new"
                        + " deals | p50 %.0f ms, max %.0f ms | | %s |",
                ms(kept, 50),
                kept.getMaxValue() / 1e6,
                afterPatched));
        line(String.format(
                Locale.ENGLISH,
                "| without the reach | 20 documents of 50 new deals | p50 %.0f ms, max %.0f" + " ms | | |",
                ms(plain, 50),
                plain.getMaxValue() / 1e6));
    }

    private static ConfigurableApplicationContext start(Path db, String timeout) {
        return SpringApplication.run(
                MineralSupplyGraphApplication.class,
                "--supplygraph.embedded.data-directory=" + db.toAbsolutePath(),
                "--supplygraph.embedded.bolt-port=0",
                "--supplygraph.embedded.http-port=0",
                "--server.port=0",
                "--supplygraph.embedded.page-cache=1GB",
                "--supplygraph.query.timeout=" + timeout,
                "--supplygraph.query.warm-up=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.mineralsupplygraph.reach=INFO");
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The walk over the graph with every dependency's evidence: what the endpoints ran before the supply reach. */
    private static Function<TransactionContext, Integer> walk(
            String buyerCountry, String mineral, String source, LocalDate asOf) {
        return tx -> SupplyPaths.find(
                        tx,
                        SupplyPaths.Question.ofCountry(buyerCountry, mineral, source, 4, asOf),
                        SupplyReach.Reading.REBUILDING)
                .size();
    }

    private static Function<TransactionContext, Integer> rounds(String id) {
        return tx -> {
            Set<String> seen = new HashSet<>(List.of(id));
            List<String> frontier = List.of(id);
            int links = 0;
            while (!frontier.isEmpty()) {
                List<String> next = new ArrayList<>();
                for (Record row : tx.run(ROUND, Map.of("owners", frontier)).list()) {
                    links++;
                    String far = row.get("owned").asNode().get("id").asString();
                    if (seen.add(far)) {
                        next.add(far);
                    }
                }
                frontier = next;
            }
            return links;
        };
    }

    private void compare(
            String name,
            int port,
            Driver driver,
            List<String[]> questions,
            Function<String[], String> call,
            Function<String[], Function<TransactionContext, Integer>> reference)
            throws Exception {
        Histogram fresh = new Histogram(3_600_000_000_000L, 3);
        Histogram old = new Histogram(3_600_000_000_000L, 3);
        int errors = 0;
        referenceTimeouts = 0;
        List<Integer> sizes = new ArrayList<>();
        // Each statement shape planned once before measuring, on both sides.
        int warmup = Math.min(3, questions.size());
        for (int i = 0; i < warmup + questions.size(); i++) {
            String[] q = questions.get(i < warmup ? i : i - warmup);
            long started = System.nanoTime();
            HttpResponse<String> response = send(port, call.apply(q));
            long nanos = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                errors++;
                if (errors <= 2) {
                    System.out.println(name + " " + String.join(",", q) + ": " + response.statusCode() + " "
                            + response.body()
                                    .substring(0, Math.min(300, response.body().length())));
                }
            }
            int answered = -1;
            long oldNanos;
            if (reference == null) {
                // The same request with the reach switched off: the endpoint walks the graph, as it did before.
                reach.setEnabled(false);
                try {
                    started = System.nanoTime();
                    HttpResponse<String> walked = send(port, call.apply(q));
                    oldNanos = System.nanoTime() - started;
                    if (walked.statusCode() != 200) {
                        referenceTimeouts++;
                    }
                    Matcher total = TOTAL.matcher(response.body());
                    answered = total.find()
                            ? Integer.parseInt(total.group(1))
                            : response.body().length();
                } finally {
                    reach.setEnabled(true);
                }
            } else {
                started = System.nanoTime();
                try (Session session = driver.session()) {
                    answered = session.executeRead(tx -> reference.apply(q).apply(tx), REFERENCE);
                } catch (RuntimeException e) {
                    referenceTimeouts++;
                }
                oldNanos = System.nanoTime() - started;
            }
            if (i >= warmup) {
                fresh.recordValue(nanos);
                old.recordValue(oldNanos);
                sizes.add(answered);
            }
        }
        List<Integer> sorted = sizes.stream().filter(n -> n >= 0).sorted().toList();
        if (sorted.isEmpty()) {
            sorted = List.of(0);
        }
        line(String.format(
                Locale.ENGLISH,
                "| %s | %d | %.1f / %.1f / %.1f / %.1f ms | %.1f / %.1f / %.1f / %.1f ms"
                        + " | %.1fx, %.1fx | %d | %d, %d |",
                name,
                questions.size(),
                ms(fresh, 50),
                ms(fresh, 95),
                ms(fresh, 99),
                fresh.getMaxValue() / 1e6,
                ms(old, 50),
                ms(old, 95),
                ms(old, 99),
                old.getMaxValue() / 1e6,
                ms(old, 50) / ms(fresh, 50),
                ms(old, 99) / ms(fresh, 99),
                errors,
                sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1)));
        if (referenceTimeouts > 0) {
            line(String.format(
                    "| (%s: %d reference requests failed or stopped at the time-out; their time counts"
                            + " as it is, so the reference figures are lower bounds) | | | | | | |",
                    name, referenceTimeouts));
        }
    }

    private void wholeAnswer(int port, List<String[]> questions) throws Exception {
        String[] largest = null;
        int most = -1;
        for (String[] q : questions.subList(0, Math.min(30, questions.size()))) {
            HttpResponse<String> r = send(
                    port,
                    "/api/exposure?buyerCountry=" + q[0] + "&mineral=" + q[1] + "&sourceCountry=" + q[2] + "&limit=1");
            Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(r.body());
            if (m.find() && Integer.parseInt(m.group(1)) > most) {
                most = Integer.parseInt(m.group(1));
                largest = q;
            }
        }
        String base = "/api/exposure?buyerCountry=" + largest[0] + "&mineral=" + largest[1] + "&sourceCountry="
                + largest[2] + "&limit=1000";
        long started = System.nanoTime();
        String cursor = null;
        int pages = 0;
        long bytes = 0;
        do {
            HttpResponse<String> r = send(port, base + (cursor == null ? "" : "&cursor=" + cursor));
            bytes += r.body().length();
            pages++;
            Matcher m = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(r.body());
            cursor = m.find() ? m.group(1) : null;
        } while (cursor != null);
        line("");
        line(String.format(
                Locale.ENGLISH,
                "Whole exposure answer of the largest of the first 30 questions (%s, %s,"
                        + " %s: %,d dependencies): %d pages of 1,000 in %.1f ms, %,d bytes of JSON.",
                largest[0],
                largest[1],
                largest[2],
                most,
                pages,
                (System.nanoTime() - started) / 1e6,
                bytes));
    }

    private HttpResponse<String> send(int port, String call) throws Exception {
        HttpRequest.Builder request = call.startsWith("POST ")
                ? HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/scenarios/disruption"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(call.substring(5)))
                : HttpRequest.newBuilder(URI.create("http://localhost:" + port + call));
        return http.send(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }
}
