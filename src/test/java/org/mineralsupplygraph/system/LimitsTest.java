package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.Api;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every limit refuses with a problem, never a hang or a 500: the import body size (50 MB by default, as JSON and as a
 * multipart upload), bounds on depths and result sizes, and the request line's length.
 */
@GraphTest
class LimitsTest {

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Test
    void anImportLargerThanTheLimitIsRefusedWith413AndNothingIsWritten() {
        Api api = new Api(port);
        Map<String, Object> before = new Cypher(driver).census();
        // A valid start of a document, then padding past 50 MB: refused while it is read, before any check.
        String padding = " ".repeat(51 * 1024 * 1024);
        String json =
                "{\"nodes\": [{\"label\": \"Company\", \"id\": \"limit-test\", \"name\": \"Limit\"}]" + padding + "}";
        Api.Response r = api.post("/api/import", "application/json", json, Map.of("X-API-Key", GraphTest.API_KEY));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.at("/detail").asString()).contains("larger than the limit");

        String boundary = "limit-boundary";
        String multipart =
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"nodes\"; filename=\"n.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\nlabel,id,name\r\n" + padding + "\r\n--" + boundary + "--\r\n";
        Api.Response upload = api.post(
                "/api/import",
                "multipart/form-data; boundary=" + boundary,
                multipart,
                Map.of("X-API-Key", GraphTest.API_KEY));
        assertThat(upload.status()).isEqualTo(413);
        assertThat(upload.contentType()).startsWith("application/problem+json");
        assertThat(new Cypher(driver).census()).isEqualTo(before);
    }

    @Test
    void boundsOnDepthsAndResultSizesAreProblemsNamingTheParameter() {
        Api api = new Api(port);
        for (String path : List.of(
                "/api/paths?from=gov-jp&to=sk-on&maxDepth=9",
                "/api/paths?from=gov-jp&to=sk-on&limit=1001",
                "/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU&maxDepth=0",
                "/api/entities/sk-on/neighbourhood?depth=9",
                "/api/entities/sk-on/neighbourhood?limit=100000",
                "/api/entities?q=lithium&limit=1001",
                "/api/ownership/sk-on?limit=1001")) {
            Api.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.text()).as(path).containsPattern("maxDepth|limit|depth");
        }
        // The error page asked for directly: nothing there.
        Api.Response error = api.get("/error");
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.contentType()).startsWith("application/problem+json");
        // A request line beyond the server's 32 KB header limit is refused by the server itself, still as a problem.
        Api.Response tooLong = api.get("/api/entities?q=" + "a".repeat(40_000));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
    }
}
