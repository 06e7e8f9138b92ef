package org.mineralsupplygraph.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mineralsupplygraph.support.Api;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The risk analytics over HTTP: on the seed data where the article and the USGS file give the answer, and on a
 * constructed network (ids starting with fx-, buyers in Iceland and Liechtenstein, where the seed data has no firm)
 * whose losses, stakes and warnings are worked out by hand. The fixture is removed afterwards.
 */
@GraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskAnalyticsApiTest {

    static final String FIXTURE = """
            CREATE (m:Entity:Mineral {id: 'fx-testium', name: 'Testium', source: 'fx'})
            WITH m
            MATCH (is:Country {id: 'IS'}), (li:Country {id: 'LI'}), (cl:Country {id: 'CL'}), (pe:Country {id: 'PE'}),
                  (bo:Country {id: 'BO'}), (ec:Country {id: 'EC'}), (uy:Country {id: 'UY'}), (py:Country {id: 'PY'})
            UNWIND [['fx-buyer-a', is], ['fx-buyer-b', is], ['fx-buyer-c', is], ['fx-buyer-d', li],
                    ['fx-supplier-1', cl], ['fx-supplier-2', cl]] AS company
            WITH pe, bo, ec, uy, py, company[0] AS id, company[1] AS home
            CREATE (:Entity:Company {id: id, name: id, source: 'fx'})-[:HEADQUARTERED_IN {id: 'fx-hq-' + id, source: 'fx'}]->(home)
            WITH DISTINCT pe, bo, ec, uy, py
            UNWIND [['fx-mine-1', pe], ['fx-mine-2', bo], ['fx-mine-3', pe], ['fx-mine-4', ec], ['fx-mine-d1', pe],
                    ['fx-mine-d2', bo], ['fx-mine-d3', ec], ['fx-mine-d4', uy], ['fx-mine-d5', py]] AS mine
            WITH mine[0] AS id, mine[1] AS place
            CREATE (:Entity:Mine {id: id, name: id, source: 'fx'})-[:LOCATED_IN {id: 'fx-in-' + id, source: 'fx'}]->(place)
            """;

    static final String DEALS = """
            UNWIND [['fx-supplier-1', 'fx-mine-1'], ['fx-supplier-2', 'fx-mine-2']] AS pair
            MATCH (s:Company {id: pair[0]}), (m:Mine {id: pair[1]})
            CREATE (s)-[:OPERATES {id: 'fx-op-' + pair[1], source: 'fx'}]->(m)
            WITH count(*) AS done
            UNWIND $offtakes AS o
            MATCH (b:Entity {id: o.from}), (s:Entity {id: o.to})
            CREATE (b)-[r:OFFTAKE]->(s)
            SET r = o.properties, r.id = 'fx-offtake-' + o.from + '-' + o.to, r.source = 'fx', r.product = 'fx-testium'
            """;

    static final String OWNERSHIP_AND_REVIEW = """
            MATCH (is:Country {id: 'IS'})
            CREATE (a:Entity:Company {id: 'fx-own-a', name: 'Fx Own A', source: 'fx'}),
                   (b:Entity:Company {id: 'fx-own-b', name: 'Fx Own B', source: 'fx'}),
                   (c:Entity:Company {id: 'fx-own-c', name: 'Fx Own C', source: 'fx'}),
                   (a)-[:INVESTS_IN {id: 'fx-ab', stakePct: 50.0, source: 'fx'}]->(b),
                   (b)-[:INVESTS_IN {id: 'fx-bc', stakePct: 60.0, source: 'fx'}]->(c),
                   (a)-[:INVESTS_IN {id: 'fx-ac', stakePct: 10.0, source: 'fx'}]->(c),
                   (g:Entity:Government {id: 'fx-gov-is', name: 'Fx Government of Iceland', source: 'fx'})
                       -[:GOVERNS {id: 'fx-governs', source: 'fx'}]->(is),
                   (g)-[:PARTY_TO {id: 'fx-party', source: 'fx'}]->(:Entity:Agreement {id: 'fx-agreement',
                       name: 'Fx review agreement', kind: 'trade-agreement', signed: '2020-05', reviewIntervalYears: 3,
                       source: 'fx'})
            """;

    /**
     * Malta: a buyer whose supply is mostly its own sites. It owns 40% of a Peruvian mine producing 1,000 t a year
     * (400 t), holds 80% of a subsidiary owning half of a Bolivian mine of 2,000 t capacity (800 t), operates an
     * Ecuadorian mine with no stated stake (unknown volume), and buys 600 t a year from fx-supplier-1 (Peru).
     */
    static final String HOLDINGS = """
            MATCH (mt:Country {id: 'MT'}), (pe:Country {id: 'PE'}), (bo:Country {id: 'BO'}),
                  (ec:Country {id: 'EC'}), (m:Mineral {id: 'fx-testium'}), (s1:Company {id: 'fx-supplier-1'})
            CREATE (t:Entity:Product {id: 'fx-testium-concentrate', name: 'Testium concentrate', source: 'fx'})
                       -[:FORM_OF {id: 'fx-form-of', source: 'fx'}]->(m),
                   (h:Entity:Company {id: 'fx-holder', name: 'fx-holder', source: 'fx'})
                       -[:HEADQUARTERED_IN {id: 'fx-hq-fx-holder', source: 'fx'}]->(mt),
                   (sub:Entity:Company {id: 'fx-holder-sub', name: 'fx-holder-sub', source: 'fx'})
                       -[:SUBSIDIARY_OF {id: 'fx-holder-sub-of', stakePct: 80.0, source: 'fx'}]->(h),
                   (h1:Entity:Mine {id: 'fx-mine-h1', name: 'fx-mine-h1', source: 'fx'})
                       -[:LOCATED_IN {id: 'fx-in-h1', source: 'fx'}]->(pe),
                   (h2:Entity:Mine {id: 'fx-mine-h2', name: 'fx-mine-h2', source: 'fx'})
                       -[:LOCATED_IN {id: 'fx-in-h2', source: 'fx'}]->(bo),
                   (h3:Entity:Mine {id: 'fx-mine-h3', name: 'fx-mine-h3', source: 'fx'})
                       -[:LOCATED_IN {id: 'fx-in-h3', source: 'fx'}]->(ec),
                   (h)-[:OWNS {id: 'fx-owns-h1', stakePct: 40.0, source: 'fx'}]->(h1),
                   (sub)-[:OWNS {id: 'fx-owns-h2', stakePct: 50.0, source: 'fx'}]->(h2),
                   (h)-[:OPERATES {id: 'fx-operates-h3', source: 'fx'}]->(h3),
                   (h1)-[:PRODUCES {id: 'fx-produces-h1', tonnesPerYear: 1000, source: 'fx'}]->(t),
                   (h2)-[:PRODUCES {id: 'fx-produces-h2', capacityTonnesPerYear: 2000, source: 'fx'}]->(t),
                   (h3)-[:PRODUCES {id: 'fx-produces-h3', tonnesPerYear: 300, source: 'fx'}]->(t),
                   (h)-[:OFFTAKE {id: 'fx-offtake-holder', tonnesPerYear: 600, product: 'fx-testium',
                       source: 'fx'}]->(s1)
            """;

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    Api api;

    @BeforeAll
    void writeFixture() {
        List<Map<String, Object>> offtakes = new ArrayList<>();
        offtakes.add(offtake("fx-buyer-a", "fx-supplier-1", Map.of("tonnesPerYear", 1000)));
        offtakes.add(offtake("fx-buyer-a", "fx-supplier-2", Map.of("tonnesPerYear", 3000)));
        offtakes.add(offtake("fx-buyer-b", "fx-supplier-2", Map.of("sharePct", 10)));
        offtakes.add(offtake(
                "fx-buyer-b", "fx-mine-3", Map.of("tonnesPerYear", 500, "startDate", "2020", "endDate", "2026-03")));
        offtakes.add(offtake("fx-buyer-c", "fx-mine-4", Map.of("tonnesPerYear", 200)));
        for (int i = 1; i <= 5; i++) {
            offtakes.add(offtake("fx-buyer-d", "fx-mine-d" + i, Map.of("tonnesPerYear", 100)));
        }
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                tx.run(FIXTURE).consume();
                tx.run(DEALS, Map.of("offtakes", offtakes)).consume();
                tx.run(OWNERSHIP_AND_REVIEW).consume();
                tx.run(HOLDINGS).consume();
                // Agreements whose review never falls due: no cycle (0 years), or no longer in force.
                tx.run("""
                        MATCH (g:Government {id: 'fx-gov-is'})
                        CREATE (g)-[:PARTY_TO {id: 'fx-party-zero', source: 'fx'}]->(:Entity:Agreement {id:
                                   'fx-agreement-zero', name: 'Fx agreement without a cycle', signed: '2020-05',
                                   reviewIntervalYears: 0, source: 'fx'}),
                               (g)-[:PARTY_TO {id: 'fx-party-ended', source: 'fx'}]->(:Entity:Agreement {id:
                                   'fx-agreement-ended', name: 'Fx agreement that ended', signed: '2015-01',
                                   validTo: '2020-12', reviewIntervalYears: 1, source: 'fx'})
                        """).consume();
                // A production figure without a usable world total: not a division by zero, no figures.
                tx.run(
                                "MATCH (pe:Country {id: 'PE'}), (m:Mineral {id: 'fx-testium'}) CREATE (pe)-[:PRODUCES {id:"
                                        + " 'fx-production', tonnes: 5, worldTotalTonnes: 0, year: 2024, unit: 't', source: 'fx'}]->(m)")
                        .consume();
            });
        }
    }

    private static Map<String, Object> offtake(String from, String to, Map<String, Object> properties) {
        return Map.of("from", from, "to", to, "properties", properties);
    }

    @AfterAll
    void removeFixture() {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(
                    tx -> tx.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'fx-' DETACH DELETE n")
                            .consume());
        }
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    // --- concentration -------------------------------------------------------------------------------------------

    @Test
    void worldConcentrationOfCobaltAndLithiumFromTheUsgsFigures() throws Exception {
        Api.Response cobalt = api.get("/api/concentration?mineral=cobalt");
        assertThat(cobalt.status()).isEqualTo(200);
        assertThat(cobalt.at("/scope").asString()).isEqualTo("world");
        assertThat(Math.round(cobalt.at("/concentration/hhi").asDouble())).isEqualTo(5867);
        assertThat(cobalt.at("/concentration/band").asString()).isEqualTo("high");
        assertThat(cobalt.at("/concentration/cr1").asDouble()).isCloseTo(100.0 * 220_000 / 290_000, within(0.005));
        assertThat(cobalt.at("/vintage").asString()).isEqualTo("2024e");
        assertThat(cobalt.at("/source").asString()).startsWith("usgs-mcs-2025");
        assertThat(cobalt.at("/year").asLong()).isEqualTo(2024);
        assertThat(cobalt.at("/shares/0/country/id").asString()).isEqualTo("CD");
        assertThat(cobalt.at("/shares/0/evidence/type").asString()).isEqualTo("PRODUCES");
        assertThat(cobalt.get("shares"))
                .hasSize(ConcentrationTest.sharesFromCsv("cobalt").size());
        assertThat(cobalt.get("notes").toString())
                .contains("countries the source names")
                .contains("share of the published world total");

        Api.Response lithium = api.get("/api/concentration?mineral=Lithium");
        assertThat(Math.round(lithium.at("/concentration/hhi").asDouble())).isEqualTo(2215);
        // Highly concentrated by the 2023 U.S. Merger Guidelines (above 1,800); moderately by the 2010 ones.
        assertThat(lithium.at("/concentration/band").asString()).isEqualTo("high");
        assertThat(lithium.at("/concentration/bandRule").asString()).startsWith("HHI 2,215: highly concentrated");
        assertThat(api.get("/api/concentration?mineral=lithium&bands=2010")
                        .at("/concentration/band")
                        .asString())
                .isEqualTo("moderate");
        assertThat(lithium.at("/concentration/cr3").asDouble()).isCloseTo(100.0 * (88 + 49 + 41) / 240, within(0.005));

        // No figures before the vintage's year.
        Api.Response before = api.get("/api/concentration?mineral=cobalt&asOf=2023-12-31");
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.at("/parameter").asString()).isEqualTo("asOf");
    }

    @Test
    void koreanLithiumContractsByOriginCountTheSameContractOnceAndListUnknownVolumesApart() {
        Api.Response r = api.get("/api/concentration?mineral=lithium&buyerCountry=KR&basis=origin&asOf=2027-01-01");
        assertThat(r.status()).isEqualTo(200);
        // LGES - Liontown, up to 150,000 t/yr from Kathleen Valley (Western Australia; more-facts.json).
        // SK On - Lake Resources, 25,000 t/yr from Kachi (Argentina): the seed article's account and Mining Weekly's
        // are one contract. LGES - Avalon: 55,000 t over 2025..2035, 11 years: 5,000 t/yr (Ontario, Canada).
        assertThat(r.texts("shares", "/country/id")).containsExactly("AU", "AR", "CA");
        assertThat(r.at("/shares/0/tonnes").asDouble()).isEqualTo(150_000);
        assertThat(r.at("/shares/1/tonnes").asDouble()).isEqualTo(25_000);
        assertThat(r.at("/shares/2/tonnes").asDouble()).isEqualTo(5_000);
        // 150/180, 25/180 and 5/180: (83.33)^2 + (13.89)^2 + (2.78)^2 = 7,145.1
        assertThat(r.at("/concentration/hhi").asDouble()).isCloseTo(7145.1, within(0.05));
        assertThat(r.at("/concentration/band").asString()).isEqualTo("high");
        JsonNode skOn = r.get("contracts")
                .valueStream()
                .filter(c -> c.at("/buyer/id").asString().equals("sk-on"))
                .findFirst()
                .orElseThrow();
        assertThat(skOn.at("/deal/properties/source").asString()).isEqualTo("seed-article");
        assertThat(skOn.at("/otherAccounts/0/to").asString()).isEqualTo("kachi");
        // Unknown volumes are not dropped silently: two contracts, and three holdings (POSCO's own project, whose
        // stake the article does not state; SK On's 10% of Kachi through Lake Resources and LGES's stake in Green
        // Technology Metals, operator of Seymour, whose output the graph does not state).
        assertThat(r.get("notCounted")
                        .valueStream()
                        .filter(e -> e.at("/contract/kind").asString().equals("contract"))
                        .map(e -> e.at("/contract/supplier/id").asString())
                        .toList())
                .containsExactlyInAnyOrder("green-technology-metals", "snow-lake-resources");
        assertThat(r.get("notCounted")
                        .valueStream()
                        .filter(e -> e.at("/contract/kind").asString().equals("holding"))
                        .map(e -> e.at("/contract/buyer/id").asString() + " "
                                + e.at("/contract/sites/0/site/id").asString())
                        .toList())
                .containsExactlyInAnyOrder(
                        "posco-holdings posco-argentina-lithium-project",
                        // more-facts.json: POSCO Argentina, wholly POSCO's, runs the Güemes hydroxide plant (its
                        // capacity is stated, POSCO's share of the output is not).
                        "posco-holdings posco-guemes-lithium-hydroxide-plant",
                        "sk-on kachi",
                        "lg-energy-solution seymour");
        assertThat(r.get("notCounted").toString())
                .contains("25% of the supplier's output")
                .contains("200,000 over no stated term");

        // In the first two years SK On's framework is 15,000 t/yr: 150/170, 15/170, 5/170: 7,872.0.
        Api.Response early = api.get("/api/concentration?mineral=lithium&buyerCountry=KR&asOf=2025-06-01");
        assertThat(early.at("/basis").asString()).isEqualTo("origin");
        assertThat(early.at("/shares/1/tonnes").asDouble()).isEqualTo(15_000);
        assertThat(early.at("/concentration/hhi").asDouble()).isCloseTo(7872.0, within(0.05));

        // By domicile the same volumes sit with Lake Resources in Australia.
        Api.Response domicile =
                api.get("/api/concentration?mineral=lithium&buyerCountry=KR&basis=domicile" + "&asOf=2027-01-01");
        assertThat(domicile.texts("shares", "/country/id")).containsExactly("AU", "CA");
    }

    @Test
    void aFixtureCountrysSourcingConcentration() {
        // Iceland: Peru 1,000 + 500, Bolivia 3,000, Ecuador 200 of 4,700; fx-buyer-b's 10% share is unknown volume.
        Api.Response r = api.get("/api/concentration?mineral=fx-testium&buyerCountry=IS");
        assertThat(r.texts("shares", "/country/id")).containsExactly("BO", "PE", "EC");
        double expected =
                Math.pow(100.0 * 3000 / 4700, 2) + Math.pow(100.0 * 1500 / 4700, 2) + Math.pow(100.0 * 200 / 4700, 2);
        assertThat(r.at("/concentration/hhi").asDouble()).isCloseTo(expected, within(0.05));
        assertThat(r.texts("notCounted", "/contract/buyer/id")).containsExactly("fx-buyer-b");
        // Liechtenstein: five equal sources, 5 * 20^2 = 2,000.
        Api.Response li = api.get("/api/concentration?mineral=fx-testium&buyerCountry=LI");
        assertThat(li.at("/concentration/hhi").asDouble()).isEqualTo(2000.0);
        assertThat(li.at("/concentration/band").asString()).isEqualTo("high");
        assertThat(li.at("/concentration/bandRule").asString())
                .isEqualTo("HHI 2,000: highly concentrated (above 1,800; 2023 U.S. Merger Guidelines)");
        Api.Response li2010 = api.get("/api/concentration?mineral=fx-testium&buyerCountry=LI&bands=2010");
        assertThat(li2010.at("/concentration/band").asString()).isEqualTo("moderate");
        assertThat(li2010.at("/concentration/bands").asString()).isEqualTo("2010");
        Api.Response badBands = api.get("/api/concentration?mineral=fx-testium&buyerCountry=LI&bands=2020");
        assertThat(badBands.status()).isEqualTo(400);
        assertThat(badBands.at("/parameter").asString()).isEqualTo("bands");
    }

    @Test
    void ownedOperatedAndHeldSitesCountAsSupplyInBuyerConcentration() {
        // Peru 400 (held) + 600 (contract), Bolivia 0.8 * 0.5 * 2,000 = 800 (held down the subsidiary): of 1,800.
        Api.Response r = api.get("/api/concentration?mineral=fx-testium&buyerCountry=MT");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.texts("shares", "/country/id")).containsExactly("PE", "BO");
        assertThat(r.at("/shares/0/tonnes").asDouble()).isCloseTo(1000, within(1e-9));
        assertThat(r.at("/shares/1/tonnes").asDouble()).isCloseTo(800, within(1e-9));
        double expected = Math.pow(100.0 * 1000 / 1800, 2) + Math.pow(100.0 * 800 / 1800, 2);
        assertThat(r.at("/concentration/hhi").asDouble()).isCloseTo(expected, within(0.05));
        JsonNode bolivia = r.get("contracts")
                .valueStream()
                .filter(c -> c.at("/sites/0/site/id").asString().equals("fx-mine-h2"))
                .findFirst()
                .orElseThrow();
        assertThat(bolivia.get("kind").asString()).isEqualTo("holding");
        assertThat(bolivia.get("stakePct").asDouble()).isCloseTo(40.0, within(1e-9));
        assertThat(bolivia.get("volume").asString())
                .isEqualTo("40% of fx-mine-h2 x capacityTonnesPerYear 2,000 (fx-produces-h2)");
        assertThat(r.texts("contracts", "/kind")).containsExactlyInAnyOrder("contract", "holding", "holding");
        // Operated with no stated stake: listed, not counted, and the reason says why.
        assertThat(r.texts("notCounted", "/contract/sites/0/site/id")).containsExactly("fx-mine-h3");
        assertThat(r.at("/notCounted/0/reason").asString())
                .isEqualTo("volume unknown: fx-holder operates fx-mine-h3 with no stated stake (fx-operates-h3)");
    }

    @Test
    void removingACountryTakesTheSitesABuyerHoldsThere() {
        Api.Response r = disrupt("""
                {"remove": {"countries": ["PE"]}, "mineral": "fx-testium", "buyerCountry": "MT", "basis": "origin"}""");
        assertThat(r.status()).isEqualTo(200);
        JsonNode holder = buyer(r, "fx-holder");
        assertThat(holder.get("tonnesPerYearLost").asDouble()).isCloseTo(1000, within(1e-9));
        assertThat(holder.get("knownTonnesPerYear").asDouble()).isCloseTo(1800, within(1e-9));
        assertThat(holder.get("lost")
                        .valueStream()
                        .map(h -> h.at("/contract/kind").asString())
                        .toList())
                .containsExactlyInAnyOrder("contract", "holding");
        assertThat(r.get("summary").toString())
                .contains("fx-holder loses 2 of 4 supplies (1 contract(s), 3"
                        + " holding(s)): 1,000 of 1,800 t/yr known");
    }

    // --- ownership -----------------------------------------------------------------------------------------------

    @Test
    void effectiveOwnershipOnTheFixture() {
        Api.Response a = api.get("/api/ownership/fx-own-a");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.at("/direction").asString()).isEqualTo("holdings");
        assertThat(a.texts("stakes", "/node/id")).containsExactly("fx-own-b", "fx-own-c");
        assertThat(a.at("/stakes/1/effectivePct").asDouble()).isCloseTo(40.0, within(1e-9));
        assertThat(a.at("/stakes/1/directPct").asDouble()).isEqualTo(10.0);
        assertThat(a.at("/stakes/1/paths").size()).isEqualTo(2);
        assertThat(a.at("/stakes/1/paths/0/relationships/0/properties/source").asString())
                .isEqualTo("fx");
        assertThat(a.get("control")).isEmpty();

        Api.Response c = api.get("/api/ownership/fx-own-c?direction=owners");
        assertThat(c.texts("stakes", "/node/id")).containsExactly("fx-own-b", "fx-own-a");
        assertThat(c.texts("control", "/controller/id")).containsExactly("fx-own-b");
    }

    @Test
    void seedOwnershipKachiIsHeldThroughLakeResourcesSubsidiary() {
        Api.Response r = api.get("/api/ownership/kachi?direction=owners");
        // Morena del Valle owns Kachi 100% and is Lake's 100% subsidiary; SK On holds 10% of Lake: 10% of Kachi.
        assertThat(r.texts("stakes", "/node/id"))
                .containsExactly("lake-resources", "morena-del-valle-minerals", "sk-on");
        assertThat(r.at("/stakes/2/effectivePct").asDouble()).isCloseTo(10.0, within(1e-9));
        assertThat(r.texts("control", "/controller/id"))
                .containsExactlyInAnyOrder("lake-resources", "morena-del-valle-minerals");
        // The supplementary account of SK On's 10% is listed, not added.
        assertThat(r.texts("otherAccounts", "/properties/source")).containsExactly("creamermedia-kachi-2022-10-14");
    }

    // --- disruption ----------------------------------------------------------------------------------------------

    private Api.Response disrupt(String body) {
        return api.post("/api/scenarios/disruption", "application/json", body);
    }

    private static JsonNode buyer(Api.Response r, String id) {
        return r.get("buyers")
                .valueStream()
                .filter(b -> b.at("/buyer/id").asString().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among " + r.get("buyers")));
    }

    @Test
    void removingACountryOfOriginTakesTheContractsWhoseSitesAreAllThere() {
        Map<String, Object> before = new Cypher(driver).census();
        Api.Response r = disrupt("""
                {"remove": {"countries": ["PE"], "companies": [], "facilities": []},
                 "mineral": "fx-testium", "buyerCountry": "IS", "basis": "origin"}""");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.texts("buyers", "/buyer/id")).containsExactlyInAnyOrder("fx-buyer-a", "fx-buyer-b");
        JsonNode a = buyer(r, "fx-buyer-a");
        assertThat(a.get("tonnesPerYearLost").asDouble()).isEqualTo(1000);
        assertThat(a.get("knownTonnesPerYear").asDouble()).isEqualTo(4000);
        assertThat(a.get("shareOfKnownSupplyLostPct").asDouble()).isEqualTo(25.0);
        assertThat(a.get("tonnesPerYearRemaining").asDouble()).isEqualTo(3000);
        assertThat(a.at("/lost/0/contract/supplier/id").asString()).isEqualTo("fx-supplier-1");
        JsonNode b = buyer(r, "fx-buyer-b");
        assertThat(b.get("shareOfKnownSupplyLostPct").asDouble()).isEqualTo(100.0);
        assertThat(b.at("/remaining/0/supplier/id").asString()).isEqualTo("fx-supplier-2");
        assertThat(r.texts("unaffected", "/id")).containsExactly("fx-buyer-c");
        // Read-only.
        assertThat(new Cypher(driver).census()).isEqualTo(before);
    }

    @Test
    void removingASupplierCountryOnTheDomicileBasisOrACompanyOrASite() {
        Api.Response domicile = disrupt("""
                {"remove": {"countries": ["CL"]}, "mineral": "fx-testium", "buyerCountry": "IS", "basis": "domicile"}""");
        assertThat(buyer(domicile, "fx-buyer-a")
                        .get("shareOfKnownSupplyLostPct")
                        .asDouble())
                .isEqualTo(100.0);
        JsonNode b = buyer(domicile, "fx-buyer-b");
        assertThat(b.get("lostWithUnknownVolume").asInt()).isEqualTo(1);
        assertThat(b.get("tonnesPerYearLost").asDouble()).isEqualTo(0);
        assertThat(b.get("shareOfKnownSupplyLostPct").asDouble()).isEqualTo(0.0);

        Api.Response company = disrupt("""
                {"remove": {"companies": ["fx-supplier-2"]}, "mineral": "fx-testium", "buyerCountry": "IS"}""");
        assertThat(buyer(company, "fx-buyer-a").get("shareOfKnownSupplyLostPct").asDouble())
                .isEqualTo(75.0);
        assertThat(buyer(company, "fx-buyer-b").get("lostWithUnknownVolume").asInt())
                .isEqualTo(1);

        Api.Response site = disrupt("""
                {"remove": {"facilities": ["fx-mine-2"]}, "mineral": "fx-testium", "buyerCountry": "IS"}""");
        assertThat(buyer(site, "fx-buyer-a").get("tonnesPerYearLost").asDouble())
                .isEqualTo(3000);
        assertThat(site.get("summary").toString()).contains("fx-buyer-a loses 1 of 2 contract(s): 3,000 of 4,000 t/yr");
    }

    @Test
    void theArticlesScenarioArgentinaOutForKoreanLithium() {
        Api.Response r = disrupt("""
                {"remove": {"countries": ["AR"]}, "mineral": "lithium", "buyerCountry": "KR", "basis": "origin",
                 "asOf": "2027-01-01"}""");
        // POSCO Holdings has no contract but its own Argentine project (stake not stated: unknown volume); SK On
        // loses its Kachi offtake and its 10% of Kachi through Lake Resources (Kachi's output not stated).
        assertThat(r.texts("buyers", "/buyer/id")).containsExactly("posco-holdings", "sk-on");
        // (more-facts.json adds the Güemes hydroxide plant its subsidiary POSCO Argentina runs, fed from the salar.)
        assertThat(buyer(r, "posco-holdings")
                        .get("lost")
                        .valueStream()
                        .map(l -> l.at("/contract/kind").asString()))
                .containsOnly("holding");
        assertThat(buyer(r, "posco-holdings")
                        .get("lost")
                        .valueStream()
                        .map(l -> l.at("/contract/sites/0/site/id").asString()))
                .containsExactlyInAnyOrder("posco-argentina-lithium-project", "posco-guemes-lithium-hydroxide-plant");
        assertThat(buyer(r, "posco-holdings").get("lostWithUnknownVolume").asInt())
                .isEqualTo(2);
        assertThat(buyer(r, "sk-on").get("tonnesPerYearLost").asDouble()).isEqualTo(25_000);
        assertThat(buyer(r, "sk-on")
                        .get("lost")
                        .valueStream()
                        .map(h -> h.at("/contract/kind").asString())
                        .toList())
                .containsExactly("contract", "holding");
        assertThat(buyer(r, "sk-on").at("/lost/0/reason").asString()).contains("Kachi");
        assertThat(buyer(r, "sk-on").at("/lost/1/contract/stakePct").asDouble()).isCloseTo(10.0, within(1e-9));
        assertThat(r.texts("unaffected", "/id")).containsExactly("lg-energy-solution");
    }

    // --- alerts --------------------------------------------------------------------------------------------------

    private static List<String> kinds(Api.Response r, String subject) {
        List<String> kinds = new ArrayList<>();
        r.get("alerts").forEach(a -> {
            if (a.at("/subject/id").asString().equals(subject)) {
                kinds.add(a.get("severity").asString() + " " + a.get("kind").asString());
            }
        });
        return kinds;
    }

    @Test
    void everyAlertKindOnTheFixtureTriggeredAndNot() {
        Api.Response r = api.get("/api/alerts?country=IS&asOf=2025-06-01");
        assertThat(r.status()).isEqualTo(200);
        // fx-buyer-c: one contract, with a mine in Ecuador: one supplier and one origin country.
        assertThat(kinds(r, "fx-buyer-c"))
                .containsExactlyInAnyOrder("high single-supplier", "high single-origin-country");
        // fx-buyer-a: two suppliers in Peru and Bolivia: nothing.
        assertThat(kinds(r, "fx-buyer-a")).isEmpty();
        // fx-buyer-b: its mine-3 contract ends 2026-03-31, ten months on.
        assertThat(kinds(r, "fx-buyer-b")).containsExactly("medium contract-ending");
        // Iceland's sourcing: HHI 5,111 by origin.
        assertThat(kinds(r, "IS")).containsExactly("high sourcing-concentration");
        // The agreement, reviewed every three years from May 2020: next on 2026-05-01.
        assertThat(kinds(r, "fx-agreement")).containsExactly("low agreement-review");
        assertThat(r.get("alerts").toString()).contains("2026-05-01");
        assertThat(kinds(r, "fx-agreement-zero")).isEmpty();
        assertThat(kinds(r, "fx-agreement-ended")).isEmpty();

        Api.Response urgent = api.get("/api/alerts?country=IS&asOf=2026-02-01");
        assertThat(kinds(urgent, "fx-buyer-b")).containsExactly("high contract-ending");
        Api.Response early = api.get("/api/alerts?country=IS&asOf=2024-01-01");
        assertThat(kinds(early, "fx-buyer-b")).isEmpty();
        assertThat(kinds(early, "fx-agreement")).isEmpty();
        // Once that contract has ended, fx-buyer-b has one supplier left, in Bolivia.
        Api.Response ended = api.get("/api/alerts?country=IS&asOf=2026-04-01");
        assertThat(kinds(ended, "fx-buyer-b"))
                .containsExactlyInAnyOrder("high single-supplier", "high single-origin-country");

        // Liechtenstein: five suppliers in five countries, HHI 2,000: highly concentrated by the 2023 guidelines
        // (above 1,800), and nothing else to warn of.
        Api.Response li = api.get("/api/alerts?country=LI&asOf=2025-06-01");
        assertThat(li.get("alerts")).hasSize(1);
        assertThat(kinds(li, "LI")).containsExactly("high sourcing-concentration");
        assertThat(li.get("alerts").get(0).get("facts").toString()).contains("HHI 2000.0");
    }

    @Test
    void koreaAndJapanOnTheSeedData() {
        Api.Response kr = api.get("/api/alerts?country=KR&asOf=2025-06-01");
        assertThat(kinds(kr, "sk-on")).containsExactlyInAnyOrder("high single-supplier", "high single-origin-country");
        // (LG Energy Solution's lithium now comes from Canada and, through Liontown's Kathleen Valley, Australia:
        // no single origin country.)
        assertThat(kinds(kr, "lg-energy-solution"))
                .containsExactlyInAnyOrder("high single-supplier", "medium contract-ending");
        assertThat(kinds(kr, "korea-rare-metals-strategy-2")).containsExactly("medium stockpile-target");
        assertThat(kr.get("alerts").toString())
                .contains("100 days")
                .contains("up from 57")
                .contains("Electra")
                .contains("2025-12-31");
        assertThat(kinds(kr, "japan-us-critical-minerals-agreement-2023")).isEmpty();

        // Japan-US: reviewed every two years from October 2023.
        Api.Response jp = api.get("/api/alerts?country=JP&asOf=2025-06-01");
        assertThat(kinds(jp, "japan-us-critical-minerals-agreement-2023")).containsExactly("low agreement-review");
        assertThat(jp.get("alerts").toString()).contains("2025-10-01");
        assertThat(kinds(jp, "korea-rare-metals-strategy-2")).isEmpty();
        Api.Response jpLater = api.get("/api/alerts?country=JP&asOf=2025-10-02");
        assertThat(jpLater.get("alerts").toString())
                .doesNotContain("2025-10-01")
                .doesNotContain("2027-10-01");
    }

    // --- asOf on the exposure endpoints ---------------------------------------------------------------------------

    @Test
    void asOfCountsOnlyRelationshipsInForce() {
        // The two sources' accounts of Electra's cobalt for LG Energy Solution: 2023 for three years (the article),
        // 2023 to 2025 (the Globe and Mail). A forum's undated "up to 80%" of the refinery counts on every day.
        String electra = "/api/exposure?buyerCountry=KR&mineral=cobalt&sourceCountry=CA&basis=domicile&asOf=";
        List<String> accounts = List.of(
                "OFFTAKE:lg-energy-solution:electra:seed-article",
                "OFFTAKE:lg-energy-solution:electra:theglobeandmail-electra-lg-contract");
        assertThat(api.get(electra + "2022-12-31").texts("dependencies", "/deal/properties/id"))
                .doesNotContainAnyElementsOf(accounts);
        assertThat(api.get(electra + "2023-01-01").texts("dependencies", "/deal/properties/id"))
                .containsAll(accounts);
        assertThat(api.get(electra + "2025-12-31").texts("dependencies", "/deal/properties/id"))
                .containsAll(accounts);
        assertThat(api.get(electra + "2026-01-01").texts("dependencies", "/deal/properties/id"))
                .doesNotContainAnyElementsOf(accounts)
                .containsExactly("OFFTAKE:lg-energy-solution:electra-refinery:stockhouse-bullboard-35873794");
        assertThat(api.get(electra + "2026-01-01").get("asOf").asString()).isEqualTo("2026-01-01");

        // The article's account of the stake in Green Technology Metals dates it September 2023; the press
        // release's account carries no date, and a relationship without dates counts on every day.
        String gtm = "/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU&basis=domicile&asOf=";
        String articles = "INVESTS_IN:lg-energy-solution:green-technology-metals:seed-article";
        assertThat(api.get(gtm + "2023-08-31").texts("dependencies", "/deal/properties/id"))
                .doesNotContain(articles)
                .contains("INVESTS_IN:lg-energy-solution:green-technology-metals:lgensol-press-release-1749");
        assertThat(api.get(gtm + "2023-09-01").texts("dependencies", "/deal/properties/id"))
                .contains(articles);
    }

    // --- bad input -----------------------------------------------------------------------------------------------

    @Test
    void aScenarioBodysValuesAreReadAsQueryParametersAreAndDocumentedAnchored() {
        Api.Response spaced = disrupt("{\"remove\": {\"countries\": [\" ar \"]}, \"mineral\": \" lithium\","
                + " \"buyerCountry\": \"KR \", \"basis\": \"origin \", \"asOf\": \" 2025-06-30\"}");
        assertThat(spaced.status()).as(spaced.text()).isEqualTo(200);
        assertThat(spaced.at("/scenario/countries/0").asString()).isEqualTo("AR");
        assertThat(spaced.at("/scenario/buyerCountry").asString()).isEqualTo("KR");

        Api.Response docs = api.get("/v3/api-docs");
        JsonNode request = docs.at("/components/schemas/DisruptionRequest/properties");
        assertThat(request.at("/buyerCountry/pattern").asString()).isEqualTo("^[A-Za-z]{2}$");
        assertThat(request.at("/mineral/pattern").asString()).startsWith("^").endsWith("$");
        assertThat(docs.at("/components/schemas/DisruptionRemoval/properties/countries/items/pattern")
                        .asString())
                .isEqualTo("^[A-Za-z]{2}$");
    }

    @Test
    void aScenarioWithSeveralBadFieldsNamesEveryOne() {
        Api.Response values = disrupt("{\"remove\": {\"countries\": [\"AU\", \"AUS\"], \"companies\": [\"no id!\"]},"
                + " \"mineral\": \"lith ium\", \"buyerCountry\": \"Korea\", \"basis\": \"any\","
                + " \"asOf\": \"2025-6-1\"}");
        assertThat(values.status()).isEqualTo(400);
        assertThat(values.texts("errors", "/parameter"))
                .containsExactly(
                        "asOf", "basis", "buyerCountry", "mineral", "remove.companies[0]", "remove.countries[1]");
        assertThat(values.at("/parameter").asString()).isEqualTo("asOf");
        assertThat(values.at("/detail").asString())
                .isEqualTo("Field 'asOf' must be a date written YYYY-MM-DD, such as 2025-06-30, not '2025-6-1'."
                        + " (and 5 more)");
        assertThat(values.texts("errors", "/value")).contains("AUS", "no id!", "Korea");

        Api.Response shape = disrupt(
                "{\"remove\": {\"countries\": \"AU\", \"facilities\": [7]}," + " \"mineral\": 5, \"extra\": true}");
        assertThat(shape.status()).isEqualTo(400);
        assertThat(shape.texts("errors", "/parameter"))
                .containsExactly("extra", "mineral", "remove.countries", "remove.facilities[0]");
        assertThat(shape.texts("errors", "/detail"))
                .contains(
                        "Field 'mineral' must be a string, not 5.",
                        "Field 'remove.facilities[0]' must be a string, not 7.");

        Api.Response missing = disrupt("{\"remove\": {\"countries\": []}}");
        assertThat(missing.texts("errors", "/parameter")).containsExactly("buyerCountry", "mineral", "remove");
        Api.Response empty =
                disrupt("{\"remove\": {\"countries\": []}, \"mineral\": \"lithium\", \"buyerCountry\": \"KR\","
                        + " \"asOf\": \"2025-02-30\"}");
        assertThat(empty.texts("errors", "/parameter")).containsExactly("remove", "asOf");
    }

    @Test
    void badInputIsAProblemThatNamesTheField() {
        record Case(String method, String path, String body, int status, String parameter) {}
        List<Case> cases = List.of(
                new Case("GET", "/api/concentration", null, 400, "mineral"),
                new Case("GET", "/api/concentration?mineral=unobtainium", null, 404, "mineral"),
                new Case("GET", "/api/concentration?mineral=tungsten", null, 404, "mineral"),
                new Case("GET", "/api/concentration?mineral=fx-testium", null, 404, "mineral"),
                new Case("GET", "/api/concentration?mineral=cobalt&basis=origin", null, 400, "basis"),
                new Case("GET", "/api/concentration?mineral=cobalt&buyerCountry=KR&basis=both", null, 400, "basis"),
                new Case("GET", "/api/concentration?mineral=cobalt&buyerCountry=Korea", null, 400, "buyerCountry"),
                new Case("GET", "/api/concentration?mineral=cobalt&buyerCountry=XX", null, 404, "buyerCountry"),
                new Case("GET", "/api/concentration?mineral=cobalt&asOf=2025-02-30", null, 400, "asOf"),
                new Case("GET", "/api/ownership/sk-on?direction=sideways", null, 400, "direction"),
                new Case("GET", "/api/ownership/no-such-company", null, 404, "id"),
                new Case("GET", "/api/alerts?country=K", null, 400, "country"),
                new Case("GET", "/api/alerts?country=XX", null, 404, "country"),
                new Case("GET", "/api/alerts?asOf=yesterday", null, 400, "asOf"),
                new Case("GET", "/api/companies/sk-on/dependencies?asOf=2025-6-1", null, 400, "asOf"),
                new Case("POST", "/api/scenarios/disruption", "[]", 400, "body"),
                new Case(
                        "POST",
                        "/api/scenarios/disruption",
                        "{\"mineral\": \"lithium\", \"buyerCountry\": \"KR\"}",
                        400,
                        "remove"),
                new Case(
                        "POST",
                        "/api/scenarios/disruption",
                        "{\"remove\": {}, \"mineral\": \"lithium\"," + " \"buyerCountry\": \"KR\"}",
                        400,
                        "remove"),
                new Case(
                        "POST",
                        "/api/scenarios/disruption",
                        "{\"remove\": {\"countrys\": [\"AU\"]},"
                                + " \"mineral\": \"lithium\", \"buyerCountry\": \"KR\"}",
                        400,
                        "remove.countrys"),
                new Case(
                        "POST",
                        "/api/scenarios/disruption",
                        "{\"remove\": {\"countries\": [\"AU\", \"AUS\"]},"
                                + " \"mineral\": \"lithium\", \"buyerCountry\": \"KR\"}",
                        400,
                        "remove.countries[1]"),
                new Case(
                        "POST",
                        "/api/scenarios/disruption",
                        "{\"remove\": {\"countries\": \"AU\"},"
                                + " \"mineral\": \"lithium\", \"buyerCountry\": \"KR\"}",
                        400,
                        "remove.countries"),
                new Case(
                        "POST",
                        "/api/scenarios/disruption",
                        "{\"remove\": {\"companies\": [\"sk-on\", 7]},"
                                + " \"mineral\": \"lithium\", \"buyerCountry\": \"KR\"}",
                        400,
                        "remove.companies[1]"),
                new Case(
                        "POST",
                        "/api/scenarios/disruption",
                        "{\"remove\": {\"companies\": [\"nobody\"]},"
                                + " \"mineral\": \"lithium\", \"buyerCountry\": \"KR\"}",
                        422,
                        "remove.companies[0]"),
                new Case(
                        "POST",
                        "/api/scenarios/disruption",
                        "{\"remove\": {\"facilities\": [\"sk-on\"]},"
                                + " \"mineral\": \"lithium\", \"buyerCountry\": \"KR\"}",
                        422,
                        "remove.facilities[0]"),
                new Case(
                        "POST",
                        "/api/scenarios/disruption",
                        "{\"remove\": {\"countries\": [\"XX\"]},"
                                + " \"mineral\": \"lithium\", \"buyerCountry\": \"KR\"}",
                        422,
                        "remove.countries[0]"),
                new Case(
                        "POST",
                        "/api/scenarios/disruption",
                        "{\"remove\": {\"countries\": [\"AU\"]}," + " \"buyerCountry\": \"KR\"}",
                        400,
                        "mineral"),
                new Case(
                        "POST",
                        "/api/scenarios/disruption",
                        "{\"remove\": {\"countries\": [\"AU\"]},"
                                + " \"mineral\": \"kryptonite\", \"buyerCountry\": \"KR\"}",
                        422,
                        "mineral"),
                new Case(
                        "POST",
                        "/api/scenarios/disruption",
                        "{\"remove\": {\"countries\": [\"AU\"]},"
                                + " \"mineral\": \"lithium\", \"buyerCountry\": \"KR\", \"basis\": \"any\"}",
                        400,
                        "basis"),
                new Case(
                        "POST",
                        "/api/scenarios/disruption",
                        "{\"remove\": {\"countries\": [\"AU\"]},"
                                + " \"mineral\": \"lithium\", \"buyerCountry\": \"KR\", \"asOf\": 20250101}",
                        400,
                        "asOf"),
                new Case(
                        "POST",
                        "/api/scenarios/disruption",
                        "{\"remove\": {\"countries\": [\"AU\"]},"
                                + " \"mineral\": \"lithium\", \"buyerCountry\": \"KR\", \"extra\": 1}",
                        400,
                        "extra"),
                new Case("POST", "/api/scenarios/disruption", "{\"remove\": {\"countries\": [\"AU\"]", 400, "body"),
                new Case(
                        "POST",
                        "/api/scenarios/disruption",
                        "{\"remove\": {\"companies\": [\"" + "a".repeat(1_100_000)
                                + "\"]}, \"mineral\": \"lithium\", \"buyerCountry\": \"KR\"}",
                        400,
                        "body"));
        Map<String, Object> before = new Cypher(driver).census();
        for (Case c : cases) {
            Api.Response r =
                    c.method().equals("GET") ? api.get(c.path()) : api.post(c.path(), "application/json", c.body());
            assertThat(r.status()).as(c.toString()).isEqualTo(c.status());
            assertThat(r.contentType()).as(c.toString()).startsWith("application/problem+json");
            if (c.parameter() != null) {
                assertThat(r.at("/parameter").asString()).as(c + " " + r.text()).isEqualTo(c.parameter());
            }
        }
        Api.Response text = api.post("/api/scenarios/disruption", "text/plain", "remove AU");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
        assertThat(new Cypher(driver).census()).isEqualTo(before);
    }
}
