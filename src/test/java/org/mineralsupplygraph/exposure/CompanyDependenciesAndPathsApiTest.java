package org.mineralsupplygraph.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.Api;
import org.mineralsupplygraph.support.GraphTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** GET /api/companies/{id}/dependencies and GET /api/paths against the seed data. */
@GraphTest
class CompanyDependenciesAndPathsApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static JsonNode mineral(Api.Response r, String id) {
        for (JsonNode m : r.get("minerals")) {
            if (m.at("/mineral/id").asString().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no mineral " + id + " in " + r.text());
    }

    private static List<String> countries(JsonNode groups) {
        List<String> ids = new ArrayList<>();
        groups.forEach(g -> ids.add(g.at("/country/id").asString()));
        return ids;
    }

    @Test
    void lgEnergySolutionsSupplyBasePerMineralByDomicileAndByOrigin() {
        Api.Response r = api.get("/api/companies/lg-energy-solution/dependencies");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/company/name").asString()).isEqualTo("LG Energy Solution");

        JsonNode lithium = mineral(r, "lithium");
        assertThat(countries(lithium.get("byDomicile"))).containsExactly("AU", "CA");
        // Australia by origin too: Liontown's Kathleen Valley (more-facts.json).
        assertThat(countries(lithium.get("byOrigin"))).containsExactly("AU", "CA");
        assertThat(lithium.at("/byDomicile/1/suppliers").toString())
                .contains("Avalon Advanced Materials")
                .contains("Snow Lake Resources");
        assertThat(lithium.at("/byDomicile/1/dependencies").toString())
                .contains("\"tonnesTotal\":55000")
                .contains("\"tonnesTotal\":200000");

        // Electra's cobalt is now traced (more-facts.json): its Ontario refinery, fed from Congolese mines.
        JsonNode cobalt = mineral(r, "cobalt");
        assertThat(countries(cobalt.get("byDomicile"))).containsExactly("CA");
        assertThat(countries(cobalt.get("byOrigin"))).containsExactly("CA", "CD");

        JsonNode nickel = mineral(r, "nickel");
        assertThat(countries(nickel.get("byOrigin"))).containsExactly("ID");
    }

    @Test
    void theMineralParameterNarrowsTheSupplyBase() {
        Api.Response r = api.get("/api/companies/lg-energy-solution/dependencies?mineral=cobalt");
        assertThat(r.get("mineral").asString()).isEqualTo("cobalt");
        assertThat(r.get("minerals")).hasSize(1);
        assertThat(r.at("/minerals/0/mineral/id").asString()).isEqualTo("cobalt");
    }

    @Test
    void skOnDependsOnArgentinaByOriginAndAustraliaByDomicile() {
        JsonNode lithium = mineral(api.get("/api/companies/sk-on/dependencies?mineral=lithium"), "lithium");
        assertThat(countries(lithium.get("byDomicile"))).containsExactly("AU");
        assertThat(countries(lithium.get("byOrigin"))).containsExactly("AR");
    }

    private static final Set<String> ENDS_ONLY = Set.of("Country", "Mineral", "Product", "Region", "Source");

    /** The answer's paths, each checked: from and to, simple, with provenance, never through an end-only node. */
    private static List<JsonNode> checkedPaths(Api.Response r, String from, String to, boolean influence) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<JsonNode> paths = new ArrayList<>();
        r.get("paths").forEach(p -> {
            paths.add(p);
            JsonNode nodes = p.get("nodes");
            assertThat(nodes.get(0).get("id").asString()).isEqualTo(from);
            assertThat(nodes.get(nodes.size() - 1).get("id").asString()).isEqualTo(to);
            assertThat(p.get("length").asInt()).isEqualTo(p.get("relationships").size());
            Set<String> seen = new HashSet<>();
            nodes.forEach(n -> assertThat(seen.add(n.get("id").asString())).isTrue());
            p.get("relationships")
                    .forEach(rel ->
                            assertThat(rel.at("/properties/source").asString()).isNotBlank());
            if (influence) {
                for (int i = 1; i < nodes.size() - 1; i++) {
                    nodes.get(i)
                            .get("labels")
                            .forEach(l -> assertThat(ENDS_ONLY).doesNotContain(l.asString()));
                }
            }
        });
        List<Integer> lengths = paths.stream().map(p -> p.get("length").asInt()).toList();
        assertThat(lengths).isSorted();
        return paths;
    }

