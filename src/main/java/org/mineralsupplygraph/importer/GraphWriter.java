package org.mineralsupplygraph.importer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mineralsupplygraph.graph.GraphModel;
import org.mineralsupplygraph.importer.ValidatedDocument.NodeRow;
import org.mineralsupplygraph.importer.ValidatedDocument.RelationshipRow;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * Writes a validated document inside the caller's transaction: {@code UNWIND $rows ... MERGE} on keys, in batches.
 * Merging makes a second import of the same document change nothing; properties the document gives overwrite, others
 * stay.
 *
 * <p>Three statements serve every document: labels and relationship types travel as parameters ({@code $(row.label)},
 * Cypher 5.26's dynamic labels), so Neo4j plans each statement once per JVM rather than once per label and type. Nodes
 * merge on the {@code Entity} key, whose index every node has. Rows are still grouped by label and type, and the
 * validator has checked every label and type against {@link GraphModel}.
 */
public final class GraphWriter {

    /** Rows per statement: large enough to amortise round trips, small enough to keep transaction state modest. */
    public static final int BATCH_SIZE = 10_000;

    private static final String MERGE_NODES = """
            UNWIND $rows AS row
            MERGE (n:Entity {id: row.id})
            SET n:$(row.label), n += row.properties
            """;

    private static final String MERGE_RELATIONSHIPS = """
            UNWIND $rows AS row
            MATCH (a:Entity {id: row.from})
            MATCH (b:Entity {id: row.to})
            MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
            SET r += row.properties
            """;

    /**
     * What a write changed.
     *
     * @param nodesCreated nodes that did not exist before (sources included)
     * @param nodesMatched nodes that existed and were updated in place
     * @param relationshipsCreated relationships that did not exist before
     * @param relationshipsMatched relationships that existed and were updated in place
     */
    public record Counts(int nodesCreated, int nodesMatched, int relationshipsCreated, int relationshipsMatched) {}

    private GraphWriter() {}

    /**
     * Writes the document.
     *
     * @param tx an open write transaction; the caller commits or rolls back
     * @param document rows that passed validation
     * @return how many nodes and relationships were created and how many already existed
     */
    public static Counts write(TransactionContext tx, ValidatedDocument document) {
        int nodeRows = document.sources().size();
        int nodesCreated = run(tx, MERGE_NODES, document.sources(), row -> nodeParameters(GraphModel.SOURCE, row))
                .nodesCreated();
        for (Map.Entry<String, List<NodeRow>> byLabel : document.nodes().entrySet()) {
            String label = known(GraphModel.labels().keySet(), byLabel.getKey());
            nodesCreated += run(tx, MERGE_NODES, byLabel.getValue(), row -> nodeParameters(label, row)).nodesCreated();
            nodeRows += byLabel.getValue().size();
        }
        int relationshipRows = 0;
        int relationshipsCreated = 0;
        for (Map.Entry<String, List<RelationshipRow>> byType : document.relationships().entrySet()) {
            String type = known(GraphModel.relationshipTypes().keySet(), byType.getKey());
            relationshipsCreated += run(tx, MERGE_RELATIONSHIPS, byType.getValue(),
                            row -> relationshipParameters(type, row))
                    .relationshipsCreated();
            relationshipRows += byType.getValue().size();
        }
        return new Counts(nodesCreated, nodeRows - nodesCreated, relationshipsCreated,
                relationshipRows - relationshipsCreated);
    }

    private static String known(Collection<String> catalogue, String name) {
        if (!catalogue.contains(name)) {
            throw new IllegalArgumentException("not in the graph model: " + name);
        }
        return name;
    }

    private static Map<String, Object> nodeParameters(String label, NodeRow row) {
        return Map.of("label", label, "id", row.id(), "properties", row.properties());
    }

    private static Map<String, Object> relationshipParameters(String type, RelationshipRow row) {
        return Map.of("type", type, "id", row.id(), "from", row.from(), "to", row.to(), "properties", row.properties());
    }

    private static <T> Totals run(TransactionContext tx, String statement, List<T> rows,
            Function<T, Map<String, Object>> toParameters) {
        Totals totals = new Totals();
        for (int start = 0; start < rows.size(); start += BATCH_SIZE) {
            List<Map<String, Object>> batch = new ArrayList<>(Math.min(BATCH_SIZE, rows.size() - start));
            for (T row : rows.subList(start, Math.min(rows.size(), start + BATCH_SIZE))) {
                batch.add(toParameters.apply(row));
            }
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("rows", batch);
            SummaryCounters counters = tx.run(statement, parameters).consume().counters();
            totals.add(counters);
        }
        return totals;
    }

    private static final class Totals {
        private int nodesCreated;
        private int relationshipsCreated;

        void add(SummaryCounters counters) {
            nodesCreated += counters.nodesCreated();
            relationshipsCreated += counters.relationshipsCreated();
        }

        int nodesCreated() {
            return nodesCreated;
        }

        int relationshipsCreated() {
            return relationshipsCreated;
        }
    }
}
