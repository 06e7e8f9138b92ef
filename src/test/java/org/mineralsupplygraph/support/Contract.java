package org.mineralsupplygraph.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's contract: every response to {@code /api/...} must be one the served OpenAPI document describes (its
 * status documented for the operation, its media type, its body valid against the schema, no field the schema does
 * not name). {@link Api} checks every response it receives, so each API test is also a contract test. A request to a
 * path or method the document does not have must be answered by a problem document.
 */
public final class Contract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** By document: building one takes a while, and the test contexts of one JVM serve few distinct documents. */
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private static final Set<String> UNDOCUMENTED_OPERATION =
            Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private Contract() {}

    /**
     * The validator for the document an application serves at {@code base + "/v3/api-docs"}; null when the document
     * needs a key (OPEN_READS=false), and then every answer a client without one gets is a 401 problem.
     */
    public static OpenApiInteractionValidator of(String base) {
        String document = fetch(base + "/v3/api-docs");
        return document == null ? null : VALIDATORS.computeIfAbsent(document, Contract::forDocument);
    }

    /**
     * A validator for a document given as text, strict: a field the document does not name fails too. One rewrite
     * that keeps the meaning: each nullable reference, {@code {type: object, nullable: true, allOf: [{$ref: R}]}},
     * becomes R's schema with {@code nullable: true} (the validator's {@code nullable} does not reach into an
     * {@code allOf}, so it would refuse the null the document allows).
     */
    public static OpenApiInteractionValidator forDocument(String document) {
        JsonNode root = JSON.readTree(document);
        inline(root, root.path("components").path("schemas"));
        return strict(OpenApiInteractionValidator.createForInlineApiSpecification(root.toString()));
    }

    private static void inline(JsonNode node, JsonNode schemas) {
        if (node instanceof ObjectNode object
                && object.path("nullable").asBoolean(false)
                && object.path("allOf").size() == 1
                && object.path("allOf").get(0).has("$ref")) {
            String ref = object.path("allOf").get(0).get("$ref").asString();
            JsonNode target = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            object.remove("allOf");
            target.properties().forEach(e -> object.set(e.getKey(), e.getValue().deepCopy()));
            object.put("nullable", true);
        }
        node.forEach(child -> inline(child, schemas));
    }

    /** A field the document does not name fails too. */
    private static OpenApiInteractionValidator strict(OpenApiInteractionValidator.Builder builder) {
        return builder.withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                        .withLevel("validation.response.contentType.notAllowed", ValidationReport.Level.ERROR)
                        .withLevel("validation.response.status.unknown", ValidationReport.Level.ERROR)
                        .build())
                .build();
    }

    /** What is wrong with a response to {@code method path}: empty when the document describes it. */
    public static String violations(
            OpenApiInteractionValidator validator,
            String method,
            String path,
            int status,
            String contentType,
            String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withBody(body);
        if (!contentType.isEmpty()) {
            response.withContentType(contentType);
        }
        Request.Method known = Arrays.stream(Request.Method.values())
                .filter(m -> m.name().equals(method.toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElse(null);
        ValidationReport report = known == null ? null : validator.validateResponse(path, known, response.build());
        // The validator ignores a trailing slash; the application does not (/api/entities/ is no operation). A method
        // OpenAPI has no field for (QUERY) is no operation either.
        if (report == null
                || path.endsWith("/")
                || report.getMessages().stream().anyMatch(m -> UNDOCUMENTED_OPERATION.contains(m.getKey()))) {
            // Not an operation of the document (an unknown path or method): the answer must be a problem.
            return contentType.startsWith("application/problem+json")
                            && status >= 400
                            && body.contains("\"type\"")
                            && body.contains("\"title\"")
                            && body.contains("\"status\"")
                    ? ""
                    : "an undocumented operation answered " + status + " " + contentType + " without a problem"
                            + " document";
        }
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .collect(Collectors.joining("\n"));
    }

    /** Fails when the response to {@code method pathAndQuery} is not one the served document describes. */
    static void check(
            OpenApiInteractionValidator validator, String method, String pathAndQuery, Api.Response response) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        if (!path.startsWith("/api/")) {
            return;
        }
        String violations = validator == null
                ? response.status() == 401 && response.contentType().startsWith("application/problem+json")
                        ? ""
                        : "the document needs a key, and so does every operation: the answer must be a 401 problem"
                : violations(validator, method, path, response.status(), response.contentType(), response.text());
        if (!violations.isEmpty()) {
            throw new AssertionError("The response to " + method + " " + pathAndQuery + " (" + response.status()
                    + " " + response.contentType() + ") is not one /v3/api-docs describes:\n" + violations + "\nBody: "
                    + (response.text().length() > 2000 ? response.text().substring(0, 2000) + "..." : response.text()));
        }
    }

    private static String fetch(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(url + " could not be read", e);
        }
    }
}
