package org.mineralsupplygraph.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The facts of the seed article, the supplementary facts and the USGS figures, as the graph holds them after
 * start-up: each assertion is a figure or a relation stated in the source text.
 */
@GraphTest
@SuppressWarnings("unchecked")
class SeedDataTest {

    @Autowired
    Driver driver;

    Cypher cypher;

    @BeforeEach
    void setUp() {
        cypher = new Cypher(driver);
    }

    private Map<String, Object> node(String id) {
        return cypher.one("MATCH (n:Entity {id: $id}) RETURN n", "id", id)
                .get("n")
                .asMap();
    }

    private Map<String, Object> rel(String type, String from, String to, String source) {
        return cypher.one(
                        "MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) WHERE type(r) = $type AND r.source = $source"
                                + " RETURN r",
                        "from",
                        from,
                        "to",
                        to,
                        "type",
                        type,
                        "source",
                        source)
                .get("r")
                .asMap();
    }

    private List<String> covered(String id) {
        return cypher.one(
                        "MATCH (:Entity {id: $id})-[:COVERS]->(m:Mineral) WITH m.id AS m ORDER BY m RETURN collect(m)",
                        "id",
                        id)
                .get(0)
                .asList(Value::asString);
    }

    /** The parties the seed article names (later sources add others: more-facts.json's Huayou in Indonesia). */
    private List<String> parties(String agreement) {
        return cypher.one(
                        "MATCH (p)-[r:PARTY_TO {source: 'seed-article'}]->(:Agreement {id: $id})"
                                + " WITH p.id AS p ORDER BY p RETURN collect(p)",
                        "id",
                        agreement)
                .get(0)
                .asList(Value::asString);
    }

    // ---- Japan

    @Test
    void feftaScreensThirtyFourRareMetalsAtOnePercentSinceAugust2021() {
        Map<String, Object> p = node("japan-fefta-rare-metals-screening-2021");
        assertThat(p)
                .containsEntry("kind", "investment-screening")
                .containsEntry("announced", "2021-08")
                .containsEntry("mineralCount", 34L)
                .containsEntry("thresholdPct", 1L)
                .containsEntry("previousThresholdPct", 10L)
                .containsEntry("source", "seed-article");
        assertThat(covered("japan-fefta-rare-metals-screening-2021"))
                .containsExactly("cobalt", "indium", "lithium", "molybdenum", "rare-earths", "tungsten");
        assertThat(cypher.count(
                        "MATCH (:Government {id: 'gov-jp'})-[:ENACTED]->(:Policy {id: $id}) RETURN count(*)",
                        "id",
                        "japan-fefta-rare-metals-screening-2021"))
                .isEqualTo(1);
    }

    @Test
    void jogmecFundsMoreThanHalfOfRareEarthExplorationFromApril2021() {
        assertThat(node("japan-rare-earth-exploration-funding-2021"))
                .containsEntry("announced", "2021-04")
                .containsEntry("fundingShareAbovePct", 50L);
        assertThat(covered("japan-rare-earth-exploration-funding-2021")).containsExactly("rare-earths");
        assertThat(cypher
                        .rows("MATCH (a)-[:ENACTED]->(:Policy {id: 'japan-rare-earth-exploration-funding-2021'})"
                                + " RETURN a.id AS id ORDER BY id")
                        .stream()
                        .map(r -> r.get("id").asString()))
                .containsExactly("gov-jp", "jogmec");
    }

    @Test
    void metiSubsidisesUpToHalfOfCostsFromApril2023() {
        Map<String, Object> p = node("meti-critical-minerals-subsidy-2023");
        assertThat(p)
                .containsEntry("kind", "subsidy")
                .containsEntry("announced", "2023-04")
                .containsEntry("costShareMaxPct", 50L);
        assertThat((List<?>) p.get("conditions"))
                .anySatisfy(c -> assertThat((String) c).contains("specified quantities"));
        assertThat(covered("meti-critical-minerals-subsidy-2023")).containsExactly("lithium", "rare-earths");
    }

