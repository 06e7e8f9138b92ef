package org.mineralsupplygraph.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mineralsupplygraph.graph.GraphModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/import-format.schema.json is the model's JSON Schema: generated from GraphModel, a valid draft 2020-12 schema,
 * satisfied by every data set the project ships, and refusing what the importer refuses, at the same place.
 */
class ImportFormatSchemaTest {

    private static final Path CHECKED_IN = Path.of("docs/import-format.schema.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .build()));
    private static final Schema SCHEMA = REGISTRY.getSchema(JSON.readTree(ImportFormatSchema.text()));

    private static List<String> schemaErrors(String document) {
        return SCHEMA.validate(JSON.readTree(document)).stream()
                .map(e -> e.getInstanceLocation() + " " + e.getMessage())
                .toList();
    }

    private static List<String> importerProblems(String document) {
        try {
            DocumentValidator.validate(
                    JsonDocumentReader.read(
                            "test.json", new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))),
                    ids -> Map.of());
        } catch (ImportException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        return List.of();
    }

    @Test
    void theCheckedInSchemaIsTheOneGeneratedFromTheModel() throws Exception {
        assertThat(Files.readString(CHECKED_IN))
                .as("docs/import-format.schema.json is stale: regenerate it with"
                        + " `java -cp target/classes:... org.mineralsupplygraph.importer.ImportFormatSchema`")
                .isEqualTo(ImportFormatSchema.text());
    }

    @Test
    void theSchemaIsAValidDraft2020_12Schema() {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<Error> errors = meta.validate(JSON.readTree(ImportFormatSchema.text()));
        assertThat(errors).isEmpty();
        // The meta-schema really checks: a schema with a misspelt type is refused.
        assertThat(meta.validate(JSON.readTree("{\"type\": \"nubmer\"}"))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"reference-countries.json", "seed-article.json", "supplementary-facts.json", "more-facts.json"})
    void everyShippedDataSetSatisfiesTheSchema(String file) throws Exception {
        String document = Files.readString(Path.of("src/main/resources/data", file));
        assertThat(schemaErrors(document)).isEmpty();
        assertThat(JSON.readTree(document).get("nodes").size()
                        + JSON.readTree(document).get("relationships").size())
                .as("the data set is not empty")
                .isPositive();
    }

