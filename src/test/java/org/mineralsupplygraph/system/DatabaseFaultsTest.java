package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsupplygraph.MineralSupplyGraphApplication;
import org.mineralsupplygraph.support.InitialPassword;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

/**
 * An external Neo4j (NEO4J_URI) that goes away and comes back: health turns DOWN and queries are answered 503
 * problems at once, and when the server is back on the same address the application serves again, not restarted.
 * A second Neo4j in this JVM is the external server, stopped and started within the test.
 */
class DatabaseFaultsTest {

    @TempDir
    Path directory;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static EmbeddedNeo4j server(Path data, int boltPort) {
        EmbeddedNeo4j server = EmbeddedNeo4j.start(
                new SupplyGraphProperties.Embedded(data, "127.0.0.1", boltPort, 0, DataSize.ofMegabytes(32)),
                Map.of("dbms.security.auth_enabled", "true"));
        if (boltPort == 0) {
            // First start: the server requires a password, as a real one does.
            InitialPassword.set(server.boltUri(), "fault-secret");
        }
        return server;
    }

    @Test
    void anExternalDatabaseThatGoesAwayIsReportedAtOnceAndServedAgainWhenItReturns() throws Exception {
        Path data = directory.resolve("external");
        EmbeddedNeo4j server = server(data, 0);
        int boltPort = server.boltUri().getPort();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MineralSupplyGraphApplication.class)
                .run(
                        "--NEO4J_URI=bolt://127.0.0.1:" + boltPort,
                        "--NEO4J_USERNAME=neo4j",
                        "--NEO4J_PASSWORD=fault-secret",
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--supplygraph.query.warm-up=false",
                        "--supplygraph.data.load-on-startup=false")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(200);
            assertThat(get(port, "/api/minerals").statusCode()).isEqualTo(200);

            server.close();

            long started = System.nanoTime();
            HttpResponse<String> health = get(port, "/actuator/health");
            long healthMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"neo4j\":{").contains("\"status\":\"DOWN\"");

            started = System.nanoTime();
            HttpResponse<String> query = get(port, "/api/minerals");
            long queryMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(query.statusCode()).isEqualTo(503);
            assertThat(query.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(query.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(query.body()).contains("The database is not available");
            // Not a hang: well inside a client's patience (the driver stops retrying after NEO4J_MAX_RETRY_TIME, 1 s).
            assertThat(healthMillis).isLessThan(15_000);
            assertThat(queryMillis).isLessThan(15_000);
            System.out.printf(
                    "Database gone: health answered DOWN in %d ms, a query 503 in %d ms%n", healthMillis, queryMillis);

            server = server(data, boltPort);
            HttpResponse<String> again = null;
            for (int i = 0; i < 60 && (again == null || again.statusCode() != 200); i++) {
                Thread.sleep(500);
                again = get(port, "/api/minerals");
            }
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(200);
        } finally {
            server.close();
        }
    }
}