    @Test
    void theJpy105Point8BillionFundTargetsSixMinerals() {
        Map<String, Object> p = node("jogmec-critical-minerals-fund-2023");
        assertThat(p)
                .containsEntry("amount", 105_800_000_000L)
                .containsEntry("currency", "JPY")
                .containsEntry("amountCnyApprox", 5_400_000_000L);
        assertThat(covered("jogmec-critical-minerals-fund-2023"))
                .containsExactly("cobalt", "graphite", "lithium", "manganese", "nickel", "rare-earths");
        assertThat(cypher.count(
                        "MATCH (:Agency {id: 'jogmec'})-[:ENACTED]->(:Policy {id: $id}) RETURN count(*)",
                        "id",
                        "jogmec-critical-minerals-fund-2023"))
                .isEqualTo(1);
    }

    @Test
    void theEnvironmentMinistryPlansToDoubleRecyclingBy2030WithImportsFromSoutheastAsia() {
        Map<String, Object> p = node("japan-appliance-recycling-plan-2022");
        assertThat(p)
                .containsEntry("kind", "recycling")
                .containsEntry("announced", "2022-05")
                .containsEntry("targetMultiplier", 2L)
                .containsEntry("targetYear", 2030L);
        assertThat(cypher.count("MATCH (:Policy {id: 'japan-appliance-recycling-plan-2022'})-[:IMPORTS_FROM]->"
                        + "(:Region {id: 'southeast-asia'})<-[:PART_OF]-(c:Country) RETURN count(c)"))
                .isEqualTo(11);
        assertThat(covered("japan-appliance-recycling-plan-2022")).containsExactly("aluminium", "copper", "lithium");
        assertThat(cypher.count("MATCH (:Agency {id: 'japan-ministry-of-the-environment'})-[:ENACTED]->"
                        + "(:Policy {id: 'japan-appliance-recycling-plan-2022'}) RETURN count(*)"))
                .isEqualTo(1);
    }

    @Test
    void japanAndBrazilCooperateOnNiobiumAndGrapheneSinceJanuary2021() {
        assertThat(node("japan-brazil-niobium-graphene-cooperation-2021"))
                .containsEntry("signed", "2021-01")
                .containsEntry("kind", "cooperation-agreement");
        assertThat(parties("japan-brazil-niobium-graphene-cooperation-2021")).containsExactly("gov-br", "gov-jp");
        assertThat(covered("japan-brazil-niobium-graphene-cooperation-2021")).containsExactly("graphene", "niobium");
    }

    @Test
    void japanAndTheDrCongoSignedAJointStatementInDecember2022CoveringNoNamedMineral() {
        assertThat(node("japan-drc-joint-statement-2022"))
                .containsEntry("signed", "2022-12")
                .containsEntry("kind", "joint-statement");
        assertThat(parties("japan-drc-joint-statement-2022")).containsExactly("gov-cd", "gov-jp");
        assertThat(covered("japan-drc-joint-statement-2022")).isEmpty();
    }

    @Test
    void theJapanUsAgreementBansExportRestrictionsOnFiveMineralsAndIsReviewedEveryTwoYears() {
        Map<String, Object> a = node("japan-us-critical-minerals-agreement-2023");
        assertThat(a)
                .containsEntry("announced", "2023-10")
                .containsEntry("reviewIntervalYears", 2L)
                .containsEntry("noExportTariffs", true)
                .containsEntry("iraTaxCreditEligible", true);
        assertThat(parties("japan-us-critical-minerals-agreement-2023")).containsExactly("gov-jp", "gov-us");
        assertThat(covered("japan-us-critical-minerals-agreement-2023"))
                .containsExactly("cobalt", "graphite", "lithium", "manganese", "nickel");
        assertThat(cypher.count("MATCH (:Agreement {id: 'japan-us-critical-minerals-agreement-2023'})-[c:COVERS]->()"
                        + " WHERE c.provision <> 'no-export-restriction' RETURN count(c)"))
                .isZero();
    }

    // ---- Korea: policies and agreements

    @Test
    void koreasStrategyTwoPointZeroTargetsOneHundredDaysUpFromFiftySeven() {
        Map<String, Object> p = node("korea-rare-metals-strategy-2");
        assertThat(p)
                .containsEntry("announced", "2021-08")
                .containsEntry("stockpileTargetDays", 100L)
                .containsEntry("previousStockpileDays", 57L)
                .containsEntry("targetCompanyCount", 100L)
                .containsEntry("targetYear", 2025L);
        assertThat(covered("korea-rare-metals-strategy-2")).containsExactly("molybdenum", "rare-earths", "tungsten");
    }