    /** Each line: a broken record, where the error is, and a word of the importer's message for it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"label": "Compnay", "id": "x", "name": "X", "source": "t"}                         | /nodes/0/label    | unknown label
            {"label": "Company", "id": "x", "source": "t"}                                      | /nodes/0          | 'name' is required
            {"label": "Company", "id": "X Corp", "name": "X", "source": "t"}                    | /nodes/0/id       | not a valid Company id
            {"label": "Company", "id": "x", "name": "X", "source": "t", "kind": "bank"}         | /nodes/0/kind     | not a valid kind
            {"label": "Company", "id": "x", "name": "X", "source": "t", "colour": "red"}        | /nodes/0          | unknown property 'colour
            {"label": "Product", "id": "x", "name": "X", "source": "t"}                         | /nodes/0          | 'stage' is required
            {"label": "Policy", "id": "x", "name": "X", "source": "t", "kind": "fund", "evidence": "e", "thresholdPct": 120} | /nodes/0/thresholdPct | 0..100
            {"label": "Policy", "id": "x", "name": "X", "source": "t", "kind": "fund", "evidence": "e", "announced": "2023-13"} | /nodes/0/announced | not a date
            {"label": "Policy", "id": "x", "name": "X", "source": "t", "kind": "fund", "evidence": "e", "amount": "lots"} | /nodes/0/amount | not a number
            {"label": "Policy", "id": "x", "name": "X", "source": "t", "kind": "fund", "evidence": "e", "targetYear": 2030.5} | /nodes/0/targetYear | whole number
            {"label": "Agreement", "id": "x", "name": "X", "source": "t", "kind": "mou"}        | /nodes/0          | 'evidence' is required
            {"label": "Mine", "id": "x", "name": "X", "source": "t", "latitude": 95, "longitude": 10, "locationPrecision": "site"} | /nodes/0/latitude | -90..90
            {"label": "Mine", "id": "x", "name": "X", "source": "t", "latitude": 45, "longitude": -181, "locationPrecision": "site"} | /nodes/0/longitude | -180..180
            {"label": "Mine", "id": "x", "name": "X", "source": "t", "latitude": 45, "longitude": 10, "locationPrecision": "street"} | /nodes/0/locationPrecision | not a valid locationPrecision
            {"label": "Mine", "id": "x", "name": "X", "source": "t", "latitude": "north", "longitude": 10, "locationPrecision": "site"} | /nodes/0/latitude | not a number of degrees
            """)
    void aBrokenNodeIsRefusedByTheSchemaAndTheImporterAtTheSamePlace(String node, String pointer, String message) {
        String document = """
                {"sources": [{"id": "t", "kind": "user", "title": "T"}], "nodes": [%s], "relationships": []}
                """.formatted(node);
        assertThat(schemaErrors(document)).anySatisfy(e -> assertThat(e).startsWith(pointer + " "));
        assertThat(importerProblems(document))
                .anySatisfy(p -> assertThat(p).contains("(" + pointer).contains(message));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"type": "OWNS_SHARES", "from": "a", "to": "b", "source": "t", "evidence": "e"}                 | /relationships/0/type     | unknown relationship type
            {"type": "OFFTAKE", "from": "a", "source": "t", "evidence": "e"}                                | /relationships/0          | 'to' is required
            {"type": "OFFTAKE", "from": "a", "to": "b", "source": "t"}                                      | /relationships/0          | 'evidence' is required
            {"type": "OFFTAKE", "from": "a", "to": "b", "source": "t", "evidence": "e", "sharePct": -5}      | /relationships/0/sharePct | negative
            {"type": "OFFTAKE", "from": "a", "to": "b", "source": "t", "evidence": "e", "status": "signed"}  | /relationships/0/status   | not a valid status
            {"type": "INVESTS_IN", "from": "a", "to": "b", "source": "t", "evidence": "e", "stakePct": 101} | /relationships/0/stakePct | 0..100
            {"type": "INVESTS_IN", "from": "a", "to": "b", "source": "t", "evidence": "e", "validFrom": "23/10/2023"} | /relationships/0/validFrom | not a date
            {"type": "LOCATED_IN", "from": "a", "to": "b", "source": "t", "evidence": "e", "stakePct": 10}  | /relationships/0          | unknown property 'stakePct
            """)
    void aBrokenRelationshipIsRefusedByTheSchemaAndTheImporterAtTheSamePlace(
            String relationship, String pointer, String message) {
        String document = """
                {"sources": [{"id": "t", "kind": "user", "title": "T"}], "nodes": [], "relationships": [%s]}
                """.formatted(relationship);
        assertThat(schemaErrors(document)).anySatisfy(e -> assertThat(e).startsWith(pointer + " "));
        assertThat(importerProblems(document))
                .anySatisfy(p -> assertThat(p).contains("(" + pointer).contains(message));
    }

    @Test
    void theDocumentsOwnShapeIsChecked() {
        assertThat(schemaErrors("{\"format\": \"mineral-supply-graph/2\", \"nodes\": []}"))
                .anySatisfy(e -> assertThat(e).startsWith("/format "));
        assertThat(schemaErrors("{\"nodes\": [], \"edges\": []}")).isNotEmpty();
        assertThat(schemaErrors("{\"sources\": [{\"id\": \"Bad Id\", \"kind\": \"blog\", \"title\": \"T\"}]}"))
                .anySatisfy(e -> assertThat(e).startsWith("/sources/0/id "))
                .anySatisfy(e -> assertThat(e).startsWith("/sources/0/kind "));
    }

    @Test
    void aPropertyGivenAsNullIsAllowedAsTheImporterLeavesItOut() {
        String document = """
                {"sources": [{"id": "t", "kind": "user", "title": "T"}],
                 "nodes": [{"label": "Mine", "id": "m", "name": "M", "source": "t", "status": null, "province": null}],
                 "relationships": [{"type": "OFFTAKE", "from": "c", "to": "m", "source": "t", "evidence": "e",
                                    "tonnesPerYear": null, "sharePct": null, "startDate": null}]}
                """;
        assertThat(schemaErrors(document)).isEmpty();
        assertThatThrownBy(() -> DocumentValidator.validate(
                        JsonDocumentReader.read(
                                "test.json", new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))),
                        ids -> Map.of()))
                .as("only the missing company 'c' is a problem, and the schema cannot know it")
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.problems()).singleElement().asString().contains("'c'"));
    }

    @Test
    void everyLabelAndTypeHasItsDefinition() {
        JsonNode defs = JSON.readTree(ImportFormatSchema.text()).get("$defs");
        GraphModel.labels()
                .keySet()
                .forEach(
                        label -> assertThat(defs.has("node-" + label)).as(label).isTrue());
        GraphModel.relationshipTypes()
                .keySet()
                .forEach(type ->
                        assertThat(defs.has("relationship-" + type)).as(type).isTrue());
    }
}
