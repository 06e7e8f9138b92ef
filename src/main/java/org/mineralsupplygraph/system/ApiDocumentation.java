package org.mineralsupplygraph.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mineralsupplygraph.graph.GraphModel;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document says about the API as a whole: its title, description and version (the pom's), the
 * {@code X-API-Key} security scheme on the operations that need a key (writes; every operation when
 * {@code OPEN_READS=false}), and the problem documents every operation can answer ({@link ProblemType}, one
 * {@code ProblemDetail} schema).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String API_KEY = "apiKey";

    @Bean
    OpenAPI mineralSupplyGraphOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("Mineral Supply Graph API")
                        .version(properties == null ? "development" : properties.getVersion())
                        .description("Critical-mineral supply networks as a graph: who depends on whom and on which"
                                + " places (exposure, paths), how concentrated a supply is, who owns what, what a"
                                + " disruption would take, early warnings; each answer with the relationships behind"
                                + " it and their sources. Errors are RFC 9457 problem documents"
                                + " (application/problem+json). Reads are open unless the server sets"
                                + " OPEN_READS=false; writes need an X-API-Key."))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-API-Key")
                                        .description(
                                                "One of the keys in the server's API_KEYS (at least 16 characters).")));
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                new StringSchema()
                        .description("the kind of problem, one of the catalogue's")
                        .example("/problems/invalid-parameter"));
        properties.put("title", new StringSchema().example("Invalid parameter"));
        properties.put("status", new IntegerSchema().example(400));
        properties.put("detail", new StringSchema().description("what went wrong, and what to do about it"));
        properties.put(
                "instance",
                new StringSchema().description("the path of the request").nullable(true));
        properties.put(
                "parameter",
                new StringSchema()
                        .description("the parameter, field or header at fault")
                        .nullable(true));
        properties.put(
                "value", new StringSchema().description("the value given").nullable(true));
        properties.put(
                "errors",
                new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/ProblemError"))
                        .description("each thing wrong, when there are several (ProblemError)"));
        properties.put(
                "total",
                new IntegerSchema()
                        .description("invalid-document: how many problems the document" + " has")
                        .nullable(true));
        Schema<?> schema = new ObjectSchema().description("An RFC 9457 problem document");
        schema.setProperties(properties);
        schema.setRequired(List.of("type", "title", "status", "detail"));
        return schema;
    }

    /** {@link ProblemError}: what is wrong, and where as far as known (the fields without a value are left out). */
    private static Schema<?> errorSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("detail", new StringSchema().description("what is wrong, and what to do about it"));
        properties.put("parameter", new StringSchema().description("the parameter or body field at fault"));
        properties.put("value", new StringSchema().description("the value given"));
        properties.put(
                "file",
                new StringSchema()
                        .description("import: the file (nodes.csv, relationships.csv, or the" + " JSON document)")
                        .example("relationships.csv"));
        properties.put(
                "line",
                new IntegerSchema()
                        .description("import: the line in the file, from 1")
                        .example(3));
        properties.put(
                "pointer",
                new StringSchema()
                        .description("import: the JSON pointer of the field in the" + " record")
                        .example("/sharePct"));
        Schema<?> schema = new ObjectSchema().description("One thing wrong with the request");
        schema.setProperties(properties);
        schema.setRequired(List.of("detail"));
        return schema;
    }

    /** Writes need a key; every operation documents the problems it can answer. */
    @Bean
    OpenApiCustomizer problemsAndSecurity(ApiSecurityProperties security) {
        boolean openReads = security.openReads();
        return openApi -> {
            // Here rather than in the bean above: the schemas generated from the controllers replace those.
            openApi.getComponents().addSchemas("ProblemDetail", problemSchema());
            openApi.getComponents().addSchemas("ProblemError", errorSchema());
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) -> document(path, method, operation, openReads)));
        };
    }

    /**
     * The shapes the API checks (RequestParameters; the model's labels and relationship types), stated so that a
     * generated client can check before sending.
     */
    @SuppressWarnings("unchecked")
    private static void constrain(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().forEach(p -> {
            if (p.getSchema() == null
                    || !"string".equals(p.getSchema().getType())
                            && (p.getSchema().getTypes() == null
                                    || !p.getSchema().getTypes().contains("string"))) {
                return;
            }
            if (RequestParameters.COUNTRY_PARAMETERS.contains(p.getName())) {
                p.getSchema().setPattern("^" + RequestParameters.COUNTRY_PATTERN + "$");
            } else if (RequestParameters.ID_PARAMETERS.contains(p.getName())) {
                p.getSchema().setPattern("^" + RequestParameters.ID_PATTERN + "$");
            } else if (RequestParameters.DATE_PARAMETERS.contains(p.getName())) {
                p.getSchema().setFormat("date");
            } else if (p.getName().equals("label")) {
                List<String> labels = new ArrayList<>(GraphModel.labels().keySet());
                labels.add(GraphModel.SOURCE);
                ((Schema<Object>) p.getSchema()).setEnum(new ArrayList<>(labels));
            }
        });
        operation.getParameters().stream()
                .filter(p -> p.getName().equals("types")
                        && p.getSchema() != null
                        && p.getSchema().getItems() != null)
                .forEach(p -> ((Schema<Object>) p.getSchema().getItems())
                        .setEnum(new ArrayList<>(GraphModel.relationshipTypes().keySet())));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation, boolean openReads) {
        constrain(operation);
        boolean write = method != PathItem.HttpMethod.GET && !path.startsWith("/api/scenarios/");
        boolean keyed = write || !openReads;
        if (keyed) {
            operation.addSecurityItem(new SecurityRequirement().addList(API_KEY));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        add(
                responses,
                ProblemType.INVALID_PARAMETER,
                "a parameter or the body is malformed or out of range; the" + " problem names it");
        if (keyed) {
            add(responses, ProblemType.UNAUTHORIZED, "no X-API-Key, or not one of the server's keys");
        }
        if (path.contains("{")
                || path.startsWith("/api/exposure")
                || path.startsWith("/api/paths")
                || path.startsWith("/api/concentration")
                || path.startsWith("/api/companies")
                || path.startsWith("/api/agreements")
                || path.startsWith("/api/policies")
                || path.startsWith("/api/alerts")
                || path.startsWith("/api/sites")
                || path.startsWith("/api/flows")
                || path.startsWith("/api/production")
                || path.startsWith("/api/export")) {
            add(responses, ProblemType.NOT_FOUND, "the graph holds no node with an id, code or name given");
        }
        if (path.equals("/api/import")) {
            add(responses, ProblemType.TOO_LARGE, "the document is larger than the server's limit");
            add(responses, ProblemType.UNSUPPORTED_MEDIA_TYPE, "neither application/json nor multipart/form-data");
        } else if (operation.getRequestBody() != null) {
            add(responses, ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body is not application/json");
        }
        add(
                responses,
                ProblemType.NOT_ACCEPTABLE,
                "the Accept header allows neither application/json nor" + " application/problem+json");
        if (path.startsWith("/api/scenarios/") || path.startsWith("/api/ownership")) {
            add(
                    responses,
                    ProblemType.UNPROCESSABLE,
                    "the request names something the graph does not hold, or asks" + " for more than can be computed");
        }
        add(
                responses,
                ProblemType.UNAVAILABLE,
                "the query ran past its time limit (QUERY_TIMEOUT), all query slots"
                        + " stayed taken, or the database cannot be reached; try again (Retry-After)");
        add(responses, ProblemType.INTERNAL, "an error on the server (logged)");
        operation.setResponses(responses);
    }

    private static void add(ApiResponses responses, ProblemType type, String when) {
        String status = Integer.toString(type.status().value());
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(
                status,
                new ApiResponse()
                        .description(type.title() + ": " + when)
                        .content(new Content()
                                .addMediaType(
                                        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")))));
    }
}
