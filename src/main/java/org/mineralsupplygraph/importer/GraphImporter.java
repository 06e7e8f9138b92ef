package org.mineralsupplygraph.importer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.mineralsupplygraph.reach.SupplyReach;
import org.mineralsupplygraph.system.Neo4jSessions;
import org.mineralsupplygraph.system.QueryUnavailableException;
import org.mineralsupplygraph.system.SupplyGraphProperties;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The one loader: every data set (the seed article, the supplementary facts, the production figures, a user's file)
 * comes through here. A document is validated whole before anything is written; then it is written in one
 * transaction when it has at most {@code supplygraph.import.single-transaction-max-rows} records, so that a failure
 * leaves the graph as it was, and otherwise in one transaction per batch (a failed write of such a document can be
 * run again: it completes what is missing and changes nothing else). Imports run one at a time.
 */
@Service
public class GraphImporter {

    private static final Logger log = LoggerFactory.getLogger(GraphImporter.class);
    private static final int LOOKUP_BATCH = 10_000;

    private static final String LABELS_OF = """
            UNWIND $ids AS id
            MATCH (n:Entity {id: id})
            RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
            """;

    /** Touched node ids collected for the supply reach's update, at most; beyond, it is rebuilt whole. */
    private static final int TOUCHED_MAX = 50_000;

    private final Neo4jSessions sessions;
    private final SupplyGraphProperties.Import settings;
    private final SupplyReach reach;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);

    /** An importer that keeps no supply reach (tools and tests that write a database of their own). */
    public GraphImporter(Neo4jSessions sessions, SupplyGraphProperties properties) {
        this(sessions, properties, null);
    }

    @Autowired
    public GraphImporter(Neo4jSessions sessions, SupplyGraphProperties properties, SupplyReach reach) {
        this.sessions = sessions;
        this.settings = properties.importing();
        this.reach = reach;
    }

    /** Validates and writes a document. */
    public ImportResult importDocument(ImportDocument document) {
        return importDocument(document, GraphWriter.Progress.NONE);
    }

    /**
     * Validates and writes a document.
     *
     * @param document the records, from any file form
     * @param progress told after every batch written
     * @return counts of what was created and updated
     * @throws ImportException listing the problems; nothing was written
     * @throws QueryUnavailableException when another import holds the database for longer than the wait allows
     */
    public ImportResult importDocument(ImportDocument document, GraphWriter.Progress progress) {
        try {
            if (!oneAtATime.tryLock(settings.lockWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new QueryUnavailableException("Another import is running; try again when it has finished.", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryUnavailableException("Interrupted while waiting for another import", e);
        }
        try {
            return run(document, progress);
        } finally {
            oneAtATime.unlock();
        }
    }

    private ImportResult run(ImportDocument document, GraphWriter.Progress progress) {
        if (reach == null) {
            return write(document, progress, new Touched());
        }
        Touched touched = new Touched();
        reach.beforeImport();
        boolean written = false;
        try {
            ImportResult result = write(document, progress, touched);
            written = true;
            return result;
        } catch (ImportException e) {
            // Refused before anything was written.
            touched.ids.clear();
            touched.dealers.clear();
            throw e;
        } finally {
            // After a failed write of one transaction nothing changed; after a failed batch some batches may have.
            reach.afterImport(
                    touched.ids,
                    touched.dealers,
                    touched.types,
                    touched.complete && (written || touched.ids.isEmpty() && touched.dealers.isEmpty()));
        }
    }

    /**
     * The nodes a document wrote, the ends of the relationships it wrote and their types: where the supply reach may
     * change. A deal (OFFTAKE, INVESTS_IN) changes its dealer's routes, not the tails through either end (unless the
     * dealer is a consortium, which the reach checks): only its dealer is noted, apart.
     */
    private static final class Touched implements GraphWriter.Touch {
        final Set<String> ids = new HashSet<>();
        final Set<String> dealers = new HashSet<>();
        final Set<String> types = new HashSet<>();
        boolean complete = true;

        @Override
        public void relationship(String type, String from, String to) {
            types.add(type);
            if (type.equals("OFFTAKE") || type.equals("INVESTS_IN")) {
                add(dealers, from);
            } else {
                node(from);
                node(to);
            }
        }

        @Override
        public void node(String id) {
            add(ids, id);
        }

        private void add(Set<String> set, String id) {
            if (complete && set.add(id) && ids.size() + dealers.size() > TOUCHED_MAX) {
                complete = false;
                ids.clear();
                dealers.clear();
            }
        }
    }

    /**
     * Checks a document against the graph as an import does first, writing nothing.
     *
     * @return what the writer would need
     * @throws ImportException listing the problems, as an import would
     */
    public ImportPlan check(ImportDocument document) {
        // The session an import checks in: in a cluster, the leader, so that the answer is the one an import would get.
        try (Session session = sessions.session()) {
            return check(session, document);
        }
    }

    private static ImportPlan check(Session session, ImportDocument document) {
        return session.executeRead(tx -> DocumentValidator.validate(document, ids -> labelsOf(tx, ids)));
    }

    private ImportResult write(ImportDocument document, GraphWriter.Progress progress, Touched touched) {
        long started = System.nanoTime();
        try (Session session = sessions.session()) {
            ImportPlan plan = check(session, document);
            long validated = System.nanoTime();
            GraphWriter.Counts counts;
            int transactions;
            if (plan.rows() <= settings.singleTransactionMaxRows()) {
                log.info(
                        "{}: {} records checked in {} ms; writing them in one transaction",
                        document.name(),
                        plan.rows(),
                        (validated - started) / 1_000_000);
                counts = session.executeWrite(tx -> GraphWriter.write(
                        (statement, rows) -> tx.run(statement, Map.of("rows", rows))
                                .consume()
                                .counters(),
                        document,
                        plan,
                        settings.batchSize(),
                        progress,
                        touched));
                transactions = 1;
            } else {
                log.info(
                        "{}: {} records, more than {}: written in one transaction per batch of {}",
                        document.name(),
                        plan.rows(),
                        settings.singleTransactionMaxRows(),
                        settings.batchSize());
                counts = GraphWriter.write(
                        (statement, rows) -> session.executeWrite(tx -> tx.run(statement, Map.of("rows", rows))
                                .consume()
                                .counters()),
                        document,
                        plan,
                        settings.batchSize(),
                        progress,
                        touched);
                transactions = counts.batches();
            }
            long finished = System.nanoTime();
            log.debug(
                    "{}: validated in {} ms, written in {} ms",
                    document.name(),
                    (validated - started) / 1_000_000,
                    (finished - validated) / 1_000_000);
            return new ImportResult(
                    document.name(),
                    counts.nodesCreated(),
                    counts.nodesMatched(),
                    counts.relationshipsCreated(),
                    counts.relationshipsMatched(),
                    transactions,
                    (finished - started) / 1_000_000);
        }
    }

    private static Map<String, String> labelsOf(TransactionContext tx, Collection<String> ids) {
        Map<String, String> labels = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int start = 0; start < all.size(); start += LOOKUP_BATCH) {
            List<String> batch = all.subList(start, Math.min(all.size(), start + LOOKUP_BATCH));
            tx.run(LABELS_OF, Map.of("ids", batch))
                    .forEachRemaining(r ->
                            labels.put(r.get("id").asString(), r.get("label").asString(null)));
        }
        return labels;
    }
}
