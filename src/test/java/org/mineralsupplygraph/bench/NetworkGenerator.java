package org.mineralsupplygraph.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Synthetic supply networks with the shape of the real one, in the import format (nodes.csv and relationships.csv,
 * and a JSON document for the small size): every ISO country with a government, 50 minerals with three products each,
 * companies headquartered around the world (more in the big economies), mines located where production really is
 * (USGS shares for the five minerals the project has figures for), refineries and plants fed by the mines, power-law
 * offtake degrees, equity chains up to six deep with some cycles, agreements and policies.
 *
 * <p>{@code java ... NetworkGenerator S|M|L outDir [seed]}: S about 10k nodes, M about 100k nodes and 500k
 * relationships, L about 1M nodes and 5M relationships. The same size and seed give the same files.
 */
public final class NetworkGenerator {

    public static final long DEFAULT_SEED = 20261129L;

    static final List<String> NODE_COLUMNS = List.of(
            "label", "id", "name", "kind", "stage", "status", "province", "aliases", "url", "source", "evidence");
    static final List<String> RELATIONSHIP_COLUMNS = List.of(
            "type",
            "from",
            "to",
            "id",
            "source",
            "evidence",
            "product",
            "tonnesPerYear",
            "tonnesTotal",
            "sharePct",
            "stakePct",
            "termYears",
            "startDate",
            "endDate",
            "status",
            "role",
            "provision",
            "province",
            "tonnes",
            "year",
            "unit",
            "worldTotalTonnes",
            "capacityTonnesPerYear");

    private static final String SOURCE = "synthetic";
    private static final String EVIDENCE = "generated";

    /** The minerals of the seed data first (same ids), then 37 more. */
    static final List<String> MINERALS = List.of(
            "lithium",
            "nickel",
            "cobalt",
            "graphite",
            "manganese",
            "rare-earths",
            "tungsten",
            "molybdenum",
            "indium",
            "niobium",
            "copper",
            "aluminium",
            "graphene",
            "vanadium",
            "titanium",
            "zinc",
            "lead",
            "tin",
            "antimony",
            "bismuth",
            "gallium",
            "germanium",
            "platinum",
            "palladium",
            "rhodium",
            "iridium",
            "magnesium",
            "silicon",
            "chromium",
            "beryllium",
            "hafnium",
            "zirconium",
            "tantalum",
            "scandium",
            "yttrium",
            "barite",
            "fluorspar",
            "phosphate",
            "potash",
            "uranium",
            "iron-ore",
            "bauxite",
            "boron",
            "cesium",
            "rubidium",
            "strontium",
            "tellurium",
            "selenium",
            "arsenic",
            "cadmium");

    /** Countries where companies are headquartered more often, with weights. */
    private static final Map<String, Integer> ECONOMIES = Map.ofEntries(
            Map.entry("CN", 30),
            Map.entry("US", 25),
            Map.entry("JP", 15),
            Map.entry("KR", 12),
            Map.entry("DE", 10),
            Map.entry("AU", 10),
            Map.entry("CA", 10),
            Map.entry("GB", 8),
            Map.entry("FR", 6),
            Map.entry("IN", 6),
            Map.entry("BR", 5),
            Map.entry("CL", 4),
            Map.entry("ID", 4),
            Map.entry("ZA", 4),
            Map.entry("RU", 4),
            Map.entry("CH", 4),
            Map.entry("AR", 3),
            Map.entry("CD", 2),
            Map.entry("PH", 2),
            Map.entry("MX", 3));

    private final SplittableRandom random;
    private final int nodeTarget;
    private final CSVPrinter nodes;
    private final CSVPrinter relationships;
    private final List<String> countries = new ArrayList<>();
    private final Map<String, String> countryNames = new LinkedHashMap<>();
    private final Map<String, double[]> productionWeights = new LinkedHashMap<>();
    private final Map<String, List<String>> productionCountries = new LinkedHashMap<>();
    private double[] hqWeights;
    private long nodeCount;
    private long relationshipCount;

    private NetworkGenerator(int nodeTarget, long seed, Writer nodesOut, Writer relationshipsOut) throws IOException {
        this.random = new SplittableRandom(seed);
        this.nodeTarget = nodeTarget;
        this.nodes = CSVFormat.DEFAULT
                .builder()
                .setHeader(NODE_COLUMNS.toArray(String[]::new))
                .get()
                .print(nodesOut);
        this.relationships = CSVFormat.DEFAULT
                .builder()
                .setHeader(RELATIONSHIP_COLUMNS.toArray(String[]::new))
                .get()
                .print(relationshipsOut);
    }

