package org.mineralsupplygraph.importer;

import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code POST /api/import} is one operation with two bodies (two handler methods, told apart by their media type),
 * which springdoc would show as one of them: the document shows both, the JSON one linking the import format's JSON
 * Schema. {@code GET /api/import/schema} answers a JSON object (a schema), not a string.
 */
@Configuration(proxyBeanMethods = false)
class ImportApiDocumentation {

    @Bean
    OpenApiCustomizer importOperations() {
        return openApi -> {
            PathItem imports = openApi.getPaths().get("/api/import");
            if (imports != null && imports.getPost() != null) {
                Operation post = imports.getPost();
                post.setOperationId("importDocument");
                post.setSummary("Import a document: JSON in the import format, or its CSV form");
                post.setDescription("application/json: one document in the import format (its JSON Schema at GET"
                        + " /api/import/schema; docs/import-format.md). multipart/form-data: the CSV form, a nodes file"
                        + " and a relationships file; problems name the file and line. Either way the whole document"
                        + " is validated first: any problem answers 400 with every problem and its place, and nothing"
                        + " is written. Then it is merged: a second import of the same document creates nothing.");
                Content content = post.getRequestBody().getContent();
                // The format's JSON Schema is draft 2020-12 (const, if/then, null in type lists), which OpenAPI 3.0
                // cannot hold and client generators fail on when referenced: the body is an object, the schema linked.
                content.addMediaType(
                        org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType()
                                .schema(new ObjectSchema()
                                        .description("A document in the import format: format, description,"
                                                + " sources, nodes, relationships. Its JSON Schema (draft 2020-12) is served at GET"
                                                + " /api/import/schema.")
                                        .externalDocs(new ExternalDocumentation()
                                                .description("the import format's JSON Schema")
                                                .url("/api/import/schema"))));
                post.getRequestBody().setRequired(true);
            }
            PathItem schema = openApi.getPaths().get("/api/import/schema");
            if (schema != null && schema.getGet() != null) {
                schema.getGet().setOperationId("getImportFormatSchema");
                schema.getGet()
                        .getResponses()
                        .get("200")
                        .getContent()
                        .values()
                        .forEach(media ->
                                media.setSchema(new ObjectSchema().description("a JSON Schema, draft 2020-12")));
            }
        };
    }
}