    private static List<String> sentences(List<JsonNode> paths) {
        return paths.stream().map(p -> p.get("sentence").asString()).toList();
    }

    @Test
    void pathsFollowInfluenceAndSupplyNotSharedTopics() {
        // Japan's government and SK On share only topics (lithium, Korea's partners): no path by default...
        Api.Response none = api.get("/api/paths?from=gov-jp&to=sk-on");
        assertThat(checkedPaths(none, "gov-jp", "sk-on", true)).isEmpty();
        assertThat(none.at("/through").asString()).isEqualTo("influence");
        assertThat(none.at("/notes/0").asString())
                .startsWith("No path of at most 6 relationships through INVESTS_IN")
                .contains("through=all");
        // ... and today's answers, through countries and minerals, with through=all: shortest first, four hops.
        Api.Response all = api.get("/api/paths?from=gov-jp&to=sk-on&limit=5&through=all");
        List<JsonNode> topical = checkedPaths(all, "gov-jp", "sk-on", false);
        assertThat(topical).hasSize(5);
        assertThat(topical.get(0).get("length").asInt()).isEqualTo(4);
        assertThat(topical)
                .anySatisfy(p -> assertThat(p.get("nodes")
                                .valueStream()
                                .anyMatch(n ->
                                        n.get("labels").valueStream().anyMatch(l -> ENDS_ONLY.contains(l.asString()))))
                        .isTrue());

        // POSCO and Lake Resources: both Korean-linked lithium firms, not connected by a deal or a stake.
        assertThat(checkedPaths(
                        api.get("/api/paths?from=posco-holdings&to=lake-resources"),
                        "posco-holdings",
                        "lake-resources",
                        true))
                .isEmpty();
        assertThat(checkedPaths(
                        api.get("/api/paths?from=posco-holdings&to=lake-resources&through=all"),
                        "posco-holdings",
                        "lake-resources",
                        false))
                .isNotEmpty();
    }

    @Test
    void eachPathReadsAsASentenceFromItsFigures() {
        List<JsonNode> paths = checkedPaths(api.get("/api/paths?from=sk-on&to=kachi"), "sk-on", "kachi", true);
        assertThat(sentences(paths))
                .containsExactly(
                        "SK On buys 25,000 t/yr of lithium from Kachi lithium brine project (Catamarca, Argentina).",
                        "SK On buys 25,000 t/yr of battery grade lithium from Lake Resources, whose subsidiary Morena del Valle"
                                + " Minerals owns 100% of Kachi lithium brine project (Catamarca, Argentina).",
                        "SK On holds 10% of Lake Resources, whose subsidiary Morena del Valle Minerals owns 100% of Kachi"
                                + " lithium brine project (Catamarca, Argentina).",
                        "SK On holds 10% of Lake Resources, whose subsidiary Morena del Valle Minerals owns 100% of Kachi"
                                + " lithium brine project (Catamarca, Argentina).");
        // Of the paths of three, the one with a supply contract comes first; the two stakes (two sources) by id.
        assertThat(paths.stream().map(p -> p.get("supplyRelationships").asInt()).toList())
                .containsExactly(1, 1, 0, 0);
        assertThat(paths.get(2).at("/relationships/0/properties/id").asString())
                .isLessThan(paths.get(3).at("/relationships/0/properties/id").asString());

        // An end may be a country: LG Energy Solution to Korea, through its headquarters and its Korean partners.
        // (more-facts.json adds accounts of the same links: Business Recorder's of LG Energy Solution's party to the
        // Indonesian deal, among others; each account is a path of its own, so ask for all of them.)
        List<JsonNode> toKorea = checkedPaths(
                api.get("/api/paths?from=lg-energy-solution&to=KR&limit=100"), "lg-energy-solution", "KR", true);
        assertThat(sentences(toKorea))
                .hasSizeGreaterThan(7)
                .first()
                .isEqualTo("LG Energy Solution is headquartered in South" + " Korea.");
        assertThat(sentences(toKorea))
                .contains(
                        "LG Energy Solution invests in Korean battery consortium (Indonesia),"
                                + " which receives an investment from POSCO Holdings, which is headquartered in South Korea.",
                        "LG Energy Solution is party to Indonesia EV battery industry chain investment agreement, which has"
                                + " LG Chem as a party, which is headquartered in South Korea.");
        // Shortest first: the headquarters (one hop), then the partners (three), then longer ones.
        assertThat(toKorea.stream().map(p -> p.get("length").asInt()).toList())
                .isSorted()
                .startsWith(1, 3)
                .doesNotContain(2);
        // From a country: it starts at its government, companies and sites, and goes on through them only.
        List<JsonNode> fromKorea =
                checkedPaths(api.get("/api/paths?from=KR&to=lake-resources"), "KR", "lake-resources", true);
        // Of the paths of two, the supply contract comes before the stakes.
        assertThat(sentences(fromKorea))
                .startsWith(
                        "South Korea is home to SK On, which buys 25,000 t/yr of battery"
                                + " grade lithium from Lake Resources.",
                        "South Korea is home to SK On, which holds 10% of Lake" + " Resources.");
    }

