package org.mineralsupplygraph.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mineralsupplygraph.graph.GraphModel;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (draft 2020-12) of the import format's JSON form, derived from {@link GraphModel} so that it cannot
 * drift from what the importer checks. {@code docs/import-format.schema.json} is its output, and
 * {@code GET /api/import/schema} serves it.
 *
 * <p>A schema sees one document at a time, so it cannot know what is already in the graph: that a relationship's ends
 * exist and carry the right labels, that a {@code source} is declared, that ids are unique, and that a date such as
 * {@code 2023-02-30} is a real calendar date are checked by the importer only. The importer also accepts numbers and
 * true/false written as strings (the CSV form has no other way); the schema asks for JSON numbers and booleans.
 */
public final class ImportFormatSchema {

    public static final String ID = "https://mineral-supply-graph.org/schema/import-format-1.json";
    public static final String MEDIA_TYPE = "application/schema+json";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DATE_PATTERN = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
    private static final String SOURCE_ID_PATTERN = "^[a-z0-9]+([.-][a-z0-9]+)*$";

    private ImportFormatSchema() {}

    /** The schema as indented JSON text with a final newline, as checked in. */
    public static String text() {
        JsonMapper mapper =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        return mapper.writeValueAsString(schema()) + "\n";
    }

    public static ObjectNode schema() {
        ObjectNode root = JSON.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", ID);
        root.put("title", "Mineral Supply Graph import document");
        root.put(
                "description",
                "Sources, nodes and relationships with their provenance (docs/import-format.md)."
                        + " The importer checks further what a schema cannot: that relationship ends exist with the labels"
                        + " the type allows, that sources are declared, that ids are unique and that dates are real.");
        root.put("type", "object");
        ObjectNode properties = root.putObject("properties");
        properties.putObject("format").put("const", "mineral-supply-graph/1");
        properties.putObject("description").put("type", "string");
        properties.set("sources", arrayOf("#/$defs/source"));
        properties.set("nodes", arrayOf("#/$defs/node"));
        properties.set("relationships", arrayOf("#/$defs/relationship"));
        root.put("additionalProperties", false);

        ObjectNode defs = root.putObject("$defs");
        valueTypes(defs);
        defs.set("source", source());
        defs.set(
                "node",
                dispatch("label", GraphModel.labels().keySet(), "node-", List.of("label", "id", "name", "source")));
        for (GraphModel.Label label : GraphModel.labels().values()) {
            defs.set("node-" + label.name(), node(label));
        }
        defs.set(
                "relationship",
                dispatch(
                        "type",
                        GraphModel.relationshipTypes().keySet(),
                        "relationship-",
                        List.of("type", "from", "to", "source", "evidence")));
        for (GraphModel.RelationshipType type : GraphModel.relationshipTypes().values()) {
            defs.set("relationship-" + type.name(), relationship(type));
        }
        return root;
    }

    private static ObjectNode arrayOf(String ref) {
        ObjectNode array = JSON.objectNode();
        array.put("type", "array");
        array.putObject("items").put("$ref", ref);
        return array;
    }

    private static void valueTypes(ObjectNode defs) {
        ObjectNode string = defs.putObject("string");
        string.put("type", "string");
        string.put("maxLength", 10_000);
        ObjectNode required = defs.putObject("required-string");
        required.put("type", "string");
        required.put("minLength", 1);
        required.put("pattern", "\\S");
        required.put("maxLength", 10_000);
        ObjectNode number = defs.putObject("number");
        number.set("type", types("number", "null"));
        number.put("minimum", 0);
        ObjectNode integer = defs.putObject("integer");
        integer.set("type", types("integer", "null"));
        integer.put("minimum", 0);
        ObjectNode percent = defs.putObject("percent");
        percent.set("type", types("number", "null"));
        percent.put("minimum", 0);
        percent.put("maximum", 100);
        ObjectNode date = defs.putObject("date");
        date.set("type", types("string", "null"));
        date.put("pattern", DATE_PATTERN);
        date.put("description", "YYYY, YYYY-MM or YYYY-MM-DD");
        defs.putObject("boolean").set("type", types("boolean", "null"));
        ObjectNode list = defs.putObject("string-list");
        list.set("type", types("array", "null"));
        list.putObject("items").put("type", "string");
        ObjectNode reference = defs.putObject("reference");
        reference.set("type", types("string", "null"));
        reference.put("minLength", 1);
        reference.put("description", "the id of a node in the document or the graph");
        ObjectNode sources = defs.putObject("source-references");
        sources.set("type", types("array", "null"));
        sources.putObject("items").put("type", "string").put("pattern", SOURCE_ID_PATTERN);
        ObjectNode source = defs.putObject("source-reference");
        source.set("type", types("string", "null"));
        source.put("pattern", SOURCE_ID_PATTERN);
        source.put("description", "the id of a source in the document or the graph");
        for (String axis : List.of("latitude", "longitude")) {
            int limit = axis.equals("latitude") ? 90 : 180;
            ObjectNode degrees = defs.putObject(axis);
            degrees.set("type", types("number", "null"));
            degrees.put("minimum", -limit);
            degrees.put("maximum", limit);
            degrees.put(
                    "description",
                    "degrees of " + axis + " (WGS 84); with the other axis and locationPrecision,"
                            + " stored as the point 'location'");
        }
        ObjectNode optional = defs.putObject("optional-string");
        optional.set("type", types("string", "null"));
        optional.put("maxLength", 10_000);
    }

    private static ArrayNode types(String... names) {
        ArrayNode array = JSON.arrayNode();
        for (String name : names) {
            array.add(name);
        }
        return array;
    }

