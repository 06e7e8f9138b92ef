package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mineralsupplygraph.support.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No key configured and reads closed (OPEN_READS=false): every API request is refused with a problem that says why,
 * health stays open for the operator, and the log says how to configure a key. A context of its own (an empty
 * embedded database, nothing loaded), so that the shared one keeps its settings.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.neo4j.uri=",
            "supplygraph.neo4j.database=",
            "supplygraph.embedded.bolt-port=0",
            "supplygraph.embedded.http-port=0",
            "supplygraph.embedded.page-cache=16MB",
            "supplygraph.embedded.data-directory=target/test-neo4j/closed-${random.uuid}",
            "supplygraph.data.load-on-startup=false",
            "supplygraph.security.api-keys=",
            "supplygraph.security.open-reads=false",
            "supplygraph.query.warm-up=false"
        })
@ExtendWith(OutputCaptureExtension.class)
class ClosedApiTest {

    @LocalServerPort
    int port;

    @Test
    void withoutAKeyNothingIsServedButHealthAndTheLogSaysHowToConfigureOne(CapturedOutput output) {
        Api api = new Api(port);
        for (String path : List.of(
                "/api/minerals",
                "/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU",
                "/api/import/schema",
                "/v3/api-docs")) {
            Api.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        Api.Response write =
                api.post("/api/import", "application/json", "{}", Map.of("X-API-Key", "any-key-at-all-0123456789"));
        assertThat(write.status()).isEqualTo(401);
        assertThat(write.at("/detail").asString()).contains("no API key is configured");
        Api.Response scenario = api.post("/api/scenarios/disruption", "application/json", "{}");
        assertThat(scenario.status()).isEqualTo(401);
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        assertThat(output.getOut()).contains("No API key is configured").contains("set API_KEYS");
    }

    @Test
    void aShortKeyIsRefusedAtStartUp() {
        assertThatThrownBy(() -> ApiSecurity.keys(new ApiSecurityProperties(List.of("secret"), true)))
                .hasMessageContaining("use at least 16");
        assertThat(ApiSecurity.keys(new ApiSecurityProperties(List.of(" ", "0123456789abcdef"), true)))
                .hasSize(1);
    }
}
