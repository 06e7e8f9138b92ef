package org.mineralsupplygraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.mineralsupplygraph.importer.CsvDocumentReader;
import org.mineralsupplygraph.importer.OfflineImport;

/**
 * The generated networks as databases, made once: {@code target/bench/<size>/} holds the CSV files and
 * {@code target/bench/db-<size>/} the database Neo4j's bulk importer made of them. {@code java ... Networks S,M} makes
 * those that are missing.
 */
public final class Networks {

    private Networks() {}

    public static Path root() {
        return Path.of("target", "bench");
    }

    /** The CSV files of a size, generated with the default seed when missing. */
    public static Path csv(String size) throws IOException {
        Path data = root().resolve(size.toLowerCase(Locale.ROOT));
        if (!Files.exists(data.resolve("relationships.csv"))) {
            NetworkGenerator.generate(size, data, NetworkGenerator.DEFAULT_SEED);
        }
        return data;
    }

    /** The offline-imported database of a size, made when missing. */
    public static Path database(String size) throws Exception {
        Path data = csv(size);
        Path db = root().resolve("db-" + size.toLowerCase(Locale.ROOT));
        if (!Files.exists(db)) {
            OfflineImport.run(
                    CsvDocumentReader.read(data.resolve("nodes.csv"), data.resolve("relationships.csv")),
                    db,
                    root().resolve("offline-work"),
                    l -> {});
        }
        return db;
    }

    public static void main(String[] args) throws Exception {
        for (String size : (args.length > 0 ? args[0] : "S,M").split(",")) {
            long started = System.nanoTime();
            Path db = database(size.strip());
            System.out.printf("%s: %s (%.1f s)%n", size, db, (System.nanoTime() - started) / 1e9);
        }
        System.exit(0);
    }
}
