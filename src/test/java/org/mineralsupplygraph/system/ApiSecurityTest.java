package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.Api;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Writes need the API key; reads and scenarios are open by default; a refused write changes nothing. */
@GraphTest
class ApiSecurityTest {

    static final String DOCUMENT = """
            {"format": "mineral-supply-graph/1", "sources": [{"id": "sec-test", "title": "Security test", "kind": "user"}],
             "nodes": [{"label": "Company", "id": "sec-test-company", "name": "Security Test Co", "source": "sec-test"}],
             "relationships": []}""";

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void everyWritePathRefusesARequestWithoutAValidKeyAndWritesNothing() {
        Map<String, Object> before = new Cypher(driver).census();
        for (String key : new String[] {null, "", "wrong-key-0123456789abcdef", GraphTest.API_KEY + "x"}) {
            for (String type : List.of("application/json", "multipart/form-data; boundary=x", "text/csv")) {
                Api.Response r = api.post(
                        "/api/import", type, DOCUMENT, key == null ? Map.of() : Map.of(ApiSecurity.HEADER, key));
                assertThat(r.status()).as(key + " " + type).isEqualTo(401);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.at("/parameter").asString()).isEqualTo("X-API-Key");
                assertThat(r.at("/detail").asString()).contains("X-API-Key");
            }
        }
        // A method no operation of the path has is answered 405 with the methods it has, key or none: no handler
        // runs, so there is nothing a key would unlock.
        for (String method : List.of("PUT", "DELETE", "PATCH", "POST", "QUERY")) {
            Api.Response r = api.send(method, "/api/entities/sk-on", "application/json", "{}", Map.of());
            assertThat(r.status()).as(method).isEqualTo(405);
            assertThat(r.header("Allow")).as(method).contains("GET");
            assertThat(r.at("/type").asString()).isEqualTo("/problems/method-not-allowed");
        }
        assertThat(api.send("GET", "/api/import", "application/json", "", Map.of())
                        .status())
                .isEqualTo(405);
        assertThat(new Cypher(driver).census()).isEqualTo(before);
    }

    @Test
    void theKeyLetsAWriteThroughAndReadsNeedNone() {
        Api.Response ok =
                api.post("/api/import", "application/json", DOCUMENT, Map.of(ApiSecurity.HEADER, GraphTest.API_KEY));
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(new Cypher(driver).count("MATCH (c:Company {id: 'sec-test-company'}) RETURN count(c)"))
                .isEqualTo(1);
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(
                    tx -> tx.run("MATCH (n:Entity) WHERE n.id IN ['sec-test-company'," + " 'sec-test'] DETACH DELETE n")
                            .consume());
        }

        assertThat(api.get("/api/minerals").status()).isEqualTo(200);
        assertThat(api.get("/api/import/schema").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
        // A scenario is computed in a read transaction: open like the reads.
        Api.Response scenario = api.post(
                "/api/scenarios/disruption",
                "application/json",
                "{\"remove\": {\"countries\": [\"AU\"]}, \"mineral\": \"lithium\", \"buyerCountry\": \"KR\"}",
                Map.of());
        assertThat(scenario.status()).isEqualTo(200);
    }
}
