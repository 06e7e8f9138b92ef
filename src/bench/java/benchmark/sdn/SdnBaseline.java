package benchmark.sdn;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.mineralsupplygraph.system.EmbeddedNeo4j;
import org.mineralsupplygraph.system.SupplyGraphProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.annotation.Id;
import org.springframework.data.neo4j.core.schema.DynamicLabels;
import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.schema.Relationship;
import org.springframework.data.neo4j.core.schema.RelationshipId;
import org.springframework.data.neo4j.core.schema.RelationshipProperties;
import org.springframework.data.neo4j.core.schema.TargetNode;
import org.springframework.data.neo4j.repository.Neo4jRepository;
import org.springframework.data.neo4j.repository.config.EnableNeo4jRepositories;
import org.springframework.util.unit.DataSize;

/**
 * The naive way, for comparison: the generated network mapped to Spring Data Neo4j entities (one generic node with
 * dynamic labels and relationships keyed by type) and saved with {@code saveAll}. Outside the application's packages,
 * so that its entities never reach the application's own mapping.
 */
@SpringBootApplication
@EnableNeo4jRepositories(considerNestedRepositories = true)
public class SdnBaseline {

    @Node("Entity")
    public static class GenericNode {
        @Id
        String id;

        String name;

        @DynamicLabels
        Set<String> labels = new HashSet<>();

        @Relationship
        Map<String, List<GenericLink>> links = new HashMap<>();
    }

    @RelationshipProperties
    public static class GenericLink {
        @RelationshipId
        String elementId;

        String id;
        String source;
        String evidence;

        @TargetNode
        GenericNode target;
    }

    public interface GenericNodes extends Neo4jRepository<GenericNode, String> {}

    /** How a saveAll run ended: finished in {@code seconds}, or still running when the time limit was reached. */
    public record Outcome(boolean finished, double seconds) {}

    /**
     * Imports the network with saveAll and returns the seconds it took, or, when it has not finished within
     * {@code limit}, that it did not (the transaction is then rolled back by the database's shutdown).
     */
    public static Outcome run(Path data, Path database, Duration limit) throws Exception {
        Map<String, GenericNode> nodes = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader in = Files.newBufferedReader(data.resolve("nodes.csv"))) {
            for (CSVRecord row : format.parse(in)) {
                if (row.get("label").equals("Source")) {
                    continue;
                }
                GenericNode node = new GenericNode();
                node.id = row.get("id");
                node.name = row.get("name");
                node.labels.add(row.get("label"));
                nodes.put(node.id, node);
            }
        }
        int count = 0;
        try (Reader in = Files.newBufferedReader(data.resolve("relationships.csv"))) {
            for (CSVRecord row : format.parse(in)) {
                GenericNode from = nodes.get(row.get("from"));
                GenericNode to = nodes.get(row.get("to"));
                GenericLink link = new GenericLink();
                link.id = row.get("id").isEmpty() ? "r" + count : row.get("id");
                link.source = row.get("source");
                link.evidence = row.get("evidence");
                link.target = to;
                from.links
                        .computeIfAbsent(row.get("type"), t -> new ArrayList<>())
                        .add(link);
                count++;
            }
        }
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(
                        new SupplyGraphProperties.Embedded(database, "127.0.0.1", 0, 0, DataSize.ofGigabytes(1)),
                        Map.of());
                ConfigurableApplicationContext app = SpringApplication.run(
                        SdnBaseline.class,
                        "--spring.neo4j.uri=" + neo4j.boltUri(),
                        "--spring.main.web-application-type=none",
                        "--supplygraph.data.load-on-startup=false",
                        "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off")) {
            GenericNodes repository = app.getBean(GenericNodes.class);
            // saveAll follows the object graph depth first, one stack frame chain per hop: a connected network of
            // ten thousand nodes overflows the default 1 MiB stack, so it runs on a thread with a large one.
            double[] seconds = new double[1];
            Throwable[] failure = new Throwable[1];
            long begun = System.nanoTime();
            Thread saver = new Thread(
                    null,
                    () -> {
                        try {
                            long started = System.nanoTime();
                            repository.saveAll(nodes.values());
                            seconds[0] = (System.nanoTime() - started) / 1e9;
                        } catch (Throwable e) {
                            failure[0] = e;
                        }
                    },
                    "sdn-save-all",
                    2L << 30);
            saver.setDaemon(true);
            saver.start();
            saver.join(limit.toMillis());
            if (saver.isAlive()) {
                return new Outcome(false, (System.nanoTime() - begun) / 1e9);
            }
            if (failure[0] != null) {
                throw new IllegalStateException("saveAll failed", failure[0]);
            }
            return new Outcome(true, seconds[0]);
        }
    }
}
