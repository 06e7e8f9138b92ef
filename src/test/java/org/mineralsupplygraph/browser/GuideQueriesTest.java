package org.mineralsupplygraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.Api;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.mineralsupplygraph.system.CypherQueries;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The guide's queries, run from their files against the seed data: each returns paths (so Browser draws a graph,
 * not a table), and the graph holds the answer the guide promises.
 */
@GraphTest
class GuideQueriesTest {

    @Autowired
    Driver driver;

    @LocalServerPort
    int port;

    Cypher cypher;

    @BeforeEach
    void setUp() {
        cypher = new Cypher(driver);
    }

    /** Everything a query returns, as Browser would draw it. */
    record Drawn(Set<String> nodes, Set<String> relationships, List<Path> paths) {

        boolean has(String from, String type, String to) {
            return relationships.contains(from + " " + type + " " + to);
        }
    }

    private Drawn run(String name) throws Exception {
        List<Record> rows = cypher.rows(Files.readString(java.nio.file.Path.of("cypher/queries/" + name + ".cypher")));
        assertThat(rows).as(name + " returns rows").isNotEmpty();
        Drawn drawn = new Drawn(new TreeSet<>(), new TreeSet<>(), new ArrayList<>());
        for (Record row : rows) {
            for (Value value : row.values()) {
                collect(name, value, drawn);
            }
        }
        return drawn;
    }

    private static void collect(String name, Value value, Drawn drawn) {
        switch (value.type().name()) {
            case "PATH" -> {
                Path path = value.asPath();
                drawn.paths().add(path);
                Map<String, String> ids = new HashMap<>();
                for (Node n : path.nodes()) {
                    drawn.nodes().add(n.get("id").asString());
                    ids.put(n.elementId(), n.get("id").asString());
                }
                for (Relationship r : path.relationships()) {
                    drawn.relationships()
                            .add(ids.get(r.startNodeElementId()) + " " + r.type() + " "
                                    + ids.get(r.endNodeElementId()));
                }
            }
            case "LIST OF ANY?", "LIST" -> value.values().forEach(v -> collect(name, v, drawn));
            default ->
                throw new AssertionError(name + " returns " + value.type().name()
                        + ": guide queries return paths, so that Browser draws a graph");
        }
    }

