package org.mineralsupplygraph.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.Api;
import org.mineralsupplygraph.support.GraphTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Look-ups and listings against the seed data: search, entities, neighbourhoods, agreements, policies, lists. */
@GraphTest
class CatalogApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static List<String> ids(JsonNode array, String pointer) {
        List<String> ids = new ArrayList<>();
        array.forEach(e -> ids.add(e.at(pointer).asString()));
        return ids;
    }

    private static JsonNode find(JsonNode array, String pointer, String id) {
        for (JsonNode e : array) {
            if (e.at(pointer).asString().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }

    @Test
    void searchFindsNamesAndAliasesBestFirst() {
        Api.Response r = api.get("/api/entities?q=lg%20energy");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/results/0/node/id").asString()).isEqualTo("lg-energy-solution");
        assertThat(r.at("/results/0/score").asDouble()).isPositive();

        assertThat(api.get("/api/entities?q=snowlake").at("/results/0/node/id").asString())
                .isEqualTo("snow-lake-resources");
        assertThat(api.get("/api/entities?q=lges&label=Company&limit=1").get("results"))
                .singleElement()
                .satisfies(h -> assertThat(h.at("/node/id").asString()).isEqualTo("lg-energy-solution"));
        // A prefix of the last word is enough.
        assertThat(ids(api.get("/api/entities?q=jogm").get("results"), "/node/id"))
                .contains("jogmec");
    }

    @Test
    void anEntityComesWithEveryRelationshipInBothDirectionsAndItsProvenance() {
        Api.Response r = api.get("/api/entities/lake-resources");
        assertThat(r.at("/node/name").asString()).isEqualTo("Lake Resources");
        assertThat(r.at("/node/labels/0").asString()).isEqualTo("Company");
        JsonNode rels = r.get("relationships");
        List<String> described = new ArrayList<>();
        rels.forEach(rel -> described.add(rel.get("from").asString() + " "
                + rel.get("type").asString() + " " + rel.get("to").asString() + " @"
                + rel.at("/properties/source").asString()));
        assertThat(described)
                .contains(
                        "lake-resources HEADQUARTERED_IN AU @seed-article",
                        "sk-on OFFTAKE lake-resources @seed-article",
                        "sk-on INVESTS_IN lake-resources @seed-article",
                        "sk-on INVESTS_IN lake-resources @creamermedia-kachi-2022-10-14",
                        "morena-del-valle-minerals SUBSIDIARY_OF lake-resources @creamermedia-kachi-2022-10-14",
                        "lake-resources PARTY_TO sk-on-lake-resources-supply-framework-2022 @seed-article");
        rels.forEach(
                rel -> assertThat(rel.at("/properties/evidence").asString()).isNotBlank());
        assertThat(ids(r.get("neighbours"), "/id")).contains("sk-on", "AU", "morena-del-valle-minerals");
    }

    @Test
    void aNeighbourhoodIsNearestFirstAndStopsAtTheLimit() {
        Api.Response one = api.get("/api/entities/sk-on/neighbourhood?depth=1");
        assertThat(one.get("truncated").asBoolean()).isFalse();
        assertThat(ids(one.at("/graph/nodes"), "/id"))
                .containsExactlyInAnyOrder(
                        "sk-on", "KR", "lake-resources", "kachi", "sk-on-lake-resources-supply-framework-2022");
        assertThat(one.at("/graph/relationships").size()).isGreaterThanOrEqualTo(6);

        Api.Response limited = api.get("/api/entities/lithium/neighbourhood?depth=3&limit=12");
        assertThat(limited.get("truncated").asBoolean()).isTrue();
        assertThat(limited.at("/graph/nodes")).hasSize(12);
        List<String> nodeIds = ids(limited.at("/graph/nodes"), "/id");
        limited.at("/graph/relationships")
                .forEach(rel -> assertThat(nodeIds)
                        .contains(rel.get("from").asString(), rel.get("to").asString()));
    }

    @Test
    void japansAgreementsWithTheirPartiesMineralsAndTerms() {
        Api.Response r = api.get("/api/agreements?country=JP");
        assertThat(ids(r.get("agreements"), "/agreement/id"))
                .containsExactly(
                        "japan-brazil-niobium-graphene-cooperation-2021",
                        "japan-drc-joint-statement-2022",
                        "japan-us-critical-minerals-agreement-2023");
        JsonNode us = find(r.get("agreements"), "/agreement/id", "japan-us-critical-minerals-agreement-2023");
        assertThat(us.at("/agreement/properties/reviewIntervalYears").asInt()).isEqualTo(2);
        assertThat(us.at("/agreement/properties/noExportTariffs").asBoolean()).isTrue();
        assertThat(ids(us.get("parties"), "/node/id")).containsExactlyInAnyOrder("gov-jp", "gov-us");
        assertThat(ids(us.get("minerals"), "/node/id"))
                .containsExactly("cobalt", "graphite", "lithium", "manganese", "nickel");
        assertThat(ids(us.get("minerals"), "/relationship/properties/provision"))
                .containsOnly("no-export-restriction");

        assertThat(ids(api.get("/api/agreements?country=JP&mineral=lithium").get("agreements"), "/agreement/id"))
                .containsExactly("japan-us-critical-minerals-agreement-2023");
        assertThat(ids(api.get("/api/agreements?country=KR").get("agreements"), "/agreement/id"))
                .containsExactly("korea-australia-critical-minerals-mou-2022", "korea-canada-joint-statement-2022");
        assertThat(api.get("/api/agreements").get("agreements")).hasSize(11);
    }

    @Test
    void policiesWithTheirTerms() {
        Api.Response japan = api.get("/api/policies?country=JP");
        assertThat(japan.get("policies")).hasSize(5);
        JsonNode fefta = find(japan.get("policies"), "/policy/id", "japan-fefta-rare-metals-screening-2021");
        assertThat(fefta.at("/policy/properties/thresholdPct").asInt()).isEqualTo(1);
        assertThat(fefta.at("/policy/properties/mineralCount").asInt()).isEqualTo(34);
        JsonNode fund = find(japan.get("policies"), "/policy/id", "jogmec-critical-minerals-fund-2023");
        assertThat(fund.at("/policy/properties/amount").asLong()).isEqualTo(105_800_000_000L);
        assertThat(fund.at("/policy/properties/currency").asString()).isEqualTo("JPY");
        JsonNode recycling = find(japan.get("policies"), "/policy/id", "japan-appliance-recycling-plan-2022");
        assertThat(ids(recycling.get("importsFrom"), "/node/id")).containsExactly("southeast-asia");

        JsonNode stockpile =
                find(api.get("/api/policies?country=KR").get("policies"), "/policy/id", "korea-rare-metals-strategy-2");
        assertThat(stockpile.at("/policy/properties/stockpileTargetDays").asInt())
                .isEqualTo(100);

        assertThat(ids(api.get("/api/policies?country=JP&mineral=rare-earths").get("policies"), "/policy/id"))
                .containsExactlyInAnyOrder(
                        "japan-fefta-rare-metals-screening-2021",
                        "japan-rare-earth-exploration-funding-2021",
                        "meti-critical-minerals-subsidy-2023",
                        "jogmec-critical-minerals-fund-2023");
    }

    @Test
    void plainListings() {
        JsonNode lithium = find(api.get("/api/minerals").get("minerals"), "/mineral/id", "lithium");
        assertThat(ids(lithium.get("products"), "/id")).contains("lithium-hydroxide", "spodumene-concentrate");
        assertThat(lithium.get("production")).hasSize(9);
        assertThat(lithium.at("/production/0/country/id").asString()).isEqualTo("AU");
        assertThat(lithium.at("/production/0/figures/properties/tonnes").asLong())
                .isEqualTo(88_000);
        assertThat(lithium.at("/production/0/figures/properties/source").asString())
                .isEqualTo("usgs-mcs-2025");

        Api.Response countries = api.get("/api/countries");
        assertThat(countries.get("countries")).hasSize(249);
        JsonNode korea = find(countries.get("countries"), "/country/id", "KR");
        assertThat(korea.get("governments").toString()).isEqualTo("[\"gov-kr\"]");
        assertThat(korea.get("companies").asInt()).isEqualTo(5);

        assertThat(ids(api.get("/api/companies?country=KR").get("companies"), "/company/id"))
                .containsExactly("lg-chem", "lg-energy-solution", "lx-international", "posco-holdings", "sk-on");
    }
}
