package org.mineralsupplygraph.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON form of the import format with a streaming parser: every record keeps the line it starts on and the
 * line of each of its fields, every syntax error names its line and column, and nodes and relationships are visited
 * one at a time.
 */
public final class JsonDocumentReader {

    /** The value of the optional top-level {@code format} field. */
    public static final String FORMAT = "mineral-supply-graph/1";

    private static final Set<String> SECTIONS = Set.of("sources", "nodes", "relationships");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Opens the document's bytes, each time it is read. */
    @FunctionalInterface
    public interface Bytes {
        InputStream open() throws IOException;
    }

    private JsonDocumentReader() {}

    /** Reads a small document from a stream (it is buffered in memory). */
    public static ImportDocument read(String name, InputStream in) {
        try {
            byte[] bytes = in.readAllBytes();
            return open(name, () -> new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document in a file, streamed from disk at each reading. */
    public static ImportDocument read(String name, Path file) {
        return open(name, () -> Files.newInputStream(file));
    }

    /**
     * Checks the document's syntax and shape once, reads its sources, and returns it for streaming.
     *
     * @throws ImportException when the document is not JSON or not shaped like the import format
     */
    public static ImportDocument open(String name, Bytes bytes) {
        List<RawRecord> sources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        scan(
                name,
                bytes,
                (section, record) -> {
                    if (section.equals("sources")) {
                        sources.add(record);
                    }
                },
                problems,
                true);
        if (!problems.isEmpty()) {
            throw new ImportException(name, problems);
        }
        return new ImportDocument() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<RawRecord> sources() {
                return sources;
            }

            @Override
            public void nodes(Consumer<RawRecord> visitor) {
                section("nodes", visitor);
            }

            @Override
            public void relationships(Consumer<RawRecord> visitor) {
                section("relationships", visitor);
            }

            private void section(String wanted, Consumer<RawRecord> visitor) {
                List<Problem> again = new ArrayList<>();
                scan(
                        name,
                        bytes,
                        (section, record) -> {
                            if (section.equals(wanted)) {
                                visitor.accept(record);
                            }
                        },
                        again,
                        false);
                if (!again.isEmpty()) {
                    throw new ImportException(name, again);
                }
            }
        };
    }

    private interface SectionVisitor {
        void visit(String section, RawRecord record);
    }

    /** One pass over the document; with {@code checkShape}, also reports fields and sections out of place. */
    private static void scan(
            String name, Bytes bytes, SectionVisitor visitor, List<Problem> problems, boolean checkShape) {
        try (InputStream in = bytes.open();
                JsonParser parser = MAPPER.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                problems.add(new Problem(
                        at(name, parser.currentTokenLocation(), ""),
                        "the document must be a JSON object with 'sources', 'nodes' and 'relationships'"));
                return;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                Location fieldAt = at(name, parser.currentTokenLocation(), "/" + field);
                if (SECTIONS.contains(field)) {
                    if (value != JsonToken.START_ARRAY) {
                        if (checkShape) {
                            problems.add(new Problem(fieldAt, "'" + field + "' must be an array"));
                        }
                        parser.skipChildren();
                        continue;
                    }
                    readSection(name, field, parser, visitor, problems, checkShape);
                } else if (field.equals("format")) {
                    if (checkShape && (value != JsonToken.VALUE_STRING || !FORMAT.equals(parser.getString()))) {
                        problems.add(new Problem(fieldAt, "'format' must be \"" + FORMAT + "\" when given"));
                    }
                    parser.skipChildren();
                } else if (field.equals("description")) {
                    if (checkShape && value != JsonToken.VALUE_STRING) {
                        problems.add(new Problem(fieldAt, "'description' must be a string when given"));
                    }
                    parser.skipChildren();
                } else {
                    if (checkShape) {
                        problems.add(
                                new Problem(
                                        fieldAt,
                                        "unknown top-level field '" + field
                                                + "'; expected 'format', 'description', 'sources', 'nodes' and 'relationships'"));
                    }
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null && checkShape) {
                problems.add(new Problem(
                        at(name, parser.currentTokenLocation(), ""),
                        "unexpected content after the end of the document"));
            }
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            int line = where == null ? 0 : where.getLineNr();
            String column = where == null ? "" : " column " + where.getColumnNr();
            problems.add(new Problem(
                    new Location(name, line, ""),
                    "not valid JSON" + (line > 0 ? " (at" + column + ")" : "") + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new Problem(new Location(name, 0, ""), "cannot be read: " + e.getMessage()));
        }
    }

    private static void readSection(
            String name,
            String section,
            JsonParser parser,
            SectionVisitor visitor,
            List<Problem> problems,
            boolean checkShape) {
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            Location location = at(name, parser.currentTokenLocation(), "/" + section + "/" + index);
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                if (checkShape) {
                    problems.add(new Problem(location, "each entry of '" + section + "' must be a JSON object"));
                }
            } else {
                visitor.visit(section, readRecord(parser, location));
            }
            index++;
        }
    }

    /** The record whose '{' the parser stands on: its fields, and the line each field's key is written on. */
    private static RawRecord readRecord(JsonParser parser, Location location) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            TokenStreamLocation where = parser.currentTokenLocation();
            parser.nextToken();
            fields.put(key, value(parser));
            lines.put(key, where == null ? location.line() : where.getLineNr());
        }
        return new RawRecord(location, fields, lines);
    }

    /** The value the parser stands on, as {@link #plain} makes it; a list or an object read as a tree first. */
    private static Object value(JsonParser parser) {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT ->
                parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue()
                        : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> plain(parser.readValueAsTree());
        };
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
