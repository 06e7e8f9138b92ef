package org.mineralsupplygraph.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.reach.SupplyReach;
import org.mineralsupplygraph.support.Api;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The map's data over HTTP, on the shipped data sets (the seed article, the supplementary facts and
 * more-facts.json): sites and flows as GeoJSON that the GeoJSON schema accepts, the Japanese questions the new facts
 * answer, the sources' disagreements, the withdrawal that ends a deal by date, and coordinates refused out of range.
 */
@GraphTest
class MapApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The GeoJSON FeatureCollection schema of geojson.org (the geojson-schema package 1.0.5, MIT). */
    private static final Schema GEOJSON;

    static {
        try (InputStream in = MapApiTest.class.getResourceAsStream("/geojson/FeatureCollection.json")) {
            GEOJSON = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    SupplyReach reach;

    private Api api() {
        return new Api(port);
    }

    private static List<String> geoJsonErrors(JsonNode document) {
        return GEOJSON.validate(document).stream()
                .map(e -> e.getInstanceLocation() + " " + e.getMessage())
                .toList();
    }

    private static JsonNode feature(JsonNode collection, String id) {
        for (JsonNode f : collection.get("features")) {
            if (f.get("id").asString().equals(id)) {
                return f;
            }
        }
        throw new AssertionError(
                "no feature " + id + " in " + collection.get("features").size() + " features");
    }

    @Test
    void sitesAreGeoJsonPointsWithTheirPrecisionAndOwners() {
        Api.Response sites = api().get("/api/sites?mineral=lithium");
        assertThat(sites.status()).isEqualTo(200);
        assertThat(sites.contentType()).startsWith("application/geo+json");
        assertThat(geoJsonErrors(sites.json())).isEmpty();
        JsonNode kachi = feature(sites.json(), "kachi");
        // RFC 7946 order: longitude, latitude; the town of Antofagasta de la Sierra, stated as approximate.
        assertThat(kachi.at("/geometry/coordinates/0").asDouble()).isEqualTo(-67.4064);
        assertThat(kachi.at("/geometry/coordinates/1").asDouble()).isEqualTo(-26.0594);
        assertThat(kachi.at("/properties/precision").asString()).isEqualTo("town");
        assertThat(kachi.at("/properties/approximate").asBoolean()).isTrue();
        assertThat(kachi.at("/properties/country").asString()).isEqualTo("AR");
        List<String> owners = new ArrayList<>();
        kachi.at("/properties/owners").forEach(o -> owners.add(o.get("id").asString()));
        assertThat(owners).contains("morena-del-valle-minerals");
        // SK On's offtake from Kachi itself (Creamer Media's account; the article's is with Lake Resources).
        assertThat(kachi.at("/properties/offtakes").asLong()).isEqualTo(1);
        assertThat(kachi.at("/properties/sources").toString())
                .contains("creamermedia-kachi-2022-10-14", "sagapedia-antofagasta-de-la-sierra");

        // Mt Weld has its own coordinates; the Olaroz salar none, so it stands at Argentina's centroid.
        JsonNode mtWeld = feature(api().get("/api/sites?mineral=rare-earths").json(), "mt-weld");
        assertThat(mtWeld.at("/properties/precision").asString()).isEqualTo("site");
        assertThat(mtWeld.at("/properties/approximate").asBoolean()).isFalse();
        JsonNode olaroz = feature(sites.json(), "olaroz");
        assertThat(olaroz.at("/properties/precision").asString()).isEqualTo("country");
        assertThat(olaroz.at("/properties/approximate").asBoolean()).isTrue();
        assertThat(olaroz.at("/geometry/coordinates/0").asDouble()).isBetween(-74.0, -53.0);

        // Kathleen Valley states no product; its operator Liontown's offtake to LG Energy Solution names lithium.
        JsonNode kathleen = feature(sites.json(), "kathleen-valley");
        assertThat(kathleen.at("/properties/minerals").toString()).contains("lithium");
        assertThat(kathleen.at("/properties/country").asString()).isEqualTo("AU");

        // Filters: only Argentine sites; an unknown status is a 400 naming it.
        Api.Response argentine = api().get("/api/sites?country=AR");
        argentine
                .json()
                .get("features")
                .forEach(f -> assertThat(f.at("/properties/country").asString()).isEqualTo("AR"));
        assertThat(argentine.json().get("features").size()).isGreaterThanOrEqualTo(4);
        Api.Response bad = api().get("/api/sites?status=dormant");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("status");
    }

    @Test
    void flowsGoFromTheCountryOfSupplyToTheBuyersWithTheDealsBehindThem() {
        Api.Response flows = api().get("/api/flows?mineral=lithium");
        assertThat(flows.status()).isEqualTo(200);
        JsonNode argentinaToKorea = null;
        for (JsonNode f : flows.get("flows")) {
            if (f.get("from").asString().equals("AR") && f.get("to").asString().equals("KR")) {
                argentinaToKorea = f;
            }
        }
        assertThat(argentinaToKorea)
                .as("a lithium flow from Argentina to Korea")
                .isNotNull();
        // SK On's offtake from Kachi: the article's account (with Lake Resources) and Creamer Media's (with Kachi)
        // are one contract, counted once with the article's 25,000 t a year.
        assertThat(argentinaToKorea.get("contracts").asInt()).isEqualTo(1);
        assertThat(argentinaToKorea.get("tonnesPerYear").asDouble()).isEqualTo(25_000);
        assertThat(argentinaToKorea.get("deals").toString())
                .contains("OFFTAKE:sk-on:kachi:creamermedia-kachi-2022-10-14");
        assertThat(argentinaToKorea.get("deals").toString()).contains("sk-on", "kachi");

        // By domicile the same contract runs from Australia (Lake Resources' headquarters).
        Api.Response byDomicile = api().get("/api/flows?mineral=lithium&basis=domicile");
        assertThat(byDomicile.get("flows").toString())
                .contains("\"from\":\"AU\",\"fromName\":\"Australia\"," + "\"to\":\"KR\"");

        Api.Response lines = api().get("/api/flows?mineral=lithium&format=geojson");
        assertThat(lines.contentType()).startsWith("application/geo+json");
        assertThat(geoJsonErrors(lines.json())).isEmpty();
        JsonNode line = feature(lines.json(), "AR->KR");
        assertThat(line.at("/geometry/type").asString()).isEqualTo("LineString");

        assertThat(api().get("/api/flows?mineral=lithium&format=kml").status()).isEqualTo(400);
        assertThat(api().get("/api/flows?mineral=unobtainium").status()).isEqualTo(404);
    }

    /** A flow's figures and deals, without the sites (the walk names a domiciled supplier's end differently). */
    private static List<String> flowSummary(Api.Response flows) {
        List<String> lines = new ArrayList<>();
        flows.get("flows").forEach(f -> {
            List<String> deals = new ArrayList<>();
            f.get("deals").forEach(d -> deals.add(d.get("relationship").asString()));
            Collections.sort(deals);
            lines.add(f.get("from").asString() + "->" + f.get("to").asString() + " "
                    + f.get("contracts").asInt()
                    + " contracts " + f.get("stakes").asInt() + " stakes "
                    + f.get("tonnesPerYear").asDouble()
                    + " t/yr " + f.get("unquantified").asInt() + " " + deals);
        });
        return lines;
    }

    @Test
    void flowsFromTheSupplyReachAreTheFlowsOfTheWalkedSupplyPaths() {
        int compared = 0;
        for (String query : List.of(
                "mineral=lithium",
                "mineral=rare-earths",
                "mineral=lithium&basis=domicile",
                "mineral=cobalt&basis=domicile",
                "mineral=nickel&asOf=2024-06-01",
                "mineral=nickel&asOf=2025-06-01")) {
            List<String> fromReach = flowSummary(api().get("/api/flows?" + query));
            List<String> walked;
            reach.setEnabled(false);
            try {
                walked = flowSummary(api().get("/api/flows?" + query));
            } finally {
                reach.setEnabled(true);
            }
            assertThat(fromReach).as(query).isEqualTo(walked);
            compared += fromReach.size();
        }
        assertThat(compared).as("flows compared").isGreaterThan(12);
    }

    @Autowired
    MapService map;

    @Test
    void theWarmUpMakesTheMapsFirstViewAndKeepsIt() {
        // A write: whatever was kept is for the graph as it was, so nothing is kept now.
        Api.Response imported =
                api().post("/api/import", "application/json", """
                {"sources": [{"id": "map-warm-up-test", "kind": "user", "title": "Map warm-up test"}],
                 "nodes": [], "relationships": []}
                """, Map.of("X-API-Key", GraphTest.API_KEY));
        assertThat(imported.status()).isEqualTo(200);
        assertThat(map.kept("sites|lithium|null|null")).isFalse();
        assertThat(map.kept("flows|lithium|origin|null")).isFalse();

        new MapWarmUp(map, reach).run();
        assertThat(map.kept("sites|lithium|null|null")).isTrue();
        assertThat(map.kept("flows|lithium|origin|null")).isTrue();
        assertThat(api().get("/api/flows?mineral=lithium").get("flows").toString())
                .contains("\"from\":\"AR\"");
    }

    @Test
    void productionSharesOfTheWorldTotal() {
        Api.Response production = api().get("/api/production?mineral=lithium");
        assertThat(production.status()).isEqualTo(200);
        assertThat(production.get("countries").get(0).at("/country/id").asString())
                .isEqualTo("AU");
        double world = production.get("worldTotalTonnes").asDouble();
        JsonNode first = production.get("countries").get(0);
        assertThat(first.get("sharePct").asDouble())
                .isCloseTo(100 * first.get("tonnes").asDouble() / world, Assertions.within(0.01));
        assertThat(production.get("source").asString()).contains("Mineral Commodity Summaries");
    }

    @Test
    void japaneseFirmsDependOnAustralianRareEarthsAndOnMalaysianProcessing() {
        Api.Response domicile =
                api().get("/api/exposure?buyerCountry=JP&mineral=rare-earths&sourceCountry=AU&basis=domicile");
        assertThat(domicile.texts("companies", "/company/id")).contains("sojitz");
        assertThat(domicile.texts("dependencies", "/supplier/id")).contains("lynas");

        Api.Response origin =
                api().get("/api/exposure?buyerCountry=JP&mineral=rare-earths&sourceCountry=MY&basis=origin");
        assertThat(origin.texts("companies", "/company/id")).contains("sojitz");
        assertThat(origin.texts("dependencies", "/site/id")).contains("lynas-kuantan");
    }

    @Test
    void theSourcesDisagreementOnElectrasCobaltIsListedWithBothAccounts() {
        Api.Response conflicts = api().get("/api/conflicts");
        assertThat(conflicts.status()).isEqualTo(200);
        JsonNode electra = null;
        for (JsonNode c : conflicts.get("conflicts")) {
            if (c.get("from").asString().equals("lg-energy-solution")
                    && c.get("to").asString().equals("electra")
                    && c.get("property").asString().equals("tonnesTotal")) {
                electra = c;
            }
        }
        assertThat(electra).as("the 70,000 t against 7,000 t conflict").isNotNull();
        assertThat(electra.get("sources").toString()).contains("seed-article", "theglobeandmail-electra-lg-contract");
        List<String> values = new ArrayList<>();
        electra.get("values").forEach(v -> values.add(v.get("value").asString()));
        assertThat(values).containsExactlyInAnyOrder("70000", "7000");

        // Two deals of one buyer and seller in different years are not a conflict (JARE's stakes in Lynas).
        conflicts
                .get("conflicts")
                .forEach(c -> assertThat(c.get("from").asString()
                                + c.get("to").asString()
                                + c.get("property").asString())
                        .isNotEqualTo("jarelynasamountUsd"));

        // The entity and the dependency carry it too.
        assertThat(api().get("/api/entities/electra").get("conflicts").toString())
                .contains("tonnesTotal", "70000", "7000");
        Api.Response lges = api().get("/api/companies/lg-energy-solution/dependencies?mineral=cobalt");
        assertThat(lges.text()).contains("\"property\":\"tonnesTotal\"");
    }

    @Test
    void lgEnergySolutionsIndonesianNickelEndsWithItsWithdrawal() {
        assertThat(countries(
                        api().get("/api/companies/lg-energy-solution/dependencies?mineral=nickel&asOf=2024-06-01")))
                .contains("ID");
        assertThat(countries(
                        api().get("/api/companies/lg-energy-solution/dependencies?mineral=nickel&asOf=2025-06-01")))
                .doesNotContain("ID");
        // The article's account keeps its own words; the end it now has says whose it is.
        Map<String, Object> seed = new Cypher(driver).rows("""
                MATCH (:Company {id: 'lg-energy-solution'})-[r:INVESTS_IN {source: 'seed-article'}]->
                      (:Company {id: 'korean-battery-consortium-indonesia'})
                RETURN r {.validTo, .endedOn, .endedBy} AS r
                """).get(0).get("r").asMap();
        assertThat(seed.get("validTo")).isNull();
        assertThat(seed)
                .containsEntry("endedOn", "2025-04-21")
                .containsEntry(
                        "endedBy", "INVESTS_IN:lg-energy-solution:korean-battery-consortium-indonesia:brecorder");
    }

    private static List<String> countries(Api.Response dependencies) {
        List<String> ids = new ArrayList<>();
        dependencies.get("minerals").forEach(m -> {
            m.get("byDomicile").forEach(c -> ids.add(c.at("/country/id").asString()));
            m.get("byOrigin").forEach(c -> ids.add(c.at("/country/id").asString()));
        });
        return ids;
    }

    @Test
    void aNodeRecordFromAnotherSourceKeepsTheNodesProvenance() {
        JsonNode kachi = api().get("/api/entities/kachi").at("/node/properties");
        assertThat(kachi.get("source").asString()).isEqualTo("creamermedia-kachi-2022-10-14");
        assertThat(kachi.get("seeAlso").toString()).contains("sagapedia-antofagasta-de-la-sierra");
        assertThat(kachi.get("locationSource").asString()).isEqualTo("sagapedia-antofagasta-de-la-sierra");
        assertThat(kachi.at("/location/latitude").asDouble()).isEqualTo(-26.0594);
    }

    @Test
    void coordinatesOutOfRangeAreRefusedNamingTheField() {
        String document = """
                {"sources": [{"id": "map-test", "kind": "user", "title": "Map test"}],
                 "nodes": [{"label": "Mine", "id": "map-test-mine", "name": "M", "source": "map-test",
                            "latitude": 95.5, "longitude": 10, "locationPrecision": "site"},
                           {"label": "Mine", "id": "map-test-mine-2", "name": "M2", "source": "map-test",
                            "latitude": 10}],
                 "relationships": []}
                """;
        Api.Response refused =
                api().post("/api/import", "application/json", document, Map.of("X-API-Key", GraphTest.API_KEY));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("/nodes/0/latitude", "-90..90", "/nodes/1/longitude");
        assertThat(new Cypher(driver).rows("MATCH (n:Entity {id: 'map-test-mine'}) RETURN n"))
                .isEmpty();
    }

    @Test
    void theHomePageAndTheMapPage() {
        Api.Response home = api().get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.contentType()).startsWith("text/html");
        assertThat(home.text()).contains("href=\"/map\"", "/swagger-ui/index.html", "/browser/", "<td>Mine</td>");
        Api.Response map = api().get("/map");
        assertThat(map.status()).isEqualTo(200);
        assertThat(map.text()).contains("/webjars/d3/7.9.0/dist/d3.min.js", "/map/map.js");
        assertThat(api().get("/webjars/d3/7.9.0/dist/d3.min.js").status()).isEqualTo(200);
        assertThat(api().get("/map/countries-110m.json").status()).isEqualTo(200);
    }
}