    @Test
    void typesNarrowTheRelationshipsFollowedAndBadValuesAreNamed() {
        Api.Response stakes = api.get("/api/paths?from=sk-on&to=kachi&types=INVESTS_IN,subsidiary_of,OWNS");
        List<JsonNode> paths = checkedPaths(stakes, "sk-on", "kachi", true);
        assertThat(paths)
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.get("relationships")
                                .valueStream()
                                .map(r -> r.get("type").asString()))
                        .containsExactly("INVESTS_IN", "SUBSIDIARY_OF", "OWNS"));
        assertThat(stakes.texts("types", "")).containsExactly("INVESTS_IN", "SUBSIDIARY_OF", "OWNS");

        Api.Response badThrough = api.get("/api/paths?from=sk-on&to=kachi&through=everything");
        assertThat(badThrough.status()).isEqualTo(400);
        assertThat(badThrough.at("/parameter").asString()).isEqualTo("through");
        // Any type of the model may be named; by default a Country may still only be an end of a path.
        Api.Response home = api.get("/api/paths?from=lg-energy-solution&to=KR&types=HEADQUARTERED_IN");
        assertThat(home.get("paths")).hasSize(1);
        assertThat(home.at("/paths/0/relationships/0/type").asString()).isEqualTo("HEADQUARTERED_IN");
        assertThat(api.get("/api/paths?from=lg-energy-solution&to=sk-on&types=HEADQUARTERED_IN")
                        .get("paths"))
                .isEmpty();
        Api.Response throughKorea =
                api.get("/api/paths?from=lg-energy-solution&to=sk-on&through=all" + "&types=HEADQUARTERED_IN");
        assertThat(throughKorea.get("paths"))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.at("/nodes/1/id").asString()).isEqualTo("KR"));
        Api.Response unknown = api.get("/api/paths?from=sk-on&to=kachi&types=LIKES");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.at("/parameter").asString()).isEqualTo("types");
    }

    @Test
    void maxDepthBoundsPathsAndAPathToItselfIsEmpty() {
        assertThat(api.get("/api/paths?from=gov-jp&to=sk-on&maxDepth=3&through=all")
                        .get("paths"))
                .isEmpty();
        Api.Response direct = api.get("/api/paths?from=sk-on&to=lake-resources&maxDepth=1&limit=10");
        assertThat(direct.get("paths")).hasSize(3);
        assertThat(api.get("/api/paths?from=sk-on&to=sk-on").get("paths")).isEmpty();
    }
}
