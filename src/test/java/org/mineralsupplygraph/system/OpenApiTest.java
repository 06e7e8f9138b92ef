package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.Api;
import org.mineralsupplygraph.support.GraphTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document lists every endpoint, and every parameter has a description and an example. */
@GraphTest
class OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void everyEndpointAndParameterIsDescribedWithAnExample() {
        Api api = new Api(port);
        Api.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.get("paths");
        assertThat(paths.propertyNames()).contains("/api/exposure", "/api/companies/{id}/dependencies", "/api/paths",
                "/api/entities", "/api/entities/{id}", "/api/entities/{id}/neighbourhood", "/api/agreements",
                "/api/policies", "/api/minerals", "/api/countries", "/api/companies", "/api/concentration",
                "/api/ownership/{id}", "/api/scenarios/disruption", "/api/alerts");
        assertThat(paths.propertyNames()).doesNotContain("/error");
        List<String> undescribed = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            assertThat(operation.getValue().get("summary").asString()).as(path.getKey()).isNotBlank();
            JsonNode parameters = operation.getValue().get("parameters");
            if (parameters != null) {
                parameters.forEach(p -> {
                    if (p.path("description").asString("").isBlank() || !p.has("example")) {
                        undescribed.add(path.getKey() + " " + p.get("name").asString());
                    }
                });
            }
        }));
        assertThat(undescribed).isEmpty();
    }

    @Test
    void swaggerUiIsServed() {
        Api.Response ui = new Api(port).get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.text()).contains("Swagger UI");
        assertThat(new Api(port).get("/swagger-ui.html").status()).isIn(200, 302);
    }
}
