package org.mineralsupplygraph.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.Api;
import org.mineralsupplygraph.support.GraphTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** GET /api/exposure against the seed data: the article's answer by domicile, the ore's answer by origin. */
@GraphTest
class ExposureApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static List<JsonNode> dependencies(Api.Response response) {
        List<JsonNode> list = new ArrayList<>();
        response.get("dependencies").forEach(list::add);
        return list;
    }

    private static Set<String> pairs(Api.Response response) {
        Set<String> pairs = new TreeSet<>();
        dependencies(response)
                .forEach(d -> pairs.add(d.at("/company/id").asString() + " > "
                        + (d.get("site").isNull()
                                ? d.at("/supplier/id").asString()
                                : d.at("/site/id").asString())));
        return pairs;
    }

    @Test
    void byDomicileKoreanFirmsDependOnThreeAustralianLithiumCompanies() {
        Api.Response r = api.get("/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU&basis=domicile");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.get("basis").asString()).isEqualTo("domicile");
        // The article's two, and Liontown (more-facts.json: LG Energy Solution's offtake from Kathleen Valley).
        assertThat(pairs(r))
                .containsExactly(
                        "lg-energy-solution > green-technology-metals",
                        "lg-energy-solution > liontown-resources",
                        "sk-on > lake-resources");
        assertThat(dependencies(r)).allSatisfy(d -> {
            assertThat(d.get("basis").asString()).isEqualTo("domicile");
            assertThat(d.at("/country/id").asString()).isEqualTo("AU");
            assertThat(d.get("minerals").toString()).contains("lithium");
        });
        // The figures of the deals, null where the data has none.
        assertThat(dependencies(r)).anySatisfy(d -> {
            assertThat(d.at("/company/id").asString()).isEqualTo("sk-on");
            assertThat(d.get("via").toString()).isEqualTo("[\"OFFTAKE\"]");
            assertThat(d.get("tonnesPerYear").asLong()).isEqualTo(25_000);
            assertThat(d.get("stakePct").isNull()).isTrue();
        });
        assertThat(dependencies(r)).anySatisfy(d -> {
            assertThat(d.at("/company/id").asString()).isEqualTo("lg-energy-solution");
            assertThat(d.get("via").toString()).isEqualTo("[\"INVESTS_IN\"]");
            assertThat(d.get("stakePct").asDouble()).isEqualTo(7.89);
            assertThat(d.get("tonnesPerYear").isNull()).isTrue();
        });
    }

    @Test
    void byOriginOnlyLiontownsLithiumIsAustralianAndTheAnswerSaysWhereTheRestIs() {
        Api.Response r = api.get("/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU&basis=origin");

        assertThat(r.status()).isEqualTo(200);
        // Of the three Australian suppliers only Liontown mines in Australia (Kathleen Valley, Western Australia).
        assertThat(pairs(r)).containsExactly("lg-energy-solution > kathleen-valley");
        assertThat(r.get("summary").toString())
                .contains("By origin: LG Energy Solution (Kathleen Valley lithium project via Liontown Resources)")
                .contains("Green Technology Metals is headquartered in Australia, but the graph places its lithium at"
                        + " Seymour lithium project, Ontario, Canada")
                .contains("Lake Resources is headquartered in Australia, but the graph places its lithium at"
                        + " Kachi lithium brine project, Catamarca, Argentina");
    }

    @Test
    void theDefaultBasisLabelsEachDependencyAndShowsTheOriginsOfDomiciledSuppliers() {
        Api.Response r = api.get("/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU");

        assertThat(r.get("basis").asString()).isEqualTo("any");
        // Every dependency is labelled; all are by domicile but Liontown's Kathleen Valley, the one Australian mine.
        assertThat(dependencies(r))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.get("basis").asString())
                        .isEqualTo(d.at("/site/id").asString().equals("kathleen-valley") ? "origin" : "domicile"));
        assertThat(dependencies(r))
                .filteredOn(d -> d.get("basis").asString().equals("origin"))
                .isNotEmpty();
        assertThat(dependencies(r))
                .filteredOn(d -> d.at("/supplier/id").asString().equals("green-technology-metals"))
                .allSatisfy(
                        d -> assertThat(d.at("/origins/0/site/id").asString()).isEqualTo("seymour"))
                .allSatisfy(d ->
                        assertThat(d.at("/origins/0/country/id").asString()).isEqualTo("CA"));
        assertThat(dependencies(r))
                .filteredOn(d -> d.at("/supplier/id").asString().equals("lake-resources"))
                .allSatisfy(
                        d -> assertThat(d.at("/origins/0/site/id").asString()).isEqualTo("kachi"))
                .allSatisfy(d ->
                        assertThat(d.at("/origins/0/country/id").asString()).isEqualTo("AR"))
                // The origin's evidence: the subsidiary that owns the project, and where it is.
                .allSatisfy(d -> assertThat(d.at("/origins/0/relationships").toString())
                        .contains("SUBSIDIARY_OF")
                        .contains("OWNS")
                        .contains("LOCATED_IN")
                        .contains("Catamarca"));
    }

    @Test
    void byOriginTheSameDealsPointToCanadaAndArgentina() {
        Api.Response canada = api.get("/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=CA&basis=origin");
        assertThat(pairs(canada))
                .containsExactly(
                        "lg-energy-solution > avalon-thunder-bay-refinery", "lg-energy-solution > separation-rapids",
                        "lg-energy-solution > seymour", "lg-energy-solution > thompson-brothers");
        assertThat(dependencies(canada))
                .filteredOn(d -> d.at("/site/id").asString().equals("seymour"))
                .extracting(d -> d.at("/supplier/id").asString())
                .contains("green-technology-metals", "seymour");

        Api.Response argentina = api.get("/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AR&basis=origin");
        assertThat(pairs(argentina))
                .containsExactly("posco-holdings > posco-argentina-lithium-project", "sk-on > kachi");
        assertThat(dependencies(argentina)).anySatisfy(d -> {
            assertThat(d.at("/supplier/id").asString()).isEqualTo("lake-resources");
            assertThat(d.get("via").toString()).isEqualTo("[\"OFFTAKE\",\"SUBSIDIARY_OF\",\"OWNS\"]");
            assertThat(d.at("/supplierCountry/id").asString()).isEqualTo("AU");
            assertThat(d.get("tonnesPerYear").asLong()).isEqualTo(25_000);
        });
    }

    @Test
    void everyStepOfEveryPathCarriesItsProvenance() {
        Api.Response r = api.get("/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AR&basis=origin");
        assertThat(dependencies(r)).allSatisfy(d -> {
            JsonNode path = d.get("path");
            assertThat(path.at("/nodes/0/id").asString())
                    .isEqualTo(d.at("/company/id").asString());
            assertThat(path.get("relationships").size())
                    .isEqualTo(path.get("nodes").size() - 1);
            path.get("relationships").forEach(rel -> {
                assertThat(rel.at("/properties/source").asString()).isNotBlank();
                assertThat(rel.at("/properties/evidence").asString()).isNotBlank();
                assertThat(rel.get("from").asString()).isNotBlank();
                assertThat(rel.get("to").asString()).isNotBlank();
            });
        });
    }

    @Test
    void productsCountForTheirMineral() {
        // Electra's cobalt sulfate is cobalt, and not lithium. Two sources give accounts of the deal (the article's
        // 70,000 t of cobalt sulfate, the Globe and Mail's 7,000 t of battery-grade cobalt): each is a dependency,
        // and each says that they disagree. A forum's "up to 80%" of the refinery is a third, through Electra.
        Api.Response cobalt = api.get("/api/exposure?buyerCountry=KR&mineral=cobalt&sourceCountry=CA&basis=domicile");
        assertThat(dependencies(cobalt))
                .allSatisfy(d -> assertThat(d.at("/supplier/id").asString()).isEqualTo("electra"));
        assertThat(dependencies(cobalt))
                .filteredOn(d -> d.at("/deal/properties/source").asString().equals("seed-article"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.get("tonnesTotal").asLong()).isEqualTo(70_000);
                    assertThat(d.at("/deal/properties/product").asString()).isEqualTo("cobalt-sulfate");
                    assertThat(d.get("conflicts").toString())
                            .contains("tonnesTotal", "theglobeandmail-electra-lg-contract");
                });
        assertThat(dependencies(cobalt)).anySatisfy(d -> {
            assertThat(d.get("tonnesTotal").asLong()).isEqualTo(7_000);
            assertThat(d.at("/deal/properties/product").asString()).isEqualTo("battery-grade-cobalt");
        });
        Api.Response lithium = api.get("/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=CA&basis=domicile");
        assertThat(pairs(lithium))
                .containsExactly(
                        "lg-energy-solution > avalon-advanced-materials", "lg-energy-solution > snow-lake-resources");
    }

    @Test
    void consortiaAreIntermediariesAndMaxDepthBoundsTheSearch() {
        Api.Response r = api.get("/api/exposure?buyerCountry=KR&mineral=nickel&sourceCountry=ID&basis=origin");
        Set<String> companies = new TreeSet<>();
        dependencies(r).forEach(d -> companies.add(d.at("/company/id").asString()));
        assertThat(companies).containsExactly("lg-chem", "lg-energy-solution", "lx-international", "posco-holdings");
        // Through the consortium; LG Energy Solution also holds a planned 49% of the Halmahera nickel mine itself
        // (more-facts.json: "CBL or LG"), a stake of its own.
        assertThat(dependencies(r))
                .allSatisfy(d -> assertThat(d.at("/path/nodes/1/id").asString())
                        .isIn("korean-battery-consortium-indonesia", "halmahera-lges-antam-nickel-mine"));
        assertThat(dependencies(r))
                .filteredOn(d -> !d.at("/company/id").asString().equals("lg-energy-solution"))
                .allSatisfy(d -> assertThat(d.at("/path/nodes/1/id").asString())
                        .isEqualTo("korean-battery-consortium-indonesia"));
        assertThat(dependencies(r))
                .anySatisfy(d -> assertThat(d.at("/site/id").asString()).isEqualTo("antam-nickel-mines"));

        // One hop: only LG Energy Solution's own stake in the Halmahera mine; none through the consortium.
        Api.Response shallow = api.get("/api/exposure?buyerCountry=KR&mineral=nickel&sourceCountry=ID&maxDepth=1");
        assertThat(dependencies(shallow))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.at("/site/id").asString()).isEqualTo("halmahera-lges-antam-nickel-mine"));
        assertThat(shallow.get("maxDepth").asInt()).isEqualTo(1);
    }

    @Test
    void countryCodesAndMineralsAreReadWhateverTheirCase() {
        Api.Response r = api.get("/api/exposure?buyerCountry=kr&mineral=Lithium&sourceCountry=au");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.get("buyerCountry").asString()).isEqualTo("KR");
        assertThat(dependencies(r)).isNotEmpty();
    }

    @Test
    void theAnswerIsPagedInAStableTotalOrderAndSummedUpPerCompany() {
        String question = "/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU";
        Api.Response whole = api.get(question);
        assertThat(whole.status()).isEqualTo(200);
        int total = whole.get("total").asInt();
        assertThat(total).isEqualTo(whole.get("dependencies").size()).isGreaterThanOrEqualTo(6);
        assertThat(whole.get("limit").asInt()).isEqualTo(500);
        assertThat(whole.get("next").isNull()).isTrue();

        // Pages of two, followed by their cursors, give the whole answer in the same order.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get(question + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.get("total").asInt()).isEqualTo(total);
            assertThat(page.get("dependencies").size()).isBetween(1, 2);
            page.get("dependencies").forEach(d -> paged.add(key(d)));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (cursor != null);
        List<String> all = new ArrayList<>();
        whole.get("dependencies").forEach(d -> all.add(key(d)));
        assertThat(paged).isEqualTo(all).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo((total + 1) / 2);
        // Ties between one company's accounts of one supplier are broken by the deal's id.
        List<String> lges = all.stream()
                .filter(k -> k.startsWith("lg-energy-solution|domicile|green-technology-metals|"))
                .toList();
        assertThat(lges).hasSize(4);
        assertThat(lges.subList(0, 3)).isSorted().allSatisfy(k -> assertThat(k).endsWith("|1"));

        // Per company: every dependency counted, suppliers and countries named, contracted tonnes added up.
        JsonNode skOn = null;
        for (JsonNode c : whole.get("companies")) {
            if (c.at("/company/id").asString().equals("sk-on")) {
                skOn = c;
            }
        }
        assertThat(skOn).isNotNull();
        assertThat(skOn.get("dependencies").asInt()).isEqualTo(3);
        assertThat(skOn.get("bases").toString()).isEqualTo("[\"domicile\"]");
        assertThat(skOn.at("/suppliers/0/id").asString()).isEqualTo("lake-resources");
        assertThat(skOn.at("/countries/0/id").asString()).isEqualTo("AU");
        assertThat(skOn.get("tonnesPerYear").asDouble()).isEqualTo(25_000);
        int counted = 0;
        for (JsonNode c : whole.get("companies")) {
            counted += c.get("dependencies").asInt();
        }
        assertThat(counted).isEqualTo(total);
        assertThat(whole.at("/supplyReach/status").asString()).isIn("current", "rebuilding", "updating");
    }

    @Test
    void aDealWithAMineCountsByTheDomicileOfTheMinesOperator() {
        // LG Energy Solution's offtake from the Seymour project is a deal with the mine itself; Green Technology
        // Metals operates it and is headquartered in Australia: an Australian dependency by domicile, one hop on.
        Api.Response r = api.get("/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU&basis=domicile");
        JsonNode seymour = null;
        for (JsonNode d : r.get("dependencies")) {
            if (d.at("/deal/to").asString().equals("seymour")) {
                seymour = d;
            }
        }
        assertThat(seymour).as("the Seymour offtake by domicile").isNotNull();
        assertThat(seymour.at("/company/id").asString()).isEqualTo("lg-energy-solution");
        assertThat(seymour.at("/supplier/id").asString()).isEqualTo("green-technology-metals");
        assertThat(seymour.at("/country/id").asString()).isEqualTo("AU");
        assertThat(seymour.get("via").toString()).isEqualTo("[\"OFFTAKE\",\"OPERATES\"]");
        assertThat(seymour.at("/path/nodes/2/id").asString()).isEqualTo("green-technology-metals");
        // By origin the same deal is Canadian, and now names its supplier company's country.
        Api.Response origin = api.get("/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=CA&basis=origin");
        JsonNode canadian = null;
        for (JsonNode d : origin.get("dependencies")) {
            if (d.at("/deal/to").asString().equals("seymour")) {
                canadian = d;
            }
        }
        assertThat(canadian).isNotNull();
        assertThat(canadian.at("/site/id").asString()).isEqualTo("seymour");
        assertThat(canadian.at("/supplierCountry/id").asString()).isEqualTo("AU");
        // SK On's offtake from Kachi: its owner (Morena del Valle, 100%) has no headquarters in the graph, so there is
        // no domicile for it; SK On stays an Australian dependency through its deals with Lake Resources only.
        assertThat(r.get("dependencies")
                        .valueStream()
                        .filter(d -> d.at("/deal/to").asString().equals("kachi"))
                        .toList())
                .isEmpty();
    }

    @Test
    void aCursorFromAnotherQuestionOrOfNoKnownFormIsRefused() {
        Api.Response first = api.get("/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU&limit=2");
        String next = first.get("next").asString();
        Api.Response other =
                api.get("/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=CA&limit=2&cursor=" + next);
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.text()).contains("cursor").contains("another question");
        for (String bad : List.of("not-a-cursor", "cDE6OTk5", "%00")) {
            Api.Response r = api.get("/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU&cursor=" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.text()).as(bad).contains("cursor");
        }
        for (String limit : List.of("0", "1001", "-1", "x")) {
            Api.Response r = api.get("/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU&limit=" + limit);
            assertThat(r.status()).as(limit).isEqualTo(400);
            assertThat(r.text()).as(limit).contains("limit");
        }
    }

    private static String key(JsonNode d) {
        return String.join(
                "|",
                d.at("/company/id").asString(),
                d.get("basis").asString(),
                d.at("/supplier/id").asString(),
                d.get("site").isNull() ? "-" : d.at("/site/id").asString(),
                d.at("/deal/properties/id").asString(),
                Integer.toString(d.at("/path/relationships").size()));
    }
}
