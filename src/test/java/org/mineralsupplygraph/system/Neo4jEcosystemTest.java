package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Neo4j user expects of the embedded server: its HTTP Query API for every query, notifications included, and
 * APOC core. Neo4j runs in a class loader of its own with the driver its Query API is built on (5.28); the application
 * keeps driver 6, and neither sees the other's classes.
 */
@GraphTest
class Neo4jEcosystemTest {

    @Autowired
    EmbeddedNeo4j neo4j;

    @Autowired
    Driver driver;

    Cypher cypher;
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        cypher = new Cypher(driver);
    }

    private HttpResponse<String> queryApi(String statement) throws Exception {
        String body = json.writeValueAsString(Map.of("statement", statement));
        return http.send(
                HttpRequest.newBuilder(neo4j.httpUri().resolve("db/neo4j/query/v2"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theQueryApiAnswersAPlainQuery() throws Exception {
        HttpResponse<String> answer = queryApi("MATCH (c:Country {id: 'KR'}) RETURN c.name AS name");
        assertThat(answer.statusCode()).isEqualTo(202);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.at("/data/fields/0").asString()).isEqualTo("name");
        assertThat(body.at("/data/values/0/0").asString()).isEqualTo("South Korea");
        assertThat(body.has("notifications")).isFalse();
    }

    @Test
    void theQueryApiReturnsTheNotificationOfACartesianProduct() throws Exception {
        HttpResponse<String> answer = queryApi("MATCH (a:Country), (b:Mineral) RETURN count(*) AS pairs");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        JsonNode body = json.readTree(answer.body());
        long pairs = cypher.count("MATCH (a:Country) WITH count(a) AS countries"
                + " MATCH (b:Mineral) WITH countries, count(b) AS minerals RETURN countries * minerals");
        assertThat(body.at("/data/values/0/0").asLong()).isEqualTo(pairs).isPositive();
        JsonNode notification = body.at("/notifications/0");
        assertThat(notification.get("code").asString()).isEqualTo("Neo.ClientNotification.Statement.CartesianProduct");
        assertThat(notification.get("severity").asString()).isEqualTo("INFORMATION");
        assertThat(notification.get("category").asString()).isEqualTo("PERFORMANCE");
        assertThat(notification.get("title").asString()).contains("cartesian product");
        assertThat(notification.at("/position/line").asInt()).isEqualTo(1);
    }

    @Test
    void theQueryApiReturnsTheNotificationOfAnUnknownLabel() throws Exception {
        HttpResponse<String> answer = queryApi("MATCH (m:Minerall) RETURN count(m) AS n");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.at("/data/values/0/0").asLong()).isZero();
        JsonNode notification = body.at("/notifications/0");
        assertThat(notification.get("code").asString())
                .isEqualTo("Neo.ClientNotification.Statement.UnknownLabelWarning");
        assertThat(notification.get("severity").asString()).isEqualTo("WARNING");
        assertThat(notification.get("description").asString()).contains("Minerall");
        assertThat(notification.at("/position/column").asInt()).isEqualTo(10);
    }

    @Test
    void neo4jsClassesStayInTheServersClassLoader() {
        ClassLoader application = getClass().getClassLoader();
        assertThatThrownBy(() -> Class.forName("org.neo4j.kernel.internal.GraphDatabaseAPI", false, application))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.neo4j.harness.Neo4j", false, application))
                .isInstanceOf(ClassNotFoundException.class);
        // The application's driver is 6.x; the server's Query API has its own 5.28.
        assertThat(Driver.class.getPackage().getImplementationVersion()).startsWith("6.");
    }

    @Test
    void apocHelpListsThePathProcedures() {
        List<String> names = cypher.rows("CALL apoc.help('path') YIELD name RETURN name ORDER BY name").stream()
                .map(row -> row.get("name").asString())
                .toList();
        assertThat(names).contains("apoc.path.subgraphAll", "apoc.path.expandConfig", "apoc.path.spanningTree");
        assertThat(cypher.one("RETURN apoc.version() AS version").get("version").asString())
                .startsWith("5.26.");
    }

    @Test
    void apocSubgraphAllFromLgEnergySolutionReachesItsNeighbours() {
        Record subgraph = cypher.one("""
                MATCH (c:Company {id: 'lg-energy-solution'})
                CALL apoc.path.subgraphAll(c, {maxLevel: 1})
                YIELD nodes, relationships
                RETURN [n IN nodes | n.id] AS ids, size(relationships) AS relationships""");
        List<Object> ids = subgraph.get("ids").asList();
        long neighbours = cypher.count("MATCH (c:Company {id: 'lg-energy-solution'})--(n) RETURN count(DISTINCT n)");
        assertThat(ids).contains("lg-energy-solution").hasSize((int) neighbours + 1);
        assertThat(subgraph.get("relationships").asLong()).isGreaterThanOrEqualTo(neighbours);
    }

    @Test
    void apocExportsStreamToTheClientButNotToFiles() {
        String graphml = cypher.one("""
                CALL apoc.export.graphml.query(
                  "MATCH (c:Company {id: 'lg-energy-solution'})-[r:OFFTAKE]->(s) RETURN c, r, s", null,
                  {stream: true, useTypes: true})
                YIELD data RETURN data""").get("data").asString();
        assertThat(graphml).contains("<graphml").contains("lg-energy-solution");
        assertThatThrownBy(() -> cypher.one("CALL apoc.export.csv.all('everything.csv', {}) YIELD file RETURN file"))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("apoc.export.file.enabled");
    }
}