    public static int nodeTarget(String size) {
        return switch (size.toUpperCase(Locale.ROOT)) {
            case "XS" -> 1_000;
            case "S" -> 10_000;
            case "M" -> 100_000;
            case "L" -> 1_000_000;
            default -> throw new IllegalArgumentException("size must be S, M or L: " + size);
        };
    }

    /** Writes nodes.csv and relationships.csv into the directory; returns {nodes, relationships}. */
    public static long[] generate(String size, Path directory, long seed) throws IOException {
        Files.createDirectories(directory);
        try (Writer n = Files.newBufferedWriter(directory.resolve("nodes.csv"), StandardCharsets.UTF_8);
                Writer r = Files.newBufferedWriter(directory.resolve("relationships.csv"), StandardCharsets.UTF_8)) {
            NetworkGenerator generator = new NetworkGenerator(nodeTarget(size), seed, n, r);
            generator.run();
            generator.nodes.flush();
            generator.relationships.flush();
            return new long[] {generator.nodeCount, generator.relationshipCount};
        }
    }

    public static void main(String[] args) throws IOException {
        String size = args.length > 0 ? args[0] : "S";
        Path out = Path.of(args.length > 1 ? args[1] : "target/bench/" + size.toLowerCase(Locale.ROOT));
        long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        long started = System.nanoTime();
        long[] counts = generate(size, out, seed);
        System.out.printf(
                "%s: %,d nodes, %,d relationships in %s (%.1f s)%n",
                size, counts[0], counts[1], out, (System.nanoTime() - started) / 1e9);
    }

    // ---------------------------------------------------------------- writing

    private void node(String label, String id, String name, Map<String, Object> properties) throws IOException {
        Object[] row = new Object[NODE_COLUMNS.size()];
        row[0] = label;
        row[1] = id;
        row[2] = name;
        properties.forEach((k, v) -> row[NODE_COLUMNS.indexOf(k)] = v);
        if (!label.equals("Source")) {
            row[NODE_COLUMNS.indexOf("source")] = SOURCE;
        }
        nodes.printRecord(row);
        nodeCount++;
    }

