package org.mineralsupplygraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.graph.GraphModel;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.mineralsupplygraph.system.EmbeddedNeo4j;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/** What the Browser is given, checked over HTTP: the redirect to connect, the commands, the style and the guide. */
@GraphTest
class BrowserSetupTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedNeo4j neo4j;

    @Autowired
    Driver driver;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Origin", "http://localhost:7474")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theBareBrowserAddressRedirectsToAConnectionWithoutPassword() throws Exception {
        HttpResponse<String> bare = get("http://localhost:" + neo4j.httpUri().getPort() + "/browser/");
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location"))
                .hasValue("/browser/?preselectAuthMethod=NO_AUTH&dbms=neo4j://localhost:"
                        + neo4j.boltUri().getPort());
        HttpResponse<String> page = get("http://localhost:" + neo4j.httpUri().getPort() + "/browser/?x=1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Neo4j Browser</title>");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("script-src 'self';")
                        .doesNotContain("segment")
                        .doesNotContain("https:"));
    }

    @Test
    void afterConnectingTheBrowserLoadsTheStyleAndTheGuideFromTheApplication() {
        Cypher cypher = new Cypher(driver);
        String command = cypher.one("CALL dbms.clientConfig() YIELD name, value WHERE name = 'browser.post_connect_cmd'"
                        + " RETURN value")
                .get(0)
                .asString();
        assertThat(command)
                .isEqualTo("style http://localhost:" + port + "/browser-guide/style.grass; play http://localhost:"
                        + port + "/browser-guide/guide.html");
        assertThat(cypher.one("CALL dbms.clientConfig() YIELD name, value"
                                + " WHERE name = 'browser.remote_content_hostname_whitelist' RETURN value")
                        .get(0)
                        .asString())
                .isEqualTo("localhost");
        assertThat(cypher.one("CALL dbms.clientConfig() YIELD name, value WHERE name = 'client.allow_telemetry'"
                                + " RETURN value")
                        .get(0)
                        .asString())
                .isEqualTo("false");
    }

    @Test
    void theStyleGivesEveryLabelAColourAndCaptionsFromNames() throws Exception {
        HttpResponse<String> style = get("http://localhost:" + port + "/browser-guide/style.grass");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(style.body()).isEqualTo(Files.readString(Path.of("cypher/browser/style.grass")));
        for (String label : GraphModel.labels().keySet()) {
            assertThat(style.body())
                    .as(label)
                    .containsPattern("node\\." + label + " \\{[^}]*color: #[0-9A-F]{6};[^}]*"
                            + "diameter: \\d+px;[^}]*caption: \"\\{name}\";");
        }
        assertThat(style.body()).contains("relationship.OFFTAKE {").contains("caption: \"{caption}\"");
    }

    @Test
    void theGuideHoldsEveryGuideQueryAsItsFileSaysIt() throws Exception {
        HttpResponse<String> guide = get("http://localhost:" + port + "/browser-guide/guide.html");
        assertThat(guide.statusCode()).isEqualTo(200);
        assertThat(guide.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(guide.body()).contains("<slide").doesNotContain("{{");
        try (Stream<Path> files = Files.list(Path.of("cypher/queries"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("guide-"))
                    .toList()) {
                String query = Files.readAllLines(file).stream()
                        .filter(l -> !l.strip().startsWith("//"))
                        .collect(Collectors.joining("\n"))
                        .strip();
                assertThat(guide.body())
                        .as(file.toString())
                        .contains("<pre class=\"pre-scrollable code runnable\">" + HtmlUtils.htmlEscape(query)
                                + "</pre>");
            }
        }
    }
}
