package org.mineralsupplygraph.importer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.mineralsupplygraph.graph.GraphModel;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * Writes a validated document: {@code UNWIND $rows ...} in batches, nodes first, each batch one label or one type and
 * one set of property keys.
 *
 * <ul>
 *   <li>Nodes the graph does not hold yet are {@code CREATE}d; the others are {@code MERGE}d on their id, properties
 *       the document gives overwriting, others staying.</li>
 *   <li>A relationship with an end the document creates cannot exist yet, so it is {@code CREATE}d; the others are
 *       {@code MERGE}d on their ends, type and id. Loading a document a second time therefore creates nothing.</li>
 *   <li>Rows travel as lists; in large documents each statement names the label or type and the property keys it
 *       sets ({@link WriteStatements} holds the statements and says why).</li>
 * </ul>
 *
 * <p>Where the batches go, one transaction for all or one each, is the {@link Batches}' business. They run on a
 * writer thread of their own, one after the other, while the calling thread reads the document and builds the next
 * batch.
 */
public final class GraphWriter {

    /** Rows per statement: large enough to amortise round trips, small enough to keep transaction state modest. */
    public static final int BATCH_SIZE = 10_000;

    /**
     * Documents smaller than this are written with four statements that take their labels, types and properties as
     * parameters (planned once per JVM); larger ones with statements that name their keys (planned once per label or
     * type and key set, and faster per row).
     */
    static final long NAMED_KEYS_MIN_ROWS = 20_000;

    /** Runs one batch statement somewhere: inside an open transaction, or in a transaction of its own. */
    @FunctionalInterface
    public interface Batches {
        SummaryCounters run(String statement, List<Object> rows);
    }

    /** Told what a document writes, record by record. */
    @FunctionalInterface
    public interface Touch {

        /** A node written, or an end of a relationship written. */
        void node(String id);

        /** A relationship written: its type and both ends. */
        default void relationship(String type, String from, String to) {
            node(from);
            node(to);
        }
    }

    /** Told after every batch how far the writing has got. */
    @FunctionalInterface
    public interface Progress {
        void written(String what, long done, long total);

        Progress NONE = (what, done, total) -> {};
    }

    /**
     * What a write changed.
     *
     * @param nodesCreated nodes that did not exist before (sources included)
     * @param nodesMatched nodes that existed and were updated in place
     * @param relationshipsCreated relationships that did not exist before
     * @param relationshipsMatched relationships that existed and were updated in place
     * @param batches statements run
     */
    public record Counts(
            long nodesCreated, long nodesMatched, long relationshipsCreated, long relationshipsMatched, int batches) {}

    private final Batches batches;
    private final ImportPlan plan;
    private final int batchSize;
    private final Progress progress;
    private final Touch touched;
    private final Map<String, List<Object>> pending = new LinkedHashMap<>();
    /** [from, to, type, agreement] of every relationship written that names an agreement. */
    private final List<Object> dealAccounts = new ArrayList<>();

    private final boolean namedKeys;
    private long nodeRows;
    private long nodesCreated;
    private long relationshipRows;
    private long relationshipsCreated;
    private int batchCount;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "graph-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore inFlight = new Semaphore(2);
    private volatile Throwable failure;
    private volatile boolean abandoned;

    private GraphWriter(Batches batches, ImportPlan plan, int batchSize, Progress progress, Touch touched) {
        this.batches = batches;
        this.plan = plan;
        this.batchSize = batchSize;
        this.progress = progress;
        this.touched = touched;
        this.namedKeys = plan.rows() >= NAMED_KEYS_MIN_ROWS;
    }

    /**
     * Writes the document.
     *
     * @param batches where each batch runs
     * @param document the document, already validated
     * @param plan what validation learned of it
     * @param batchSize rows per statement
     * @param progress told after every batch
     * @return how many nodes and relationships were created and how many already existed
     */
    public static Counts write(
            Batches batches, ImportDocument document, ImportPlan plan, int batchSize, Progress progress) {
        return write(batches, document, plan, batchSize, progress, id -> {});
    }

    /**
     * As {@link #write(Batches, ImportDocument, ImportPlan, int, Progress)}, telling {@code touched} the id of every
     * node written and the type and ends of every relationship written, as each record is read.
     */
    public static Counts write(
            Batches batches,
            ImportDocument document,
            ImportPlan plan,
            int batchSize,
            Progress progress,
            Touch touched) {
        GraphWriter writer = new GraphWriter(batches, plan, batchSize, progress, touched);
        boolean read = false;
        try {
            for (NodeRow source : plan.sources()) {
                writer.node(source);
            }
            document.nodes(record -> writer.node(RecordRows.node(record)));
            writer.flushAll(true);
            document.relationships(record -> writer.relationship(RecordRows.relationship(record)));
            writer.flushAll(false);
            writer.shareEnds();
            read = true;
        } finally {
            writer.stop(!read);
        }
        writer.throwFailure();
        return new Counts(
                writer.nodesCreated,
                writer.nodeRows - writer.nodesCreated,
                writer.relationshipsCreated,
                writer.relationshipRows - writer.relationshipsCreated,
                writer.batchCount);
    }

