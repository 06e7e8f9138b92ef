package org.mineralsupplygraph.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.system.EmbeddedNeo4j;
import org.mineralsupplygraph.system.SupplyGraphProperties;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.util.unit.DataSize;

/**
 * The application killed with SIGKILL while it writes an imported document: after the restart none of the document
 * is in the graph (it is written in one transaction), and the data loaded before are all there. The application runs
 * in a child JVM, as in production; the database is then opened on the same directory.
 */
class ImportKillTest {

    static final String KEY = "kill-test-key-0123456789abcdef";

    @TempDir
    Path directory;

    @Test
    void anImportCutOffByKillNineLeavesNothingHalfWritten() throws Exception {
        Path data = directory.resolve("neo4j");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // 120,000 companies with a headquarters each: 240,000 records, under the one-transaction limit of 250,000.
        StringBuilder json = new StringBuilder("{\"format\": \"mineral-supply-graph/1\", \"sources\": [{\"id\":"
                + " \"kill-test\", \"title\": \"Kill test\", \"kind\": \"user\"}], \"nodes\": [");
        for (int i = 0; i < 120_000; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"label\": \"Company\", \"id\": \"kill-test-")
                    .append(i)
                    .append("\", \"name\": \"Kill test company ")
                    .append(i)
                    .append("\", \"source\": \"kill-test\"}");
        }
        json.append("], \"relationships\": [");
        for (int i = 0; i < 120_000; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"type\": \"HEADQUARTERED_IN\", \"from\": \"kill-test-")
                    .append(i)
                    .append("\", \"to\": \"IS\", \"source\": \"kill-test\"}");
        }
        json.append("]}");
        Path document = directory.resolve("document.json");
        Files.writeString(document, json);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                "org.mineralsupplygraph.MineralSupplyGraphApplication",
                "--supplygraph.embedded.data-directory=" + data.toAbsolutePath(),
                "--supplygraph.embedded.bolt-port=0",
                "--supplygraph.embedded.http-port=0",
                "--supplygraph.embedded.page-cache=64MB",
                "--server.port=" + port,
                "--supplygraph.security.api-keys=" + KEY,
                "--spring.main.banner-mode=off",
                "--supplygraph.query.warm-up=false"));
        Process app = new ProcessBuilder(command).redirectErrorStream(true).start();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    if (line.contains("Started MineralSupplyGraphApplication")) {
                        started.countDown();
                    }
                    if (line.contains("writing them in one transaction")) {
                        writing.countDown();
                    }
                }
            } catch (Exception e) {
                // the process is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(started.await(180, TimeUnit.SECONDS))
                    .as(String.join("\n", output))
                    .isTrue();
            CompletableFuture<HttpResponse<String>> upload = HttpClient.newHttpClient()
                    .sendAsync(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/import"))
                                    .header("Content-Type", "application/json")
                                    .header("X-API-Key", KEY)
                                    .timeout(Duration.ofMinutes(5))
                                    .POST(HttpRequest.BodyPublishers.ofFile(document))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(writing.await(120, TimeUnit.SECONDS))
                    .as(String.join("\n", output))
                    .isTrue();
            Thread.sleep(1_500);
            assertThat(upload)
                    .as("the import is still being written when the process is killed")
                    .isNotDone();
            app.destroyForcibly(); // SIGKILL
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            app.destroyForcibly();
        }

        try (EmbeddedNeo4j restarted = EmbeddedNeo4j.start(
                        new SupplyGraphProperties.Embedded(data, "127.0.0.1", 0, 0, DataSize.ofMegabytes(64)),
                        Map.of());
                Driver driver = GraphDatabase.driver(restarted.boltUri(), AuthTokens.none())) {
            Cypher cypher = new Cypher(driver);
            assertThat(cypher.count("MATCH (n) WHERE n.id STARTS WITH 'kill-test' RETURN count(n)"))
                    .isZero();
            assertThat(cypher.count("MATCH ()-[r {source: 'kill-test'}]->() RETURN count(r)"))
                    .isZero();
            // What was loaded before the import is all there: the shipped data sets.
            assertThat(cypher.count("MATCH (c:Country) RETURN count(c)")).isEqualTo(249);
            assertThat(cypher.count("MATCH (:Company {id: 'sk-on'})-[o:OFFTAKE]->() RETURN count(o)"))
                    .isEqualTo(2);
        }
    }
}
