package org.mineralsupplygraph.importer;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mineralsupplygraph.system.Neo4jDataSizeConverter;
import org.mineralsupplygraph.system.SupplyGraphProperties;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar mineral-supply-graph.jar import FILE...}: loads a document from the command line into the
 * configured database (the embedded one, or {@code NEO4J_URI}), with progress lines, through the same loader as the
 * API; or, with {@code --offline}, into an empty embedded database with Neo4j's own bulk importer.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import a document in the import format (docs/import-format.md): one .json file, or a nodes",
            "and a relationships .csv file. Uses the embedded database in NEO4J_DATA_DIR (the application must not be",
            "running on it), or the server NEO4J_URI names."
        })
public final class ImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..2", paramLabel = "FILE", description = "document.json, or nodes.csv relationships.csv")
    List<Path> files = new ArrayList<>();

    @Option(names = "--offline", description = "Bulk-load an empty embedded database with neo4j-admin's importer")
    boolean offline;

    @Option(
            names = "--batch-size",
            description = "Rows per statement (default ${DEFAULT-VALUE})",
            defaultValue = "10000")
    int batchSize;

    private final Class<?> application;
    private final String[] springArguments;
    private final PrintStream out;

    ImportCommand(Class<?> application, String[] springArguments, PrintStream out) {
        this.application = application;
        this.springArguments = springArguments;
        this.out = out;
    }

    /**
     * Runs the command; returns the exit code.
     *
     * @param application the Spring Boot application class
     * @param arguments the command line after {@code import}; {@code --name=value} settings go to Spring
     */
    public static int run(Class<?> application, String[] arguments, PrintStream out) {
        List<String> own = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        for (String argument : arguments) {
            boolean setting =
                    argument.startsWith("--") && argument.contains("=") && !argument.startsWith("--batch-size");
            (setting ? spring : own).add(argument);
        }
        ImportCommand command = new ImportCommand(application, spring.toArray(String[]::new), out);
        return new CommandLine(command).setOut(new PrintWriter(out, true)).execute(own.toArray(String[]::new));
    }

    @Override
    public Integer call() {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                out.println("No such file: " + file);
                return 2;
            }
        }
        ImportDocument document;
        try {
            document = read();
        } catch (ImportException e) {
            out.println(e.getMessage());
            return 1;
        }
        return offline ? offline(document) : online(document);
    }

    private ImportDocument read() {
        if (files.size() == 1) {
            Path file = files.get(0);
            if (!file.toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                throw new ImportException(
                        file.getFileName().toString(),
                        List.of(new Problem(
                                new Location(file.getFileName().toString(), 0, ""),
                                "give a .json document, or nodes.csv and relationships.csv")));
            }
            return JsonDocumentReader.read(file.getFileName().toString(), file);
        }
        return CsvDocumentReader.read(files.get(0), files.get(1));
    }

    private int online(ImportDocument document) {
        List<String> arguments = new ArrayList<>(List.of(
                // A command beside a running application must not take its ports.
                "--supplygraph.embedded.bolt-port=0",
                "--supplygraph.embedded.http-port=0",
                "--supplygraph.import.batch-size=" + batchSize,
                "--spring.main.banner-mode=off"));
        arguments.addAll(List.of(springArguments));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                // Defaults, below anything given on the command line: the command's own lines are its output.
                .properties("logging.level.root=WARN")
                .run(arguments.toArray(String[]::new))) {
            GraphImporter importer = context.getBean(GraphImporter.class);
            out.println("Importing " + document.name() + " ...");
            ImportResult result = importer.importDocument(document, progress(System.nanoTime()));
            out.printf(
                    "Imported %s in %.1f s: nodes %,d new, %,d updated; relationships %,d new, %,d updated"
                            + " (%d transaction%s)%n",
                    result.document(),
                    result.millis() / 1000.0,
                    result.nodesCreated(),
                    result.nodesUpdated(),
                    result.relationshipsCreated(),
                    result.relationshipsUpdated(),
                    result.transactions(),
                    result.transactions() == 1 ? "" : "s");
            return 0;
        } catch (ImportException e) {
            out.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            out.println("Import failed: " + rootMessage(e));
            return 3;
        }
    }

    private GraphWriter.Progress progress(long started) {
        long[] next = {0, 0};
        return (what, done, total) -> {
            int slot = what.equals("nodes") ? 0 : 1;
            if (done >= next[slot] || done == total) {
                out.printf(
                        "  %-13s %,12d / %,d  (%.0f%%, %.1f s)%n",
                        what,
                        done,
                        total,
                        total == 0 ? 100.0 : 100.0 * done / total,
                        (System.nanoTime() - started) / 1e9);
                next[slot] = done + Math.max(batchSize, total / 10);
            }
        };
    }

    private int offline(ImportDocument document) {
        if (List.of(springArguments).stream().anyMatch(a -> a.startsWith("--spring.neo4j.uri="))
                || (System.getenv("NEO4J_URI") != null
                        && !System.getenv("NEO4J_URI").isBlank())) {
            out.println("--offline fills the embedded database; it cannot import into NEO4J_URI's server.");
            return 2;
        }
        // The data directory as the application would resolve it.
        SupplyGraphProperties properties;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .bannerMode(Banner.Mode.OFF)
                .run(springArguments)) {
            properties = context.getBean(SupplyGraphProperties.class);
        }
        Path data = properties.embedded().dataDirectory().toAbsolutePath().normalize();
        Path work = data.resolveSibling(data.getFileName() + "-offline-import");
        out.println("Importing " + document.name() + " offline into " + data + " ...");
        try {
            OfflineImport.Result result = OfflineImport.run(document, data, work, line -> out.println("  " + line));
            out.printf(
                    "Imported %s offline in %.1f s (check %.1f s, conversion %.1f s, neo4j-admin %.1f s): %,d nodes,"
                            + " %,d relationships. Start the application to apply the schema and load the reference data.%n",
                    document.name(),
                    result.millis() / 1000.0,
                    result.checkMillis() / 1000.0,
                    result.convertMillis() / 1000.0,
                    result.importerMillis() / 1000.0,
                    result.nodes(),
                    result.relationships());
            return 0;
        } catch (ImportException e) {
            out.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            out.println("Offline import failed: " + rootMessage(e));
            return 3;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

    /** Binds the settings without starting anything else. */
    @org.springframework.boot.context.properties.EnableConfigurationProperties(SupplyGraphProperties.class)
    @org.springframework.context.annotation.Import(Neo4jDataSizeConverter.class)
    static class SettingsOnly {}
}
