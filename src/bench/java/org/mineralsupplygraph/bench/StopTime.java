package org.mineralsupplygraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mineralsupplygraph.system.EmbeddedNeo4j;
import org.mineralsupplygraph.system.SupplyGraphProperties;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

/**
 * How long the embedded Neo4j takes to stop, as the application configures it and with Bolt's quiet period at Neo4j's
 * own default (5 s), in turns: start on an empty directory, write a little over Bolt, close the driver, then time
 * {@link EmbeddedNeo4j#close()}. Run by {@code ./mvnw -Pbench-stop verify} (docs/benchmarks.md, "Stopping").
 */
public final class StopTime {

    private StopTime() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Map<String, Map<String, String>> variants = Map.of(
                "as configured",
                Map.of(),
                "Neo4j's default quiet period (5 s)",
                Map.of("internal.dbms.bolt.netty_server_shutdown_quiet_period", "5"));
        Map<String, List<Long>> millis =
                Map.of("as configured", new ArrayList<>(), "Neo4j's default quiet period (5 s)", new ArrayList<>());
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Map<String, String>> variant : variants.entrySet()) {
                millis.get(variant.getKey()).add(stop(variant.getValue()));
            }
        }
        millis.forEach((name, times) -> System.out.printf("Neo4j stopped, %s: %s ms%n", name, times));
        System.exit(0);
    }

    private static long stop(Map<String, String> extra) throws Exception {
        Path dir = Files.createTempDirectory("stop-time");
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(
                new SupplyGraphProperties.Embedded(dir, "127.0.0.1", 0, 0, DataSize.ofMegabytes(64)), extra);
        try (var driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            driver.executableQuery("UNWIND range(1, 1000) AS i CREATE (:Probe {i: i})")
                    .execute();
        }
        long started = System.nanoTime();
        neo4j.close();
        long millis = (System.nanoTime() - started) / 1_000_000;
        FileSystemUtils.deleteRecursively(dir);
        return millis;
    }
}
