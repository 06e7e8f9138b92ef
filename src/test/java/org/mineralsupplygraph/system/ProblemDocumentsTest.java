package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mineralsupplygraph.support.Api;
import org.mineralsupplygraph.support.GraphTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error is a problem document of the catalogue ({@link ProblemType}), written the same way wherever it is raised:
 * the container's and the security firewall's refusals of a malformed request are 400s logged in one line, not 500s
 * with a stack trace; Spring MVC's own errors and the security filters' answers carry the catalogue's types and one
 * media type.
 */
@GraphTest
@ExtendWith(OutputCaptureExtension.class)
class ProblemDocumentsTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static void assertProblem(Api.Response r, int status, String type) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.get("type").asString()).isEqualTo(type);
        assertThat(r.get("status").asInt()).isEqualTo(status);
        ProblemType catalogued = Arrays.stream(ProblemType.values())
                .filter(t -> t.type().toString().equals(type))
                .findFirst()
                .orElseThrow();
        assertThat(r.get("title").asString()).isEqualTo(catalogued.title());
        assertThat(catalogued.status().value()).isEqualTo(status);
        assertThat(r.get("detail").asString()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/entities?=false", // a parameter without a name
                "/api/companies?a%07b=1", // a control character in a name (the security firewall)
                "/api/entities?q=%ZZ", // not percent-encoding
                "/api/minerals?%E0%A4%A=1", // a broken UTF-8 sequence in a name
                "/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=%C3%28"
            })
    void aMalformedRequestIsA400LoggedInOneLine(String target, CapturedOutput output) {
        int before = output.getOut().length();
        Api.Response r = api.raw(target);
        assertProblem(r, 400, "/problems/bad-request");
        String logged = output.getOut().substring(before);
        assertThat(logged).doesNotContain("Unexpected error").doesNotContain("\tat ");
        assertThat(logged).contains("WARN").contains("Request refused (400)");
    }

    @Test
    void springMvcsOwnErrorsCarryTheCataloguesTypes() {
        assertProblem(
                api.send(
                        "DELETE",
                        "/api/minerals",
                        "application/json",
                        "",
                        Map.of("X-API-Key", "test-writer-key-0123456789abcdef")),
                405,
                "/problems/method-not-allowed");
        assertProblem(
                api.post("/api/scenarios/disruption", "text/plain", "remove AR"),
                415,
                "/problems/unsupported-media-type");
        assertProblem(api.get("/api/no-such-thing"), 404, "/problems/not-found");
    }

    @Test
    void theSecurityFiltersWriteTheSameDocument() {
        // A write without a key: 401 from the security filter, the same media type as every other problem.
        Api.Response r = api.post("/api/import", "application/json", "{\"nodes\": [], \"relationships\": []}");
        assertProblem(r, 401, "/problems/unauthorized");
        assertThat(r.get("parameter").asString()).isEqualTo("X-API-Key");
        assertThat(r.get("instance").asString()).isEqualTo("/api/import");
    }
}