    @Test
    void motieSelectsThirtyThreeMineralsAndTenStrategicOfWhichOnlyLithiumAndNickelAreNamed() {
        Map<String, Object> p = node("korea-critical-minerals-strategy-2023");
        assertThat(p)
                .containsEntry("announced", "2023-02")
                .containsEntry("mineralCount", 33L)
                .containsEntry("strategicMineralCount", 10L);
        assertThat((List<Object>) p.get("measures"))
                .contains(
                        "develop a global mineral deposit map",
                        "develop a supply-demand map for critical minerals",
                        "establish an early warning system");
        assertThat(covered("korea-critical-minerals-strategy-2023")).containsExactly("lithium", "nickel");
        assertThat(cypher.count(
                        "MATCH (:Agency {id: 'motie'})-[:ENACTED]->(:Policy {id: $id}) RETURN count(*)",
                        "id",
                        "korea-critical-minerals-strategy-2023"))
                .isEqualTo(1);
    }

    @Test
    void koreaSignedWithAustraliaInJanuary2022AndWithCanadaInSeptember2022() {
        assertThat(node("korea-australia-critical-minerals-mou-2022"))
                .containsEntry("kind", "mou")
                .containsEntry("signed", "2022-01");
        assertThat(parties("korea-australia-critical-minerals-mou-2022")).containsExactly("gov-au", "gov-kr");
        assertThat(node("korea-canada-joint-statement-2022")).containsEntry("signed", "2022-09");
        assertThat(parties("korea-canada-joint-statement-2022")).containsExactly("gov-ca", "gov-kr");
    }

    // ---- Korea: company deals

    @Test
    void poscoInvestsFourBillionDollarsInArgentineLithiumFor25ThenOneHundredKilotonnes() {
        Map<String, Object> invest =
                rel("INVESTS_IN", "posco-holdings", "posco-argentina-lithium-project", "seed-article");
        assertThat(invest).containsEntry("amountUsd", 4_000_000_000L).containsEntry("announced", "2022-03");
        assertThat(rel("PRODUCES", "posco-argentina-lithium-project", "lithium-hydroxide", "seed-article"))
                .containsEntry("initialTonnesPerYear", 25_000L)
                .containsEntry("capacityTonnesPerYear", 100_000L);
        assertThat(cypher.count(
                        "MATCH (:Mine {id: 'posco-argentina-lithium-project'})-[:LOCATED_IN]->(:Country {id: 'AR'})"
                                + " RETURN count(*)"))
                .isEqualTo(1);
    }

    @Test
    void theIndonesianConsortiumInvestsNineBillionInAChainFromMineToPack() {
        Map<String, Object> a = node("indonesia-battery-chain-investment-agreement-2022");
        assertThat(a).containsEntry("amountUsd", 9_000_000_000L).containsEntry("signed", "2022-04");
        assertThat(parties("indonesia-battery-chain-investment-agreement-2022"))
                .containsExactly(
                        "antam",
                        "ibc",
                        "korean-battery-consortium-indonesia",
                        "lg-chem",
                        "lg-energy-solution",
                        "lx-international",
                        "posco-holdings");
        Record chain = cypher.one("""
                MATCH p = (:Company {id: 'antam'})-[:OPERATES]->(:Mine)-[:FEEDS*]->(pack:Facility {kind: 'pack'})
                RETURN [n IN nodes(p) | coalesce(n.kind, '')] AS kinds,
                       all(n IN nodes(p)[1..] WHERE (n)-[:LOCATED_IN]->(:Country {id: 'ID'})) AS inIndonesia
                """);
        assertThat(chain.get("kinds").asList(Value::asString))
                .containsExactly("company", "mines", "refinery", "precursor", "cathode", "pack");
        assertThat(chain.get("inIndonesia").asBoolean()).isTrue();
        assertThat(cypher.count("MATCH (m:Company)-[:INVESTS_IN {source: 'seed-article'}]->"
                        + "(:Company {id: 'korean-battery-consortium-indonesia'})-[:INVESTS_IN]->(:Facility)"
                        + " RETURN count(DISTINCT m)"))
                .isEqualTo(4);
    }