    private static ObjectNode source() {
        ObjectNode source = JSON.objectNode();
        source.put("type", "object");
        source.set("required", strings(List.of("id", "title", "kind")));
        ObjectNode properties = source.putObject("properties");
        properties.putObject("id").put("type", "string").put("pattern", SOURCE_ID_PATTERN);
        properties.putObject("title").put("$ref", "#/$defs/required-string");
        properties.set("kind", enumeration(GraphModel.SOURCE_KINDS, false));
        for (String property : new TreeSet<>(GraphModel.SOURCE_PROPERTIES)) {
            if (!properties.has(property)) {
                properties.set(property, valueType(property));
            }
        }
        source.put("additionalProperties", false);
        return source;
    }

    /**
     * A record whose shape depends on its discriminator ({@code label} or {@code type}): the discriminator must be one
     * of the known names, and the record must then match that name's definition.
     */
    private static ObjectNode dispatch(
            String discriminator, Collection<String> names, String prefix, List<String> required) {
        ObjectNode record = JSON.objectNode();
        record.put("type", "object");
        record.set("required", strings(required));
        record.putObject("properties").set(discriminator, enumeration(names, false));
        ArrayNode cases = record.putArray("allOf");
        for (String name : names) {
            ObjectNode when = cases.addObject();
            ObjectNode condition = when.putObject("if");
            condition.set("required", strings(List.of(discriminator)));
            condition.putObject("properties").putObject(discriminator).put("const", name);
            when.putObject("then").put("$ref", "#/$defs/" + prefix + name);
        }
        return record;
    }

    private static ObjectNode node(GraphModel.Label label) {
        ObjectNode node = JSON.objectNode();
        node.put("title", label.name());
        node.put("description", "id: " + label.idRule());
        TreeSet<String> required = new TreeSet<>(label.required());
        required.addAll(List.of("label", "id", "name", "source"));
        if (label.name().equals("Agreement") || label.name().equals("Policy")) {
            required.add("evidence");
        }
        node.set("required", strings(required));
        ObjectNode properties = node.putObject("properties");
        properties.putObject("label").put("const", label.name());
        properties
                .putObject("id")
                .put("type", "string")
                .put("pattern", "^" + label.idPattern().pattern() + "$");
        TreeSet<String> names = new TreeSet<>(GraphModel.COMMON_NODE_PROPERTIES);
        names.addAll(label.properties());
        addProperties(properties, names, label.enums(), required);
        node.put("additionalProperties", false);
        return node;
    }

    private static ObjectNode relationship(GraphModel.RelationshipType type) {
        ObjectNode relationship = JSON.objectNode();
        relationship.put("title", type.name());
        StringBuilder ends = new StringBuilder();
        for (List<String> pair : type.ends()) {
            ends.append(ends.isEmpty() ? "" : "; ")
                    .append(pair.get(0))
                    .append(" -> ")
                    .append(pair.get(1));
        }
        relationship.put("description", "from -> to: " + ends);
        List<String> required = List.of("type", "from", "to", "source", "evidence");
        relationship.set("required", strings(required));
        ObjectNode properties = relationship.putObject("properties");
        properties.putObject("type").put("const", type.name());
        properties.putObject("from").put("$ref", "#/$defs/required-string");
        properties.putObject("to").put("$ref", "#/$defs/required-string");
        properties.putObject("id").put("$ref", "#/$defs/optional-string");
        TreeSet<String> names = new TreeSet<>(GraphModel.COMMON_RELATIONSHIP_PROPERTIES);
        names.addAll(type.properties());
        addProperties(properties, names, type.enums(), Set.copyOf(required));
        relationship.put("additionalProperties", false);
        return relationship;
    }

    private static void addProperties(
            ObjectNode properties, Set<String> names, Map<String, Set<String>> enums, Set<String> required) {
        for (String name : names) {
            if (enums.containsKey(name)) {
                properties.set(name, enumeration(enums.get(name), !required.contains(name)));
            } else if (required.contains(name) && GraphModel.typeOf(name) == GraphModel.Type.STRING) {
                properties.putObject(name).put("$ref", "#/$defs/required-string");
            } else {
                properties.set(name, valueType(name));
            }
        }
    }

    private static ObjectNode valueType(String property) {
        String ref = switch (GraphModel.typeOf(property)) {
            case STRING -> "optional-string";
            case NUMBER -> "number";
            case INTEGER -> "integer";
            case PERCENT -> "percent";
            case DATE -> "date";
            case BOOLEAN -> "boolean";
            case STRING_LIST -> "string-list";
            case PRODUCT_REF, AGREEMENT_REF -> "reference";
            case SOURCE_REFS -> "source-references";
            case SOURCE_REF -> "source-reference";
            case LATITUDE -> "latitude";
            case LONGITUDE -> "longitude";
        };
        ObjectNode node = JSON.objectNode();
        node.put("$ref", "#/$defs/" + ref);
        return node;
    }

    private static ObjectNode enumeration(Collection<String> values, boolean nullable) {
        ObjectNode node = JSON.objectNode();
        ArrayNode allowed = node.putArray("enum");
        for (String value : new TreeSet<>(values)) {
            allowed.add(value);
        }
        if (nullable) {
            allowed.addNull();
        }
        return node;
    }

    private static ArrayNode strings(Collection<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** Writes the schema to the given file; run by hand after a model change (see ImportFormatSchemaTest). */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args.length > 0 ? args[0] : "docs/import-format.schema.json"), text());
    }
}
