package org.mineralsupplygraph.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mineralsupplygraph.graph.GraphModel;

/**
 * Reads the CSV form of the import format: a nodes file (columns {@code label}, {@code id}, {@code name}, then any
 * properties; rows labelled {@code Source} declare sources, their {@code name} being the title) and a relationships
 * file (columns {@code type}, {@code from}, {@code to}, then any properties). An empty cell is an absent property;
 * lists are written as text separated by {@code ;}. Records are streamed; problems name the file and line.
 */
public final class CsvDocumentReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setCommentMarker('#')
            .get();

    private CsvDocumentReader() {}

    /** The nodes and relationships files, by path. */
    public static ImportDocument read(Path nodes, Path relationships) {
        return open(
                nodes.getFileName().toString(),
                () -> Files.newInputStream(nodes),
                relationships.getFileName().toString(),
                () -> Files.newInputStream(relationships));
    }

    /**
     * Checks both files once (headers, columns per row), reads the sources, and returns the document for streaming.
     *
     * @throws ImportException when a file is not CSV or lacks the required columns
     */
    public static ImportDocument open(
            String nodesName,
            JsonDocumentReader.Bytes nodes,
            String relationshipsName,
            JsonDocumentReader.Bytes relationships) {
        List<Problem> problems = new ArrayList<>();
        List<RawRecord> sources = new ArrayList<>();
        scan(
                nodesName,
                nodes,
                List.of("label", "id"),
                record -> {
                    if ("Source".equals(record.fields().get("label"))) {
                        sources.add(source(record));
                    }
                },
                problems);
        scan(relationshipsName, relationships, List.of("type", "from", "to"), record -> {}, problems);
        String name = nodesName + " + " + relationshipsName;
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
                again(nodesName, nodes, List.of("label", "id"), record -> {
                    if (!"Source".equals(record.fields().get("label"))) {
                        visitor.accept(record);
                    }
                });
            }

            @Override
            public void relationships(Consumer<RawRecord> visitor) {
                again(relationshipsName, relationships, List.of("type", "from", "to"), visitor);
            }

            private void again(
                    String file, JsonDocumentReader.Bytes bytes, List<String> required, Consumer<RawRecord> visitor) {
                List<Problem> found = new ArrayList<>();
                scan(file, bytes, required, visitor, found);
                if (!found.isEmpty()) {
                    throw new ImportException(name, found);
                }
            }
        };
    }

    /** A {@code Source} row as a source record: its name is the title, its label and source cells are dropped. */
    private static RawRecord source(RawRecord row) {
        Map<String, Object> fields = new LinkedHashMap<>(row.fields());
        fields.remove("label");
        fields.remove("source");
        fields.remove("evidence");
        Object name = fields.remove("name");
        if (name != null) {
            fields.put("title", name);
        }
        return new RawRecord(row.location(), fields);
    }

    private static void scan(
            String file,
            JsonDocumentReader.Bytes bytes,
            List<String> required,
            Consumer<RawRecord> visitor,
            List<Problem> problems) {
        try (InputStream in = bytes.open();
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            List<String> header = parser.getHeaderNames();
            List<String> missing =
                    required.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(new Problem(
                        new Location(file, 1, ""), "the header lacks the column(s) " + missing + "; it has " + header));
                return;
            }
            for (CSVRecord row : parser) {
                int line = (int) parser.getCurrentLineNumber();
                Location at = new Location(file, line, "");
                if (!row.isConsistent()) {
                    problems.add(new Problem(at, "expected " + header.size() + " columns, found " + row.size()));
                    continue;
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                for (String column : header) {
                    String value = row.get(column);
                    if (value != null && !value.isEmpty()) {
                        fields.put(column, list(column) ? splitList(value) : value);
                    }
                }
                visitor.accept(new RawRecord(at, fields));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            problems.add(new Problem(new Location(file, 0, ""), "not a valid CSV file: " + e.getMessage()));
        }
    }

    /** Whether a column holds a list, which the CSV form writes as text separated by ';'. */
    private static boolean list(String column) {
        GraphModel.Type type = GraphModel.typeOf(column);
        return type == GraphModel.Type.STRING_LIST || type == GraphModel.Type.SOURCE_REFS;
    }

    private static List<String> splitList(String value) {
        return Arrays.stream(value.split(";"))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }
}
