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
        assertThat(paths.propertyNames())
                .contains(
                        "/api/exposure",
                        "/api/companies/{id}/dependencies",
                        "/api/paths",
                        "/api/entities",
                        "/api/entities/{id}",
                        "/api/entities/{id}/neighbourhood",
                        "/api/agreements",
                        "/api/policies",
                        "/api/minerals",
                        "/api/countries",
                        "/api/companies",
                        "/api/concentration",
                        "/api/ownership/{id}",
                        "/api/scenarios/disruption",
                        "/api/alerts");
        assertThat(paths.propertyNames()).doesNotContain("/error");
        List<String> undescribed = new ArrayList<>();
        paths.properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    assertThat(operation.getValue().get("summary").asString())
                            .as(path.getKey())
                            .isNotBlank();
                    JsonNode parameters = operation.getValue().get("parameters");
                    if (parameters != null) {
                        parameters.forEach(p -> {
                            // The example is the parameter's, or its schema's (an array's, as an array).
                            if (p.path("description").asString("").isBlank()
                                    || !p.has("example") && !p.path("schema").has("example")) {
                                undescribed.add(
                                        path.getKey() + " " + p.get("name").asString());
                            }
                        });
                    }
                }));
        assertThat(undescribed).isEmpty();
    }

    @Test
    void theDocumentSaysWhatTheApiIsHowToAuthoriseAndWhichProblemsEachOperationAnswers() {
        Api.Response docs = new Api(port).get("/v3/api-docs");
        assertThat(docs.at("/info/title").asString()).isEqualTo("Mineral Supply Graph API");
        assertThat(docs.at("/info/version").asString()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(docs.at("/info/description").asString()).contains("application/problem+json");
        JsonNode scheme = docs.at("/components/securitySchemes/apiKey");
        assertThat(scheme.get("type").asString()).isEqualTo("apiKey");
        assertThat(scheme.get("in").asString()).isEqualTo("header");
        assertThat(scheme.get("name").asString()).isEqualTo("X-API-Key");
        // Writes need the key; reads and scenarios (computed in read transactions) do not.
        assertThat(docs.at("/paths/~1api~1import/post/security/0").has("apiKey"))
                .isTrue();
        assertThat(docs.at("/paths/~1api~1import/post/responses/401/content/application~1problem+json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/ProblemDetail");
        assertThat(docs.at("/paths/~1api~1exposure/get/security").isMissingNode())
                .isTrue();
        // The scenario body has a schema: its fields, which are required, no others.
        String scenarioRef = docs.at("/paths/~1api~1scenarios~1disruption/post/requestBody/content/application~1json"
                        + "/schema/$ref")
                .asString();
        JsonNode scenario = docs.at("/components/schemas/" + scenarioRef.substring(scenarioRef.lastIndexOf('/') + 1));
        assertThat(scenario.get("properties").propertyNames())
                .containsExactlyInAnyOrder("remove", "mineral", "buyerCountry", "basis", "asOf");
        assertThat(scenario.get("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("remove", "mineral", "buyerCountry");
        assertThat(scenario.get("additionalProperties").asBoolean(true)).isFalse();
        // Both import bodies, as one operation; the schema endpoint answers an object.
        JsonNode importBody = docs.at("/paths/~1api~1import/post/requestBody/content");
        assertThat(importBody.propertyNames()).containsExactlyInAnyOrder("application/json", "multipart/form-data");
        assertThat(importBody.at("/application~1json/schema/type").asString()).isEqualTo("object");
        assertThat(importBody.at("/application~1json/schema/externalDocs/url").asString())
                .isEqualTo("/api/import/schema");
        assertThat(docs.at("/paths/~1api~1import/post/operationId").asString()).isEqualTo("importDocument");
        assertThat(docs.at(
                                "/paths/~1api~1import~1schema/get/responses/200/content/application~1schema+json/schema/type")
                        .asString())
                .isEqualTo("object");
        assertThat(docs.at("/paths/~1api~1scenarios~1disruption/post/security").isMissingNode())
                .isTrue();
        // Every operation documents its bad input, unavailability and server errors as problems.
        List<String> missing = new ArrayList<>();
        docs.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    for (String status : List.of("400", "500", "503")) {
                        JsonNode response = operation
                                .getValue()
                                .at("/responses/" + status + "/content/application~1problem+json/schema/$ref");
                        if (!"#/components/schemas/ProblemDetail".equals(response.asString(""))) {
                            missing.add(operation.getKey() + " " + path.getKey() + " " + status);
                        }
                    }
                }));
        assertThat(missing).isEmpty();
        // The shapes the API checks are stated: country codes and node ids.
        assertThat(parameter(docs, "/api/exposure", "buyerCountry")
                        .at("/schema/pattern")
                        .asString())
                .isEqualTo("^[A-Za-z]{2}$");
        assertThat(parameter(docs, "/api/paths", "from").at("/schema/pattern").asString())
                .isEqualTo("^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$");
        assertThat(parameter(docs, "/api/paths", "maxDepth")
                        .at("/schema/maximum")
                        .asInt())
                .isEqualTo(8);
        assertThat(docs.at("/components/schemas/ProblemDetail/required")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactlyInAnyOrder("type", "title", "status", "detail");
    }

    private static JsonNode parameter(Api.Response docs, String path, String name) {
        for (JsonNode p : docs.at("/paths/" + path.replace("/", "~1") + "/get/parameters")) {
            if (p.get("name").asString().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " on " + path);
    }

    @Test
    void swaggerUiIsServed() {
        Api.Response ui = new Api(port).get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.text()).contains("Swagger UI");
        assertThat(new Api(port).get("/swagger-ui.html").status()).isIn(200, 302);
    }
}