    @Test
    void everyGuideQueryReturnsOnlyPaths() throws Exception {
        try (Stream<java.nio.file.Path> files = Files.list(java.nio.file.Path.of("cypher/queries"))) {
            List<String> names = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith("guide-"))
                    .map(f -> f.replace(".cypher", ""))
                    .sorted()
                    .toList();
            assertThat(names).hasSize(9);
            for (String name : names) {
                assertThat(run(name).paths()).as(name).isNotEmpty();
            }
        }
    }

    @Test
    void howAreTheseTwoConnectedRunsTheApisPathQueryWithItsDefaults() throws Exception {
        String guide = Files.readString(java.nio.file.Path.of("cypher/browser/guide.html"));
        assertThat(guide).contains("{{query:paths}}");
        Matcher params = Pattern.compile(":params \\{from: '([^']+)', to: '([^']+)', types: \\[([^\\]]+)]}")
                .matcher(guide);
        assertThat(params.find()).as("the slide sets the query's parameters").isTrue();
        List<String> types = Arrays.stream(params.group(3).split(","))
                .map(t -> t.strip().replace("'", ""))
                .toList();
        // The slide's types are the ones the API follows by default.
        Api.Response api = new Api(port).get("/api/paths?from=" + params.group(1) + "&to=" + params.group(2));
        assertThat(types).isEqualTo(api.texts("types", ""));

        String query = CypherQueries.load("paths");
        List<Record> rows = cypher.rows(query, "from", params.group(1), "to", params.group(2), "types", types);
        Drawn drawn = new Drawn(new TreeSet<>(), new TreeSet<>(), new ArrayList<>());
        rows.forEach(row -> collect("paths", row.get("p"), drawn));
        assertThat(drawn.paths()).hasSize(api.get("paths").size());
        assertThat(drawn.has("sk-on", "OFFTAKE", "kachi")).isTrue();
        assertThat(drawn.has("morena-del-valle-minerals", "SUBSIDIARY_OF", "lake-resources"))
                .isTrue();
        assertThat(drawn.nodes()).doesNotContain("KR", "AR", "lithium");
    }

    @Test
    void koreaAndAustralianLithiumByDomicileAndByOrigin() throws Exception {
        Drawn domicile = run("guide-korea-australia-lithium-domicile");
        assertThat(domicile.has("lg-energy-solution", "INVESTS_IN", "green-technology-metals"))
                .isTrue();
        assertThat(domicile.has("sk-on", "OFFTAKE", "lake-resources")).isTrue();
        assertThat(domicile.nodes()).contains("KR", "AU").doesNotContain("CA", "AR");

        Drawn origin = run("guide-korea-australia-lithium-origin");
        assertThat(origin.has("seymour", "LOCATED_IN", "CA")).isTrue();
        assertThat(origin.has("kachi", "LOCATED_IN", "AR")).isTrue();
        assertThat(origin.has("morena-del-valle-minerals", "SUBSIDIARY_OF", "lake-resources"))
                .isTrue();
    }

    @Test
    void japansAgreementsWithTheirPartiesAndMinerals() throws Exception {
        Drawn drawn = run("guide-japan-agreements");
        assertThat(drawn.nodes())
                .contains(
                        "japan-us-critical-minerals-agreement-2023",
                        "japan-brazil-niobium-graphene-cooperation-2021",
                        "japan-drc-joint-statement-2022",
                        "US",
                        "BR",
                        "CD");
        assertThat(drawn.has("japan-us-critical-minerals-agreement-2023", "COVERS", "manganese"))
                .isTrue();
        assertThat(drawn.has("japan-brazil-niobium-graphene-cooperation-2021", "COVERS", "niobium"))
                .isTrue();
    }

    @Test
    void lgEnergySolutionsNetwork() throws Exception {
        Drawn drawn = run("guide-lges-network");
        assertThat(drawn.nodes())
                .contains(
                        "electra",
                        "snow-lake-resources",
                        "avalon-advanced-materials",
                        "green-technology-metals",
                        "seymour",
                        "korean-battery-consortium-indonesia",
                        "indonesia-battery-chain-investment-agreement-2022");
        assertThat(drawn.has("green-technology-metals", "OPERATES", "seymour")).isTrue();
    }

    @Test
    void theIndonesianChainFromMineToPack() throws Exception {
        Drawn drawn = run("guide-indonesia-nickel-chain");
        assertThat(drawn.has("antam", "OPERATES", "antam-nickel-mines")).isTrue();
        assertThat(drawn.has("antam-nickel-mines", "FEEDS", "indonesia-nickel-refinery"))
                .isTrue();
        assertThat(drawn.has("indonesia-cathode-plant", "FEEDS", "indonesia-battery-pack-plant"))
                .isTrue();
        assertThat(drawn.nodes()).contains("lg-chem", "lx-international", "posco-holdings", "lg-energy-solution");
    }

    @Test
    void whoDependsOnTheDrCongosCobalt() throws Exception {
        Drawn drawn = run("guide-drc-cobalt");
        assertThat(drawn.has("CD", "PRODUCES", "cobalt")).isTrue();
        assertThat(drawn.nodes())
                .contains(
                        "japan-drc-joint-statement-2022",
                        "gov-jp",
                        "jogmec-critical-minerals-fund-2023",
                        "japan-us-critical-minerals-agreement-2023");
        assertThat(drawn.has("lg-energy-solution", "OFFTAKE", "electra")).isTrue();
        assertThat(drawn.has("metalkol", "FEEDS", "electra-refinery")).isTrue();
        assertThat(drawn.has("metalkol", "LOCATED_IN", "CD")).isTrue();
    }

    @Test
    void whereTheSourcesDisagree() throws Exception {
        Drawn drawn = run("guide-conflicts");
        List<String> sources = drawn.paths().stream()
                .map(p -> p.relationships().iterator().next().get("source").asString())
                .sorted()
                .toList();
        assertThat(sources)
                .contains(
                        "seed-article",
                        "theglobeandmail-electra-lg-contract",
                        "cen-toyota-orocobre-2018",
                        "greenmotorsport-4359");
        assertThat(drawn.paths().stream()
                        .map(p -> p.relationships()
                                .iterator()
                                .next()
                                .get("tonnesTotal")
                                .asObject())
                        .filter(Objects::nonNull)
                        .map(Object::toString))
                .contains("70000", "7000");
    }

    @Test
    void apocDrawsLgEnergySolutionsSupplyTree() throws Exception {
        Drawn drawn = run("guide-apoc-supply-tree");
        assertThat(drawn.has("lg-energy-solution", "OFFTAKE", "electra")).isTrue();
        assertThat(drawn.has("liontown-resources", "OPERATES", "kathleen-valley")
                        || drawn.has("liontown-resources", "OWNS", "kathleen-valley"))
                .isTrue();
        assertThat(drawn.nodes()).contains("metalkol", "seymour").doesNotContain("KR", "lithium", "seed-article");
    }

    @Test
    void apocsGraphMlExportStreamsToTheFrame() throws Exception {
        String guide = Files.readString(java.nio.file.Path.of("cypher/browser/guide.html"));
        assertThat(guide).contains("{{query:apoc-export-graphml}}");
        Record row = cypher.one(CypherQueries.load("apoc-export-graphml"));
        long deals =
                cypher.count("MATCH (:Company {id: 'lg-energy-solution'})-[r:OFFTAKE|INVESTS_IN]->() RETURN count(r)");
        assertThat(row.get("relationships").asLong()).isEqualTo(deals);
        assertThat(row.get("data").asString())
                .startsWith("<?xml")
                .contains("<graphml")
                .contains("lg-energy-solution");
    }

    @Test
    void worldProductionByCountry() throws Exception {
        Drawn drawn = run("guide-world-production");
        assertThat(drawn.paths()).hasSize(46);
        assertThat(drawn.paths())
                .allSatisfy(p -> assertThat(p.relationships()
                                .iterator()
                                .next()
                                .get("caption")
                                .asString())
                        .matches("[\\d,]+ .+ \\(\\d+%\\)"));
    }
}
