package org.mineralsupplygraph.importer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mineralsupplygraph.system.Neo4jSessions;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/**
 * The one loader: every data set (the seed article, the supplementary facts, the production figures, a user's file)
 * comes through here. Validation and writing share one write transaction, so a document is written whole or not at
 * all, and the references it makes to the graph are checked against the same state it writes into.
 */
@Service
public class GraphImporter {

    private static final String LABELS_OF = """
            UNWIND $ids AS id
            MATCH (n:Entity {id: id})
            RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
            """;

    private final Neo4jSessions sessions;

    public GraphImporter(Neo4jSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * Validates and writes a document in one transaction.
     *
     * @param document the records as read from a file
     * @return counts of what was created and updated
     * @throws ImportException listing every problem; nothing was written
     */
    public ImportResult importDocument(ImportDocument document) {
        long started = System.nanoTime();
        try (Session session = sessions.session()) {
            GraphWriter.Counts counts = session.executeWrite(tx -> {
                ValidatedDocument valid = DocumentValidator.validate(document, ids -> labelsOf(tx, ids));
                return GraphWriter.write(tx, valid);
            });
            return new ImportResult(document.name(), counts.nodesCreated(), counts.nodesMatched(),
                    counts.relationshipsCreated(), counts.relationshipsMatched(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static Map<String, String> labelsOf(TransactionContext tx, Collection<String> ids) {
        Map<String, String> labels = new HashMap<>();
        if (ids.isEmpty()) {
            return labels;
        }
        tx.run(LABELS_OF, Map.of("ids", List.copyOf(ids)))
                .forEachRemaining(r -> labels.put(r.get("id").asString(), r.get("label").asString(null)));
        return labels;
    }
}
