package org.mineralsupplygraph.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mineralsupplygraph.graph.GraphModel;
import org.mineralsupplygraph.system.EmbeddedNeo4j;
import org.neo4j.driver.Value;

/**
 * The bulk path for an empty database: the document is validated as usual, written as the CSV files of Neo4j's own
 * importer ({@code neo4j-admin database import full}, which the embedded Neo4j brings along), and imported offline
 * into the data directory, many times faster than transactions can. The application must not be running on that
 * directory; when it next starts it applies the schema and loads the reference data as always.
 */
public final class OfflineImport {

    /** Separates list elements in the importer's CSV: a character no value of the import format contains. */
    private static final char ARRAY_DELIMITER = '\u001F';

    private OfflineImport() {}

    /**
     * What an offline import did.
     *
     * @param nodes nodes imported (sources included)
     * @param relationships relationships imported
     * @param millis how long validation, conversion and import took
     * @param checkMillis of which the check of the document
     * @param convertMillis of which writing the importer's CSV files
     * @param importerMillis of which neo4j-admin's run, JVM start included
     */
    public record Result(
            long nodes, long relationships, long millis, long checkMillis, long convertMillis, long importerMillis) {}

    /**
     * Imports a document into an empty database.
     *
     * @param document the document
     * @param dataDirectory the embedded Neo4j's data directory; must hold no database yet
     * @param workDirectory where the intermediate CSV files go (deleted afterwards)
     * @param output where the importer's report lines go
     * @return counts and time
     * @throws ImportException when the document has problems
     * @throws IllegalStateException when the directory holds a database already, or the importer fails
     */
    public static Result run(ImportDocument document, Path dataDirectory, Path workDirectory, Consumer<String> output) {
        long started = System.nanoTime();
        Path database = dataDirectory.resolve("databases").resolve("neo4j");
        if (Files.isDirectory(database)) {
            throw new IllegalStateException("The data directory " + dataDirectory + " holds a database already: the"
                    + " offline import only fills an empty one. Import through the application instead, or start from"
                    + " an empty directory (NEO4J_DATA_DIR).");
        }
        // The graph is empty: every declared node is new, and every reference must be declared.
        // The check also surveys which properties each label and type uses, and whether each number is ever
        // fractional: the importer's typed headers, known without reading the document once more.
        Map<String, Map<String, String>> nodeKeys = new TreeMap<>();
        Map<String, Map<String, String>> relationshipKeys = new TreeMap<>();
        ImportPlan plan = DocumentValidator.validate(document, ids -> Map.of(), new DocumentValidator.RowObserver() {
            @Override
            public void node(NodeRow row) {
                types(nodeKeys.computeIfAbsent(row.label(), l -> new TreeMap<>()), row.properties());
            }

            @Override
            public void relationship(RelationshipRow row) {
                types(relationshipKeys.computeIfAbsent(row.type(), t -> new TreeMap<>()), row.properties());
            }
        });
        plan.sources()
                .forEach(row -> types(nodeKeys.computeIfAbsent(row.label(), l -> new TreeMap<>()), row.properties()));
        long checked = System.nanoTime();
        try {
            Files.createDirectories(workDirectory);
            Files.createDirectories(dataDirectory);
            List<String> arguments = new ArrayList<>(List.of(
                    "database",
                    "import",
                    "full",
                    "neo4j",
                    "--array-delimiter=U+001F",
                    "--id-type=string",
                    "--skip-bad-relationships=false",
                    "--report-file=" + workDirectory.resolve("import.report")));
            long[] counts = writeFiles(document, plan, nodeKeys, relationshipKeys, workDirectory, arguments);
            long converted = System.nanoTime();
            Path home = workDirectory.resolve("neo4j-home");
            Files.createDirectories(home.resolve("conf"));
            Files.writeString(
                    home.resolve("conf").resolve("neo4j.conf"),
                    "server.directories.data=" + dataDirectory.toAbsolutePath() + "\n");
            runImporter(arguments, home, output);
            long finished = System.nanoTime();
            return new Result(
                    counts[0],
                    counts[1],
                    (finished - started) / 1_000_000,
                    (checked - started) / 1_000_000,
                    (converted - checked) / 1_000_000,
                    (finished - converted) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(workDirectory);
        }
    }

    /** Writes one file per label and per type, headers typed for Neo4j's importer. */
    private static long[] writeFiles(
            ImportDocument document,
            ImportPlan plan,
            Map<String, Map<String, String>> nodeKeys,
            Map<String, Map<String, String>> relationshipKeys,
            Path directory,
            List<String> arguments)
            throws IOException {
        Map<String, CSVPrinter> printers = new LinkedHashMap<>();
        long[] counts = new long[2];
        try {
            for (var entry : nodeKeys.entrySet()) {
                Path file = directory.resolve("nodes-" + entry.getKey() + ".csv");
                List<String> header = new ArrayList<>(List.of("id:ID(Entity)", ":LABEL"));
                entry.getValue().forEach((key, type) -> {
                    if (!key.equals("id")) {
                        header.add(key + ":" + type);
                    }
                });
                printers.put("node:" + entry.getKey(), printer(file, header));
                arguments.add("--nodes=" + file.toAbsolutePath());
            }
            for (var entry : relationshipKeys.entrySet()) {
                Path file = directory.resolve("relationships-" + entry.getKey() + ".csv");
                List<String> header = new ArrayList<>(List.of(":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"));
                entry.getValue().forEach((key, type) -> header.add(key + ":" + type));
                printers.put("rel:" + entry.getKey(), printer(file, header));
                arguments.add("--relationships=" + file.toAbsolutePath());
            }
            Consumer<NodeRow> writeNode = row -> {
                List<Object> values = new ArrayList<>();
                values.add(row.id());
                values.add(GraphModel.ENTITY + ARRAY_DELIMITER + row.label());
                nodeKeys.get(row.label()).keySet().forEach(key -> {
                    if (!key.equals("id")) {
                        values.add(cell(row.properties().get(key)));
                    }
                });
                print(printers.get("node:" + row.label()), values);
                counts[0]++;
            };
            plan.sources().forEach(writeNode);
            document.nodes(record -> writeNode.accept(RecordRows.node(record)));
            document.relationships(record -> {
                RelationshipRow row = RecordRows.relationship(record);
                List<Object> values = new ArrayList<>(List.of(row.from(), row.to(), row.type()));
                relationshipKeys
                        .get(row.type())
                        .keySet()
                        .forEach(key -> values.add(cell(row.properties().get(key))));
                print(printers.get("rel:" + row.type()), values);
                counts[1]++;
            });
        } finally {
            for (CSVPrinter printer : printers.values()) {
                printer.close();
            }
        }
        return counts;
    }

    private static void types(Map<String, String> keys, Map<String, Object> properties) {
        properties.forEach((key, value) -> {
            String type = value instanceof Value
                    ? "point{crs:WGS-84}"
                    : value instanceof Long
                            ? "long"
                            : value instanceof Double
                                    ? "double"
                                    : value instanceof Boolean
                                            ? "boolean"
                                            : value instanceof List<?> ? "string[]" : "string";
            keys.merge(
                    key,
                    type,
                    (a, b) -> a.equals(b)
                            ? a
                            : (a.equals("long") || a.equals("double")) && (b.equals("long") || b.equals("double"))
                                    ? "double"
                                    : "string");
        });
    }

    private static Object cell(Object value) {
        if (value instanceof Value point) {
            return "{latitude:" + point.asPoint().y() + ",longitude:"
                    + point.asPoint().x() + "}";
        }
        if (value instanceof List<?> list) {
            StringBuilder joined = new StringBuilder();
            for (Object item : list) {
                if (!joined.isEmpty()) {
                    joined.append(ARRAY_DELIMITER);
                }
                joined.append(item);
            }
            return joined.toString();
        }
        return value;
    }

    private static CSVPrinter printer(Path file, List<String> header) throws IOException {
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT
                .builder()
                .setHeader(header.toArray(String[]::new))
                .get()
                .print(writer);
    }

    private static void print(CSVPrinter printer, List<Object> values) {
        try {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code neo4j-admin database import full} in a child JVM with the embedded Neo4j's own libraries. */
    private static void runImporter(List<String> arguments, Path home, Consumer<String> output) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + Math.max(512, Runtime.getRuntime().maxMemory() / (1024 * 1024) / 2) + "m");
        command.addAll(List.of("-cp", EmbeddedNeo4j.toolsClassPath(), "org.neo4j.cli.AdminTool"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("NEO4J_HOME", home.toAbsolutePath().toString());
        builder.environment()
                .put("NEO4J_CONF", home.resolve("conf").toAbsolutePath().toString());
        Process process = builder.start();
        try (var lines = process.inputReader(StandardCharsets.UTF_8).lines()) {
            lines.forEach(output);
        }
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(
                        "neo4j-admin database import full failed (exit " + exit + "); its output is above");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IllegalStateException("Interrupted while importing", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A work directory left behind is no harm.
        }
    }
}