    private void node(NodeRow row) {
        touched.node(row.id());
        String label = known(
                GraphModel.labels().containsKey(row.label()) || GraphModel.SOURCE.equals(row.label()), row.label());
        if (!namedKeys) {
            add(
                    plan.isNew(row.id()) ? WriteStatements.CREATE_NODES_BY_MAP : WriteStatements.MERGE_NODES_BY_MAP,
                    List.of(row.id(), label, row.properties()),
                    true);
            return;
        }
        List<String> keys = keysOf(row.properties(), "id");
        List<Object> values = new ArrayList<>(keys.size() + 1);
        values.add(row.id());
        keys.forEach(k -> values.add(row.properties().get(k)));
        String statement = plan.isNew(row.id())
                ? WriteStatements.createNodes(label, keys)
                : WriteStatements.mergeNodes(label, keys);
        add(statement, values, true);
    }

    /** Hands over {@link WriteStatements#SHARE_ENDS} for the deals' accounts written, after every relationship is. */
    private void shareEnds() {
        for (int start = 0; start < dealAccounts.size(); start += batchSize) {
            flush(
                    WriteStatements.SHARE_ENDS,
                    new ArrayList<>(dealAccounts.subList(start, Math.min(dealAccounts.size(), start + batchSize))),
                    false);
        }
        dealAccounts.clear();
    }

    private void relationship(RelationshipRow row) {
        String type = known(GraphModel.relationshipTypes().containsKey(row.type()), row.type());
        touched.relationship(type, row.from(), row.to());
        if (row.properties().get("agreement") instanceof String agreement) {
            dealAccounts.add(List.of(row.from(), row.to(), type, agreement));
        }
        boolean cannotExist = plan.isNew(row.from()) || plan.isNew(row.to());
        if (!namedKeys) {
            add(
                    cannotExist
                            ? WriteStatements.CREATE_RELATIONSHIPS_BY_MAP
                            : WriteStatements.MERGE_RELATIONSHIPS_BY_MAP,
                    cannotExist
                            ? List.of(row.from(), row.to(), type, row.properties())
                            : List.of(row.from(), row.to(), type, row.id(), row.properties()),
                    false);
            return;
        }
        List<String> keys = cannotExist ? keysOf(row.properties()) : keysOf(row.properties(), "id");
        List<Object> values = new ArrayList<>(keys.size() + 3);
        values.add(row.from());
        values.add(row.to());
        if (!cannotExist) {
            values.add(row.id());
        }
        keys.forEach(k -> values.add(row.properties().get(k)));
        add(
                cannotExist
                        ? WriteStatements.createRelationships(type, keys)
                        : WriteStatements.mergeRelationships(type, keys),
                values,
                false);
    }

    private static List<String> keysOf(Map<String, Object> properties, String... except) {
        List<String> keys = new ArrayList<>(properties.keySet());
        keys.removeAll(List.of(except));
        Collections.sort(keys);
        return keys;
    }

    private static String known(boolean known, String name) {
        if (!known) {
            throw new IllegalArgumentException("not in the graph model: " + name);
        }
        return name;
    }

    private void add(String statement, Object row, boolean nodes) {
        List<Object> rows = pending.computeIfAbsent(statement, k -> new ArrayList<>(batchSize));
        rows.add(row);
        if (rows.size() >= batchSize) {
            flush(statement, rows, nodes);
            pending.remove(statement);
        }
    }

    private void flushAll(boolean nodes) {
        for (Map.Entry<String, List<Object>> entry : pending.entrySet()) {
            flush(entry.getKey(), entry.getValue(), nodes);
        }
        pending.clear();
    }

    /**
     * Hands a full batch to the writer thread. Reading the document and building the next batch's rows goes on
     * meanwhile, so the client's work overlaps the database's (one batch runs, at most one more waits). Batches run
     * in the order they were handed over, all through the same {@link Batches}; after a failure none runs any more
     * and the failure is thrown here, or once the last batch has run.
     */
    private void flush(String statement, List<Object> rows, boolean nodes) {
        if (rows.isEmpty()) {
            return;
        }
        throwFailure();
        inFlight.acquireUninterruptibly();
        throwFailure();
        worker.execute(() -> {
            try {
                if (failure == null && !abandoned) {
                    run(statement, rows, nodes);
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                inFlight.release();
            }
        });
    }

    /**
     * Waits for the writer thread: for every batch handed over, or, when reading the document failed half-way
     * ({@code abandon}), only for the one running, so that the caller does not roll back or close a transaction the
     * writer thread is still using. Interrupted, it drops the waiting batches too and, unless abandoning already,
     * says so.
     */
    private void stop(boolean abandon) {
        abandoned = abandon;
        worker.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (worker.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                abandoned = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            if (!abandon) {
                throw new IllegalStateException("Interrupted while the last batches were written");
            }
        }
    }

    private void throwFailure() {
        Throwable thrown = failure;
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
    }

    private void run(String statement, List<Object> rows, boolean nodes) {
        SummaryCounters counters = batches.run(statement, rows);
        batchCount++;
        if (statement.equals(WriteStatements.SHARE_ENDS)) {
            return;
        }
        if (nodes) {
            nodeRows += rows.size();
            nodesCreated += counters.nodesCreated();
            progress.written("nodes", nodeRows, plan.sources().size() + plan.nodes());
        } else {
            relationshipRows += rows.size();
            relationshipsCreated += counters.relationshipsCreated();
            progress.written("relationships", relationshipRows, plan.relationships());
        }
    }
}
