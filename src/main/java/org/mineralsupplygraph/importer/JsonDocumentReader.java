package org.mineralsupplygraph.importer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON form of the import format. Streams the document so that every record keeps the line it starts on,
 * and every syntax error names its line and column.
 */
public final class JsonDocumentReader {

    /** The value of the optional top-level {@code format} field. */
    public static final String FORMAT = "mineral-supply-graph/1";

    private static final Set<String> SECTIONS = Set.of("sources", "nodes", "relationships");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonDocumentReader() {}

    /**
     * Reads a document.
     *
     * @param name the file name, for messages
     * @param in the document's bytes (UTF-8)
     * @return the records, unvalidated
     * @throws ImportException when the file is not JSON or not shaped like the import format
     */
    public static ImportDocument read(String name, InputStream in) {
        Map<String, List<RawRecord>> sections = new LinkedHashMap<>();
        SECTIONS.forEach(s -> sections.put(s, new ArrayList<>()));
        List<Problem> problems = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new ImportException(name, List.of(new Problem(at(name, parser.currentTokenLocation(), ""),
                        "the document must be a JSON object with 'sources', 'nodes' and 'relationships'")));
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                Location fieldAt = at(name, parser.currentTokenLocation(), "/" + field);
                if (SECTIONS.contains(field)) {
                    if (value != JsonToken.START_ARRAY) {
                        problems.add(new Problem(fieldAt, "'" + field + "' must be an array"));
                        parser.skipChildren();
                        continue;
                    }
                    readSection(name, field, parser, sections.get(field), problems);
                } else if (field.equals("format")) {
                    if (value != JsonToken.VALUE_STRING || !FORMAT.equals(parser.getString())) {
                        problems.add(new Problem(fieldAt, "'format' must be \"" + FORMAT + "\" when given"));
                    }
                    parser.skipChildren();
                } else if (field.equals("description")) {
                    parser.skipChildren();
                } else {
                    problems.add(new Problem(fieldAt, "unknown top-level field '" + field
                            + "'; expected 'format', 'description', 'sources', 'nodes' and 'relationships'"));
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                problems.add(new Problem(at(name, parser.currentTokenLocation(), ""),
                        "unexpected content after the end of the document"));
            }
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            int line = where == null ? 0 : where.getLineNr();
            String column = where == null ? "" : " column " + where.getColumnNr();
            throw new ImportException(name, List.of(new Problem(new Location(name, line, ""),
                    "not valid JSON" + (line > 0 ? " (at" + column + ")" : "") + ": " + e.getOriginalMessage())));
        }
        if (!problems.isEmpty()) {
            throw new ImportException(name, problems);
        }
        return new ImportDocument(name, sections.get("sources"), sections.get("nodes"),
                sections.get("relationships"));
    }

    private static void readSection(String name, String section, JsonParser parser, List<RawRecord> out,
            List<Problem> problems) {
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            Location location = at(name, parser.currentTokenLocation(), "/" + section + "/" + index);
            JsonNode node = parser.readValueAsTree();
            if (token != JsonToken.START_OBJECT) {
                problems.add(new Problem(location, "each entry of '" + section + "' must be a JSON object"));
            } else {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    fields.put(e.getKey(), plain(e.getValue()));
                }
                out.add(new RawRecord(location, fields));
            }
            index++;
        }
    }

    private static Location at(String name, TokenStreamLocation where, String pointer) {
        return new Location(name, where == null ? 0 : where.getLineNr(), pointer);
    }

    /** A JSON value as a plain Java value: String, Long, Double, Boolean, List, Map or null. */
    static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.values().forEach(v -> list.add(plain(v)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
        return map;
    }
}
