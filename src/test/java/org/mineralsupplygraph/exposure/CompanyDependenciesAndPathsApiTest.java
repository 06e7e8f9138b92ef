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
        assertThat(countries(lithium.get("byOrigin"))).containsExactly("CA");
        assertThat(lithium.at("/byDomicile/1/suppliers").toString())
                .contains("Avalon Advanced Materials").contains("Snow Lake Resources");
        assertThat(lithium.at("/byDomicile/1/dependencies").toString())
                .contains("\"tonnesTotal\":55000").contains("\"tonnesTotal\":200000");

        JsonNode cobalt = mineral(r, "cobalt");
        assertThat(countries(cobalt.get("byDomicile"))).containsExactly("CA");
        assertThat(cobalt.get("byOrigin")).isEmpty();

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

    @Test
    void pathsComeShortestFirstUpToTheLimitAndVisitNoNodeTwice() {
        Api.Response r = api.get("/api/paths?from=gov-jp&to=sk-on&limit=5");
        assertThat(r.status()).isEqualTo(200);
        List<Integer> lengths = new ArrayList<>();
        r.get("paths").forEach(p -> {
            lengths.add(p.get("relationships").size());
            assertThat(p.at("/nodes/0/id").asString()).isEqualTo("gov-jp");
            assertThat(p.at("/nodes/" + (p.get("nodes").size() - 1) + "/id").asString()).isEqualTo("sk-on");
            Set<String> seen = new HashSet<>();
            p.get("nodes").forEach(n -> assertThat(seen.add(n.get("id").asString())).isTrue());
            p.get("relationships").forEach(rel -> assertThat(rel.at("/properties/source").asString()).isNotBlank());
        });
        assertThat(lengths).hasSize(5).isSorted();
        assertThat(lengths.get(0)).isEqualTo(4);
    }

    @Test
    void maxDepthBoundsPathsAndAPathToItselfIsEmpty() {
        assertThat(api.get("/api/paths?from=gov-jp&to=sk-on&maxDepth=3").get("paths")).isEmpty();
        Api.Response direct = api.get("/api/paths?from=sk-on&to=lake-resources&maxDepth=1&limit=10");
        assertThat(direct.get("paths")).hasSize(3);
        assertThat(api.get("/api/paths?from=sk-on&to=sk-on").get("paths")).isEmpty();
    }
}