    @Test
    void lgesBuys70000TonnesOfCobaltSulfateOverThreeYearsFromElectraFrom2023() {
        assertThat(rel("OFFTAKE", "lg-energy-solution", "electra", "seed-article"))
                .containsEntry("product", "cobalt-sulfate")
                .containsEntry("tonnesTotal", 70_000L)
                .containsEntry("termYears", 3L)
                .containsEntry("startDate", "2023")
                .containsEntry("announced", "2022-09");
    }

    @Test
    void snowlakeSupplies200000AndAvalon55000TonnesOfLithiumHydroxide() {
        assertThat(rel("OFFTAKE", "lg-energy-solution", "snow-lake-resources", "seed-article"))
                .containsEntry("product", "lithium-hydroxide")
                .containsEntry("tonnesTotal", 200_000L);
        assertThat(rel("OFFTAKE", "lg-energy-solution", "avalon-advanced-materials", "seed-article"))
                .containsEntry("product", "lithium-hydroxide")
                .containsEntry("tonnesTotal", 55_000L)
                .containsEntry("startDate", "2025")
                .containsEntry("endDate", "2035");
        assertThat(
                        cypher.count(
                                "MATCH (c:Company)-[:HEADQUARTERED_IN]->(:Country {id: 'CA'})"
                                        + " WHERE c.id IN ['electra', 'snow-lake-resources', 'avalon-advanced-materials'] RETURN count(c)"))
                .isEqualTo(3);
    }

    @Test
    void skOnTakes15000TonnesForTwoYearsThen25000FromLakeResourcesAndA10PercentStake() {
        assertThat(rel("OFFTAKE", "sk-on", "lake-resources", "seed-article"))
                .containsEntry("initialTonnesPerYear", 15_000L)
                .containsEntry("initialYears", 2L)
                .containsEntry("tonnesPerYear", 25_000L)
                .containsEntry("termYears", 5L)
                .containsEntry("optionYears", 5L)
                .containsEntry("startDate", "2024-10")
                .containsEntry("status", "framework")
                .containsEntry("announced", "2022-10");
        assertThat(rel("INVESTS_IN", "sk-on", "lake-resources", "seed-article")).containsEntry("stakePct", 10L);
    }

    @Test
    void lgesTakes789PercentOfGreenTechnologyMetalsAnd25PercentOfItsConcentrateForFiveYears() {
        assertThat(rel("INVESTS_IN", "lg-energy-solution", "green-technology-metals", "seed-article"))
                .containsEntry("stakePct", 7.89)
                .containsEntry("announced", "2023-09");
        assertThat(rel("OFFTAKE", "lg-energy-solution", "green-technology-metals", "seed-article"))
                .containsEntry("sharePct", 25L)
                .containsEntry("termYears", 5L)
                .containsEntry("product", "lithium-concentrate");
        assertThat(cypher.count("MATCH (:Company {id: 'green-technology-metals'})-[:HEADQUARTERED_IN]->"
                        + "(:Country {id: 'AU'}) RETURN count(*)"))
                .isEqualTo(1);
    }

    @Test
    void productsCountForTheirMineral() {
        assertThat(
                        cypher
                                .rows(
                                        "MATCH (p:Product)-[:FORM_OF]->(:Mineral {id: 'lithium'}) RETURN p.id AS id ORDER BY id")
                                .stream()
                                .map(r -> r.get("id").asString()))
                // lithium-carbonate and lithium-phosphate come from more-facts.json (Olaroz, POSCO in Argentina).
                .containsExactly(
                        "battery-grade-lithium",
                        "lithium-brine",
                        "lithium-carbonate",
                        "lithium-concentrate",
                        "lithium-hydroxide",
                        "lithium-phosphate",
                        "spodumene-concentrate");
    }

    // ---- supplementary facts: origin, kept apart from the article

