package org.mineralsupplygraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.importer.CsvDocumentReader;
import org.mineralsupplygraph.importer.DocumentValidator;
import org.mineralsupplygraph.importer.ImportPlan;

/** The synthetic networks the benchmark imports: reproducible, valid, and shaped like the real network. */
class NetworkGeneratorTest {

    private static Path small;
    private static List<CSVRecord> nodes;
    private static List<CSVRecord> relationships;

    @BeforeAll
    static void generateSizeS() throws Exception {
        small = Path.of("target", "generator-test", UUID.randomUUID().toString(), "s");
        NetworkGenerator.generate("S", small, NetworkGenerator.DEFAULT_SEED);
        nodes = read(small.resolve("nodes.csv"));
        relationships = read(small.resolve("relationships.csv"));
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }

    private static long count(List<CSVRecord> records, Predicate<CSVRecord> which) {
        return records.stream().filter(which).count();
    }

    @Test
    void theSameSeedWritesTheSameFilesAndAnotherSeedOthers() throws Exception {
        Path root = Path.of("target", "generator-test", UUID.randomUUID().toString());
        long[] first = NetworkGenerator.generate("XS", root.resolve("a"), 42);
        long[] second = NetworkGenerator.generate("XS", root.resolve("b"), 42);
        NetworkGenerator.generate("XS", root.resolve("c"), 43);

        assertThat(second).containsExactly(first);
        for (String file : List.of("nodes.csv", "relationships.csv")) {
            assertThat(Files.mismatch(
                            root.resolve("a").resolve(file), root.resolve("b").resolve(file)))
                    .isEqualTo(-1);
        }
        assertThat(Files.mismatch(root.resolve("a/relationships.csv"), root.resolve("c/relationships.csv")))
                .isNotEqualTo(-1);
    }

    @Test
    void sizeSHasAboutTenThousandNodesAndEveryCountryMineralAndProduct() {
        assertThat(nodes.size()).isBetween(9_000, 11_000);
        assertThat(count(nodes, n -> n.get("label").equals("Country"))).isGreaterThanOrEqualTo(200);
        assertThat(count(nodes, n -> n.get("label").equals("Government"))).isGreaterThanOrEqualTo(200);
        assertThat(count(nodes, n -> n.get("label").equals("Mineral"))).isEqualTo(50);
        // Every mineral has its products.
        Map<String, Long> formsPerMineral = relationships.stream()
                .filter(r -> r.get("type").equals("FORM_OF"))
                .collect(Collectors.groupingBy(r -> r.get("to"), Collectors.counting()));
        assertThat(formsPerMineral).hasSize(50);
        assertThat(formsPerMineral.values()).allMatch(n -> n >= 1);
    }

    @Test
    void companiesSitAroundTheWorldWithMoreInTheBigEconomies() {
        Map<String, Long> perCountry = relationships.stream()
                .filter(r -> r.get("type").equals("HEADQUARTERED_IN")
                        && r.get("from").startsWith("syn-co"))
                .collect(Collectors.groupingBy(r -> r.get("to"), Collectors.counting()));
        assertThat(perCountry.size()).isGreaterThan(150);
        assertThat(perCountry.get("CN")).isGreaterThan(10 * perCountry.getOrDefault("LI", 0L) + 10);
    }

    @Test
    void minesLieWhereTheMineralIsReallyMined() {
        // USGS: the DR Congo mines about three quarters of the world's cobalt, Australia the most lithium.
        assertThat(topMiningCountry("cobalt-ore")).isEqualTo("CD");
        assertThat(topMiningCountry("lithium-ore")).isEqualTo("AU");
    }

    private static String topMiningCountry(String ore) {
        Set<String> mines = relationships.stream()
                .filter(r -> r.get("type").equals("PRODUCES") && r.get("to").equals(ore))
                .map(r -> r.get("from"))
                .collect(Collectors.toSet());
        assertThat(mines).hasSizeGreaterThan(20);
        return relationships.stream()
                .filter(r -> r.get("type").equals("LOCATED_IN") && mines.contains(r.get("from")))
                .collect(Collectors.groupingBy(r -> r.get("to"), Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
    }

    @Test
    void offtakeDegreesFollowAPowerLaw() {
        // Per buying company: how many offtake contracts it holds.
        Map<String, Long> perBuyer = relationships.stream()
                .filter(r -> r.get("type").equals("OFFTAKE"))
                .collect(Collectors.groupingBy(r -> r.get("from"), Collectors.counting()));
        List<Long> degrees = new ArrayList<>(perBuyer.values());
        Collections.sort(degrees);
        long median = degrees.get(degrees.size() / 2);
        long max = degrees.get(degrees.size() - 1);
        // A heavy tail: the largest buyers hold many times the typical number of contracts.
        assertThat(max).isGreaterThan(20 * median);
    }

    @Test
    void equityChainsRunUpToSixDeepAndSomeCloseIntoCycles() {
        Map<String, List<CSVRecord>> chains = new HashMap<>();
        relationships.stream()
                .filter(r -> r.get("id").startsWith("INVESTS_IN:chain-"))
                .forEach(r -> chains.computeIfAbsent(r.get("id").split(":")[1], c -> new ArrayList<>())
                        .add(r));
        int deepest = 0;
        int cycles = 0;
        for (List<CSVRecord> chain : chains.values()) {
            List<CSVRecord> hops =
                    chain.stream().filter(r -> r.get("id").matches(".*:\\d+")).toList();
            for (int i = 0; i + 1 < hops.size(); i++) {
                assertThat(hops.get(i).get("to")).isEqualTo(hops.get(i + 1).get("from"));
            }
            deepest = Math.max(deepest, hops.size());
            assertThat(hops.size()).isBetween(2, 6);
            for (CSVRecord closing :
                    chain.stream().filter(r -> r.get("id").endsWith(":cycle")).toList()) {
                assertThat(closing.get("from"))
                        .isEqualTo(hops.get(hops.size() - 1).get("to"));
                assertThat(closing.get("to")).isEqualTo(hops.get(0).get("from"));
                cycles++;
            }
        }
        assertThat(deepest).isEqualTo(6);
        assertThat(cycles).isPositive();
    }

    @Test
    void theFilesAreAValidImportDocumentOnTheirOwn() {
        ImportPlan plan = DocumentValidator.validate(
                CsvDocumentReader.read(small.resolve("nodes.csv"), small.resolve("relationships.csv")),
                ids -> Map.of());
        assertThat(plan.nodes()).isEqualTo(nodes.size() - 1);
        assertThat(plan.relationships()).isEqualTo(relationships.size());
    }
}
