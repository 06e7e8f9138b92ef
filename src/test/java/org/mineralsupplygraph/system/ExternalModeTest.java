package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsupplygraph.MineralSupplyGraphApplication;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.InitialPassword;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * NEO4J_URI switches the embedded database off. A second Neo4j in this JVM stands in for the external server and is
 * reached through a neo4j:// routing URI with a user and password, as a cluster or Aura would be; it is then restarted
 * on the same directory to show that the data survive.
 */
class ExternalModeTest {

    @TempDir
    Path directory;

    @Test
    void anExternalServerIsUsedThroughARoutingUriAndItsDataSurviveARestart() throws Exception {
        SupplyGraphProperties.Embedded settings = new SupplyGraphProperties.Embedded(
                directory.resolve("external"), "127.0.0.1", 0, 0, DataSize.ofMegabytes(32));
        Map<String, Object> census;
        // The stand-in server requires a password, as a real one does; its first one is set over Bolt.
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(settings, Map.of("dbms.security.auth_enabled", "true"))) {
            InitialPassword.set(server.boltUri(), "external-secret");
            try (Driver wrong = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", "wrong-password"))) {
                assertThatThrownBy(wrong::verifyConnectivity).isInstanceOf(AuthenticationException.class);
            }
            URI routing = URI.create("neo4j://127.0.0.1:" + server.boltUri().getPort());
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MineralSupplyGraphApplication.class)
                    .run(
                            // The environment variables of the README, given as arguments (same names, same effect).
                            "--NEO4J_URI=" + routing,
                            "--NEO4J_USERNAME=neo4j",
                            "--NEO4J_PASSWORD=external-secret",
                            "--NEO4J_DATABASE=neo4j",
                            "--server.port=0",
                            "--spring.main.banner-mode=off",
                            "--supplygraph.query.warm-up=false")) {
                assertThat(app.getBeansOfType(EmbeddedNeo4j.class))
                        .as("no embedded database in external mode")
                        .isEmpty();

                Driver appDriver = app.getBean(Driver.class);
                Cypher viaApp = new Cypher(appDriver);
                // Every source of the shipped data sets: those the JSON files declare, and the USGS file's one.
                assertThat(viaApp.count("MATCH (s:Source) RETURN count(s)")).isEqualTo(shippedSources());
                assertThat(viaApp.count("MATCH (:Company {id: 'sk-on'})-[:OFFTAKE]->() RETURN count(*)"))
                        .isEqualTo(2);

                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                HttpResponse<String> health = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body())
                        .contains("\"neo4j\":{")
                        .contains("\"database\":\"neo4j\"")
                        .contains("\"status\":\"UP\"");

                // The API's read transactions go through the routing driver too.
                HttpResponse<String> exposure = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                                + "/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(exposure.statusCode()).isEqualTo(200);
                assertThat(exposure.body()).contains("\"supplier\":{\"id\":\"lake-resources\"");
            }
            try (Driver direct = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", "external-secret"))) {
                census = new Cypher(direct).census();
            }
        }

        try (EmbeddedNeo4j restarted = EmbeddedNeo4j.start(settings, Map.of("dbms.security.auth_enabled", "true"));
                Driver direct =
                        GraphDatabase.driver(restarted.boltUri(), AuthTokens.basic("neo4j", "external-secret"))) {
            assertThat(new Cypher(direct).census()).isEqualTo(census);
            assertThat((Long) census.get("nodes")).isGreaterThan(300);
        }
    }

    private static long shippedSources() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        long sources = 1;
        for (String file : List.of(
                "reference-countries.json", "seed-article.json", "supplementary-facts.json", "more-facts.json")) {
            sources += json.readTree(Path.of("src/main/resources/data", file).toFile())
                    .get("sources")
                    .size();
        }
        return sources;
    }
}