    @Test
    void greenTechnologyMetalsOreIsInOntarioAndLakeResourcesInCatamarca() {
        assertThat(cypher.one("MATCH (:Company {id: 'green-technology-metals'})-[:OPERATES]->(m:Mine)-[l:LOCATED_IN]->"
                                + "(c:Country) RETURN m.id AS mine, c.id AS country, l.province AS province")
                        .asMap())
                .containsEntry("mine", "seymour")
                .containsEntry("country", "CA")
                .containsEntry("province", "Ontario");
        assertThat(cypher.one(
                                "MATCH (:Company {id: 'lake-resources'})<-[:SUBSIDIARY_OF]-(:Company)-[:OWNS]->(m:Mine)"
                                        + "-[l:LOCATED_IN]->(c:Country) RETURN m.id AS mine, c.id AS country, l.province AS province")
                        .asMap())
                .containsEntry("mine", "kachi")
                .containsEntry("country", "AR")
                .containsEntry("province", "Catamarca");
    }

    @Test
    void supplementaryFiguresCarryTheirOwnSources() {
        assertThat(rel("INVESTS_IN", "lg-energy-solution", "green-technology-metals", "lgensol-press-release-1749"))
                .containsEntry("amount", 20_000_000L)
                .containsEntry("currency", "AUD")
                .containsEntry("shares", 21_739_130L)
                .containsEntry("stakePct", 7.89);
        assertThat(rel("OFFTAKE", "sk-on", "kachi", "creamermedia-kachi-2022-10-14"))
                .containsEntry("tonnesPerYear", 25_000L)
                .containsEntry("sharePct", 50L);
        // 5 sources in supplementary-facts.json and 80 in more-facts.json.
        assertThat(cypher.count("MATCH (s:Source) WHERE s.kind = 'supplementary' RETURN count(s)"))
                .isEqualTo(85);
        // No supplementary fact is attributed to the article, and no seed fact to a supplementary source.
        assertThat(cypher.count("MATCH ()-[r]->() WHERE r.source = 'seed-article'"
                        + " AND r.evidence CONTAINS 'ASX' RETURN count(r)"))
                .isZero();
        assertThat(cypher.count(
                        "MATCH ()-[r]->(:Mine {id: 'seymour'}) WHERE r.source = 'seed-article' RETURN count(r)"))
                .isZero();
    }

    @Test
    void snowLakeAndAvalonProjectsAreInCanada() {
        assertThat(cypher
                        .rows("MATCH (:Company {id: 'avalon-advanced-materials'})-[:OPERATES]->(s)-[:LOCATED_IN]->"
                                + "(:Country {id: 'CA'}) RETURN s.id AS id ORDER BY id")
                        .stream()
                        .map(r -> r.get("id").asString()))
                .containsExactly("avalon-thunder-bay-refinery", "separation-rapids");
        assertThat(cypher.one("MATCH (:Mine {id: 'thompson-brothers'})-[l:LOCATED_IN]->(c:Country)"
                                + " RETURN c.id AS c, l.province AS p")
                        .asMap())
                .containsEntry("c", "CA")
                .containsEntry("p", "Manitoba");
    }

    // ---- USGS production figures

    @Test
    void usgsFiguresArePerCountryWithWorldTotalsSourceAndVintage() {
        Map<String, Object> au = rel("PRODUCES", "AU", "lithium", "usgs-mcs-2025");
        assertThat(au)
                .containsEntry("tonnes", 88_000L)
                .containsEntry("worldTotalTonnes", 240_000L)
                .containsEntry("year", 2024L)
                .containsEntry("vintage", "2024e")
                .containsEntry("unit", "t Li content");
        assertThat(rel("PRODUCES", "CD", "cobalt", "usgs-mcs-2025"))
                .containsEntry("tonnes", 220_000L)
                .hasEntrySatisfying("caveat", c -> assertThat((String) c).contains("MCS 2026"));
        assertThat(cypher.count("MATCH (:Country)-[r:PRODUCES]->(:Mineral) WHERE r.source = 'usgs-mcs-2025'"
                        + " RETURN count(r)"))
                .isEqualTo(46);
        assertThat(node("usgs-mcs-2025"))
                .containsEntry("kind", "statistics")
                .hasEntrySatisfying(
                        "urls",
                        u -> assertThat((List<Object>) u)
                                .hasSize(5)
                                .contains("https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-cobalt.pdf"));
    }