    private void rel(String type, String from, String to, Object... keysAndValues) throws IOException {
        Object[] row = new Object[RELATIONSHIP_COLUMNS.size()];
        row[0] = type;
        row[1] = from;
        row[2] = to;
        row[4] = SOURCE;
        row[5] = EVIDENCE;
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row[RELATIONSHIP_COLUMNS.indexOf((String) keysAndValues[i])] = keysAndValues[i + 1];
        }
        relationships.printRecord(row);
        relationshipCount++;
    }

    // ---------------------------------------------------------------- shape

    private void run() throws IOException {
        node("Source", SOURCE, "Synthetic supply network (generated)", Map.of("kind", "user"));
        countries();
        minerals();
        int n = nodeTarget;
        int companies = (int) (n * 0.45);
        int mines = (int) (n * 0.27);
        int facilities = (int) (n * 0.20);
        int agreements = Math.max(10, (int) (n * 0.03));
        int policies = Math.max(10, (int) (n * 0.02));
        companies(companies);
        mines(mines, companies);
        facilities(facilities, mines, companies);
        offtakes(companies, mines, facilities);
        equity(companies, mines);
        agreements(agreements, companies);
        policies(policies);
    }

    private void countries() throws IOException {
        JsonNode reference;
        try (InputStream in = NetworkGenerator.class.getResourceAsStream("/data/reference-countries.json")) {
            reference = JsonMapper.builder().build().readTree(in);
        }
        for (JsonNode country : reference.get("nodes")) {
            if (country.get("label").asString().equals("Country")) {
                String id = country.get("id").asString();
                countries.add(id);
                countryNames.put(id, country.get("name").asString());
                node("Country", id, country.get("name").asString(), Map.of());
                node(
                        "Government",
                        "gov-" + id.toLowerCase(Locale.ROOT),
                        "Government of " + country.get("name").asString(),
                        Map.of());
                rel("GOVERNS", "gov-" + id.toLowerCase(Locale.ROOT), id);
            }
        }
        hqWeights = new double[countries.size()];
        for (int i = 0; i < countries.size(); i++) {
            hqWeights[i] = ECONOMIES.getOrDefault(countries.get(i), 0) + 0.3;
        }
        // Ministries of the big economies.
        for (String country : ECONOMIES.keySet()) {
            String gov = "gov-" + country.toLowerCase(Locale.ROOT);
            for (String ministry : List.of("industry", "resources")) {
                String id = "syn-agency-" + country.toLowerCase(Locale.ROOT) + "-" + ministry;
                node(
                        "Agency",
                        id,
                        "Ministry of " + ministry + " (" + countryNames.get(country) + ")",
                        Map.of("kind", "ministry"));
                rel("PART_OF", id, gov);
            }
        }
    }

    /** Real production shares for the five minerals with USGS figures; a skewed handful of countries for the rest. */
    private void minerals() throws IOException {
        Map<String, Map<String, Double>> usgs = Map.of(
                "lithium", Map.of("AU", 88.0, "CL", 49.0, "CN", 41.0, "ZW", 22.0, "AR", 18.0, "BR", 10.0, "CA", 4.3),
                "cobalt", Map.of("CD", 220.0, "ID", 28.0, "RU", 8.7, "CA", 4.5, "PH", 3.8, "AU", 3.6, "CU", 3.5),
                "nickel",
                        Map.of(
                                "ID", 2200.0, "PH", 330.0, "RU", 210.0, "CA", 190.0, "CN", 120.0, "NC", 110.0, "AU",
                                110.0),
                "graphite", Map.of("CN", 1270.0, "MG", 89.0, "MZ", 75.0, "BR", 68.0, "IN", 27.8, "TZ", 25.0),
                "rare-earths", Map.of("CN", 270.0, "US", 45.0, "MM", 31.0, "AU", 13.0, "NG", 13.0, "TH", 13.0));
        for (String mineral : MINERALS) {
            String name = Character.toUpperCase(mineral.charAt(0))
                    + mineral.substring(1).replace('-', ' ');
            node("Mineral", mineral, name, Map.of());
            for (String[] product :
                    new String[][] {{"ore", "mine-output"}, {"concentrate", "concentrate"}, {"chemical", "chemical"}}) {
                String id = mineral + "-" + product[0];
                node("Product", id, name + " " + product[0], Map.of("stage", product[1]));
                rel("FORM_OF", id, mineral);
            }
            Map<String, Double> shares = usgs.get(mineral);
            List<String> where = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            if (shares != null) {
                shares.forEach((c, t) -> {
                    where.add(c);
                    weights.add(t);
                });
            } else {
                int k = 3 + random.nextInt(6);
                for (int i = 0; i < k; i++) {
                    where.add(countries.get(random.nextInt(countries.size())));
                    weights.add(1.0 / (i + 1));
                }
            }
            productionCountries.put(mineral, where);
            productionWeights.put(
                    mineral, weights.stream().mapToDouble(Double::doubleValue).toArray());
            double world = weights.stream().mapToDouble(Double::doubleValue).sum();
            for (int i = 0; i < where.size(); i++) {
                rel(
                        "PRODUCES",
                        where.get(i),
                        mineral,
                        "id",
                        "PRODUCES:" + where.get(i) + ":" + mineral + ":synthetic:" + i,
                        "tonnes",
                        Math.round(weights.get(i) * 1000),
                        "year",
                        2024,
                        "unit",
                        "t",
                        "worldTotalTonnes",
                        Math.round(world * 1000));
            }
        }
    }

    private String company(int i) {
        return "syn-company-" + i;
    }

    private String mine(int i) {
        return "syn-mine-" + i;
    }

    private String facility(int i) {
        return "syn-facility-" + i;
    }

    private int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A Pareto-distributed whole number: a few very large, most small. */
    private int powerLaw(double alpha, int max) {
        double u = 1 - random.nextDouble();
        return (int) Math.min(max, Math.floor(Math.pow(u, -1 / alpha)));
    }

    private void companies(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            String country = countries.get(weighted(hqWeights));
            node("Company", company(i), "Company " + i, Map.of("kind", "company"));
            rel("HEADQUARTERED_IN", company(i), country);
        }
        // About one company in ten is another's subsidiary.
        for (int i = 0; i < count / 10; i++) {
            int child = random.nextInt(count);
            int parent = random.nextInt(count);
            if (child != parent) {
                rel("SUBSIDIARY_OF", company(child), company(parent), "stakePct", 51 + random.nextInt(50));
            }
        }
    }

    private final Map<Integer, String> mineMineral = new LinkedHashMap<>();

    private void mines(int count, int companies) throws IOException {
        for (int i = 0; i < count; i++) {
            String mineral = MINERALS.get(Math.min(MINERALS.size() - 1, powerLaw(0.8, 200) - 1));
            mineMineral.put(i, mineral);
            String country = productionCountries.get(mineral).get(weighted(productionWeights.get(mineral)));
            node("Mine", mine(i), "Mine " + i, Map.of("kind", "mine", "status", "operating"));
            rel("LOCATED_IN", mine(i), country, "province", "Province " + random.nextInt(20));
            rel("PRODUCES", mine(i), mineral + "-ore", "capacityTonnesPerYear", 1000 + random.nextInt(100_000));
            rel("OPERATES", company(random.nextInt(companies)), mine(i));
            if (random.nextInt(4) == 0) {
                rel("OWNS", company(random.nextInt(companies)), mine(i), "stakePct", 10 + random.nextInt(41));
            }
        }
    }

    private void facilities(int count, int mines, int companies) throws IOException {
        String[] kinds = {"refinery", "precursor", "cathode", "cell", "pack", "smelter", "conversion"};
        for (int i = 0; i < count; i++) {
            String kind = kinds[random.nextInt(kinds.length)];
            node("Facility", facility(i), "Facility " + i, Map.of("kind", kind, "status", "operating"));
            rel("LOCATED_IN", facility(i), countries.get(weighted(hqWeights)));
            rel("OPERATES", company(random.nextInt(companies)), facility(i));
            int mine = random.nextInt(mines);
            String mineral = mineMineral.get(mine);
            rel("FEEDS", mine(mine), facility(i), "product", mineral + "-concentrate");
            rel("PRODUCES", facility(i), mineral + "-chemical", "capacityTonnesPerYear", 500 + random.nextInt(50_000));
            if (i > 0 && random.nextInt(3) == 0) {
                rel("FEEDS", facility(random.nextInt(i)), facility(i), "product", mineral + "-chemical");
            }
        }
    }

    /** Offtake: buyers' out-degrees follow a power law; suppliers are mines, facilities and companies. */
    private void offtakes(int companies, int mines, int facilities) throws IOException {
        long target = (long) (nodeTarget * 2.0);
        long written = 0;
        int buyer = 0;
        while (written < target) {
            int degree = powerLaw(1.3, 500);
            for (int d = 0; d < degree && written < target; d++) {
                int kind = random.nextInt(10);
                String to;
                String product;
                if (kind < 5) {
                    int mine = random.nextInt(mines);
                    to = mine(mine);
                    product = mineMineral.get(mine) + "-ore";
                } else if (kind < 8) {
                    to = facility(random.nextInt(facilities));
                    product = MINERALS.get(random.nextInt(MINERALS.size())) + "-chemical";
                } else {
                    to = company(random.nextInt(companies));
                    product = MINERALS.get(random.nextInt(MINERALS.size())) + "-concentrate";
                }
                int year = 2020 + random.nextInt(8);
                rel(
                        "OFFTAKE",
                        company(buyer),
                        to,
                        "id",
                        "OFFTAKE:" + written,
                        "product",
                        product,
                        "tonnesPerYear",
                        100 * (1 + random.nextInt(500)),
                        "termYears",
                        1 + random.nextInt(10),
                        "startDate",
                        Integer.toString(year),
                        "endDate",
                        Integer.toString(year + 1 + random.nextInt(10)),
                        "status",
                        "binding");
                written++;
            }
            buyer = (buyer + 1) % companies;
        }
    }

    /** Equity chains two to six deep; one in twenty closes into a cycle. Governments hold some stakes too. */
    private void equity(int companies, int mines) throws IOException {
        long target = (long) (nodeTarget * 0.6);
        long written = 0;
        int chain = 0;
        while (written < target) {
            int depth = 2 + random.nextInt(5);
            int[] members = random.ints(depth + 1, 0, companies).toArray();
            if (Arrays.stream(members).distinct().count() < members.length) {
                continue;
            }
            for (int i = 0; i < depth; i++) {
                rel(
                        "INVESTS_IN",
                        company(members[i]),
                        company(members[i + 1]),
                        "id",
                        "INVESTS_IN:chain-" + chain + ":" + i,
                        "stakePct",
                        5 + random.nextInt(60));
                written++;
            }
            if (random.nextInt(20) == 0) {
                rel(
                        "INVESTS_IN",
                        company(members[depth]),
                        company(members[0]),
                        "id",
                        "INVESTS_IN:chain-" + chain + ":cycle",
                        "stakePct",
                        1 + random.nextInt(20));
                written++;
            }
            if (random.nextInt(5) == 0) {
                rel(
                        "INVESTS_IN",
                        company(members[depth]),
                        mine(random.nextInt(mines)),
                        "id",
                        "INVESTS_IN:chain-" + chain + ":mine",
                        "stakePct",
                        10 + random.nextInt(40));
                written++;
            }
            chain++;
        }
        List<String> big = new ArrayList<>(ECONOMIES.keySet());
        for (int i = 0; i < nodeTarget / 200; i++) {
            String gov = "gov-" + big.get(random.nextInt(big.size())).toLowerCase(Locale.ROOT);
            rel(
                    "INVESTS_IN",
                    gov,
                    company(random.nextInt(companies)),
                    "id",
                    "INVESTS_IN:gov:" + i,
                    "stakePct",
                    1 + random.nextInt(30));
        }
    }

    private void agreements(int count, int companies) throws IOException {
        List<String> big = new ArrayList<>(ECONOMIES.keySet());
        String[] kinds = {"trade-agreement", "mou", "joint-statement", "cooperation-agreement"};
        for (int i = 0; i < count; i++) {
            String id = "syn-agreement-" + i;
            node(
                    "Agreement",
                    id,
                    "Agreement " + i,
                    Map.of("kind", kinds[random.nextInt(kinds.length)], "evidence", EVIDENCE));
            String a = big.get(random.nextInt(big.size()));
            String b = countries.get(random.nextInt(countries.size()));
            rel("PARTY_TO", "gov-" + a.toLowerCase(Locale.ROOT), id, "role", "signatory");
            if (!b.equals(a)) {
                rel("PARTY_TO", "gov-" + b.toLowerCase(Locale.ROOT), id, "role", "signatory");
            }
            if (random.nextInt(3) == 0) {
                rel("PARTY_TO", company(random.nextInt(companies)), id, "role", "party");
            }
            int covers = 1 + random.nextInt(5);
            for (int c = 0; c < covers; c++) {
                rel(
                        "COVERS",
                        id,
                        MINERALS.get(random.nextInt(MINERALS.size())),
                        "id",
                        "COVERS:" + id + ":" + c,
                        "provision",
                        "cooperation");
            }
        }
    }

    private void policies(int count) throws IOException {
        List<String> big = new ArrayList<>(ECONOMIES.keySet());
        String[] kinds = {"investment-screening", "subsidy", "fund", "stockpile", "recycling", "strategy"};
        for (int i = 0; i < count; i++) {
            String id = "syn-policy-" + i;
            node(
                    "Policy",
                    id,
                    "Policy " + i,
                    Map.of("kind", kinds[random.nextInt(kinds.length)], "evidence", EVIDENCE));
            String country = big.get(random.nextInt(big.size())).toLowerCase(Locale.ROOT);
            rel("ENACTED", random.nextBoolean() ? "gov-" + country : "syn-agency-" + country + "-industry", id);
            int covers = 1 + random.nextInt(4);
            for (int c = 0; c < covers; c++) {
                rel(
                        "COVERS",
                        id,
                        MINERALS.get(random.nextInt(MINERALS.size())),
                        "id",
                        "COVERS:" + id + ":" + c,
                        "provision",
                        "support");
            }
        }
    }

    /** Writes the same network as a JSON import document (for the small sizes). */
    public static void toJson(Path directory, Path json) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        JsonMapper mapper = JsonMapper.builder().build();
        try (BufferedWriter out = Files.newBufferedWriter(json, StandardCharsets.UTF_8);
                var nodesIn = format.parse(Files.newBufferedReader(directory.resolve("nodes.csv")));
                var relsIn = format.parse(Files.newBufferedReader(directory.resolve("relationships.csv")))) {
            out.write("{\"format\": \"mineral-supply-graph/1\",\n\"sources\": [\n");
            List<String> nodeLines = new ArrayList<>();
            String source = null;
            for (var row : nodesIn) {
                Map<String, Object> record = new LinkedHashMap<>();
                row.toMap().forEach((k, v) -> {
                    if (!v.isEmpty()) {
                        record.put(k, v);
                    }
                });
                if ("Source".equals(record.get("label"))) {
                    source = "{\"id\": \"" + record.get("id") + "\", \"kind\": \"" + record.get("kind")
                            + "\", \"title\": \"" + record.get("name") + "\"}";
                } else {
                    nodeLines.add(mapper.writeValueAsString(record));
                }
            }
            out.write(source + "\n],\n\"nodes\": [\n" + String.join(",\n", nodeLines) + "\n],\n\"relationships\": [\n");
            boolean first = true;
            for (var row : relsIn) {
                Map<String, Object> record = new LinkedHashMap<>();
                row.toMap().forEach((k, v) -> {
                    if (!v.isEmpty()) {
                        record.put(
                                k,
                                v.matches("-?\\d+") && !k.equals("id") && !k.endsWith("Date") ? Long.parseLong(v) : v);
                    }
                });
                out.write((first ? "" : ",\n") + mapper.writeValueAsString(record));
                first = false;
            }
            out.write("\n]}\n");
        }
    }
}
