package org.mineralsupplygraph.bench;

import java.nio.file.Path;
import org.mineralsupplygraph.MineralSupplyGraphApplication;
import org.mineralsupplygraph.importer.CsvDocumentReader;
import org.mineralsupplygraph.importer.GraphImporter;
import org.mineralsupplygraph.importer.ImportResult;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Imports a generated network into a fresh embedded database and prints the throughput. */
public final class QuickImport {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path db = Path.of(args[1]);
        try (ConfigurableApplicationContext app = SpringApplication.run(
                MineralSupplyGraphApplication.class,
                "--supplygraph.embedded.data-directory=" + db,
                "--supplygraph.embedded.bolt-port=0",
                "--supplygraph.embedded.http-port=0",
                "--server.port=0",
                "--supplygraph.embedded.page-cache=1GB",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.mineralsupplygraph.importer=DEBUG",
                "--supplygraph.import.batch-size=" + Integer.getInteger("batchSize", 10_000))) {
            GraphImporter importer = app.getBean(GraphImporter.class);
            if (Boolean.getBoolean("dropRelationshipKeys")) {
                try (Session session = app.getBean(Driver.class).session()) {
                    for (String name : session.run("SHOW CONSTRAINTS YIELD name, entityType"
                                    + " WHERE entityType = 'RELATIONSHIP' RETURN name")
                            .list(r -> r.get("name").asString())) {
                        session.run("DROP CONSTRAINT " + name).consume();
                    }
                }
            }
            long t = System.nanoTime();
            ImportResult r = importer.importDocument(
                    CsvDocumentReader.read(dir.resolve("nodes.csv"), dir.resolve("relationships.csv")),
                    (what, done, total) -> {
                        if (done % 100_000 < 10_000 || what.equals("nodes") || Boolean.getBoolean("all")) {
                            System.out.printf(
                                    "  %s %,d/%,d %.1f s%n", what, done, total, (System.nanoTime() - t) / 1e9);
                        }
                    });
            double s = (System.nanoTime() - t) / 1e9;
            System.out.printf(
                    "%s: %s in %.1f s: %,.0f relationships/s%n",
                    dir, r, s, (r.relationshipsCreated() + r.relationshipsUpdated()) / s);
            if (Boolean.getBoolean("twice")) {
                long t2 = System.nanoTime();
                ImportResult again = importer.importDocument(
                        CsvDocumentReader.read(dir.resolve("nodes.csv"), dir.resolve("relationships.csv")));
                double s2 = (System.nanoTime() - t2) / 1e9;
                System.out.printf(
                        "again (every record merged): %s in %.1f s: %,.0f relationships/s%n",
                        again, s2, (again.relationshipsCreated() + again.relationshipsUpdated()) / s2);
            }
        }
    }
}