    // ---- the model's rules, over the whole graph

    @Test
    void everyRelationshipAndEveryNodeHasProvenanceThatResolves() {
        assertThat(cypher.count("MATCH ()-[r]->() WHERE r.source IS NULL OR r.evidence IS NULL RETURN count(r)"))
                .isZero();
        assertThat(cypher.count("MATCH (n:Entity) WHERE NOT n:Source AND n.source IS NULL RETURN count(n)"))
                .isZero();
        assertThat(cypher.count("MATCH ()-[r]->() WHERE NOT EXISTS { MATCH (:Source {id: r.source}) } RETURN count(r)"))
                .isZero();
        // Every node is a fact, but for the supply reach, routes and holdings derived from them
        // (cypher/queries/supply-reach-build.cypher, supply-routes-build.cypher, supply-holdings-build.cypher).
        assertThat(cypher.count("MATCH (n) WHERE NOT n:Entity AND NOT n:SupplyReach AND NOT n:SupplyReachState"
                        + " AND NOT n:SupplyRoute AND NOT n:SupplyHolding RETURN count(n)"))
                .isZero();
        assertThat(cypher.count("MATCH (n:Policy|Agreement) WHERE n.evidence IS NULL RETURN count(n)"))
                .isZero();
    }

    @Test
    void theArticleIntroducesSevenGovernmentsSixAgenciesThirteenCompaniesSevenPoliciesAndElevenAgreements() {
        Map<String, Long> byLabel = new TreeMap<>();
        cypher.rows("MATCH (n:Entity {source: 'seed-article'}) UNWIND labels(n) AS l WITH l WHERE l <> 'Entity'"
                        + " RETURN l, count(*) AS c")
                .forEach(r -> byLabel.put(r.get("l").asString(), r.get("c").asLong()));
        assertThat(byLabel)
                .containsEntry("Government", 7L)
                .containsEntry("Agency", 6L)
                .containsEntry("Company", 13L)
                .containsEntry("Policy", 7L)
                .containsEntry("Agreement", 11L)
                .containsEntry("Mineral", 13L)
                .containsEntry("Product", 8L)
                .containsEntry("Facility", 4L)
                .containsEntry("Mine", 2L)
                .doesNotContainKey("Country");
    }

    @Test
    void governmentIdsAreGovPlusTheIsoCodeOfTheCountryTheyGovern() {
        List<Record> rows = cypher.rows("MATCH (g:Government)-[:GOVERNS]->(c:Country) RETURN g.id AS g, c.id AS c");
        assertThat(rows)
                .hasSize(7)
                .allSatisfy(r -> assertThat(r.get("g").asString())
                        .isEqualTo("gov-" + r.get("c").asString().toLowerCase()));
        assertThat(cypher.count("MATCH (c:Country) RETURN count(c)")).isEqualTo(249);
    }

    @Test
    void koreanAndJapaneseAgenciesBelongToTheirGovernments() {
        assertThat(cypher
                        .rows("MATCH (a:Agency)-[:PART_OF]->(:Government {id: 'gov-jp'}) RETURN a.id AS id ORDER BY id")
                        .stream()
                        .map(r -> r.get("id").asString()))
                .containsExactly("japan-ministry-of-the-environment", "jogmec", "meti");
        assertThat(cypher
                        .rows("MATCH (a:Agency)-[:PART_OF]->(:Government {id: 'gov-kr'}) RETURN a.id AS id ORDER BY id")
                        .stream()
                        .map(r -> r.get("id").asString()))
                .containsExactly("korea-emergency-economic-central-strategy-headquarters", "motie");
    }

    @Test
    void namesAndAliasesAreSearchable() {
        assertThat(cypher.rows("CALL db.index.fulltext.queryNodes('entity_search', 'Snowlake') YIELD node"
                                + " RETURN node.id AS id LIMIT 1")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo("snow-lake-resources");
        assertThat(cypher.rows("CALL db.index.fulltext.queryNodes('entity_search', 'LGES') YIELD node"
                                + " RETURN node.id AS id LIMIT 1")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo("lg-energy-solution");
    }
}
