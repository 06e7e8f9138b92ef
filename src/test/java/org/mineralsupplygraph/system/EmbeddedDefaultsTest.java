package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a newcomer gets without configuring anything: Neo4j in the JVM, on loopback, with Browser and health. */
@GraphTest
class EmbeddedDefaultsTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedNeo4j neo4j;

    @Autowired
    Driver driver;

    @Autowired
    SupplyGraphProperties properties;

    Cypher cypher;
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @BeforeEach
    void setUp() {
        cypher = new Cypher(driver);
    }

    private String setting(String name) {
        return cypher.one("CALL dbms.listConfig($name) YIELD name, value WHERE name = $name RETURN value", "name", name)
                .get("value")
                .asString();
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUpWithTheNeo4jIndicator() throws Exception {
        HttpResponse<String> health = get(URI.create("http://localhost:" + port + "/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"status\":\"UP\"")
                .contains("\"neo4j\":{")
                .contains("\"edition\":\"community\"")
                .contains("5.26.");
    }

    @Test
    void boltAndHttpListenOnLoopbackOnly() {
        assertThat(setting("server.bolt.listen_address")).startsWith("127.0.0.1:");
        assertThat(setting("server.http.listen_address")).startsWith("127.0.0.1:");
        assertThat(setting("server.https.enabled")).isEqualTo("false");
        assertThat(neo4j.boltUri().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void theBrowserIsServed() throws Exception {
        HttpResponse<String> browser = get(neo4j.httpUri().resolve("browser/"));
        assertThat(browser.statusCode()).isEqualTo(200);
        assertThat(browser.body()).contains("<title>Neo4j Browser</title>");
    }

    @Test
    void theDataLivesInTheConfiguredDirectoryWithTheConfiguredPageCache() {
        Path configured = properties.embedded().dataDirectory().toAbsolutePath().normalize();
        assertThat(neo4j.dataDirectory()).isEqualTo(configured);
        assertThat(Path.of(setting("server.directories.data"))).isEqualTo(configured);
        assertThat(configured.resolve("databases/neo4j")).isDirectory();
        assertThat(setting("server.memory.pagecache.size")).isEqualTo("64.00MiB");
    }

    @Test
    void transactionLogsAreKeptToOneGibibyte() {
        assertThat(setting("db.tx_log.rotation.retention_policy")).isEqualTo("1G size");
    }

    @Test
    void nothingPhonesHome() {
        assertThat(setting("client.allow_telemetry")).isEqualTo("false");
        assertThat(setting("dbms.usage_report.enabled")).isEqualTo("false");
    }
}
