package org.mineralsupplygraph.importer;

import static org.mineralsupplygraph.importer.PropertyValues.string;
import static org.mineralsupplygraph.importer.PropertyValues.stringList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mineralsupplygraph.graph.GraphModel;
import org.mineralsupplygraph.graph.GraphModel.Type;

/**
 * Checks a document against the graph model before anything is written, and reports every problem with its location
 * rather than stopping at the first. One pass over the records checks each on its own ({@link RecordRows}, which the
 * writers convert records with too) and what it says of the others in the document; what needs the graph (ids it
 * holds, the labels of nodes the document only refers to) is looked up once, in batches, and checked after. Nothing
 * of the records is kept but the id and label of each node and a 64-bit hash of each relationship id, so that
 * documents of millions of records can be checked.
 */
public final class DocumentValidator {

    /** What the graph already holds: the type label of each id that exists. */
    @FunctionalInterface
    public interface GraphLookup {
        /**
         * @param ids node ids
         * @return the type label ({@code Company}, {@code Source}, ...) of each id the graph holds; absent ids left out
         */
        Map<String, String> labelsOf(Collection<String> ids);
    }

    /** Told of every node and relationship row as the check converts it, problems or not. */
    interface RowObserver {
        void node(NodeRow row);

        void relationship(RelationshipRow row);
    }

    private static final Set<String> PRODUCT_LABELS = Set.of("Product", "Mineral");
    private static final Set<String> AGREEMENT_LABELS = Set.of("Agreement");

    /** A reference whose label can only be checked once the graph has been asked about the id. */
    private record Deferred(Location at, String id, Set<String> expected, String message) {}

    /**
     * A relationship with an end the document does not declare: its ends are checked once the graph is known. The
     * lines of its {@code from} and {@code to} are kept as numbers, there being one of these for each such record.
     */
    private record DeferredEnds(Location at, String type, String from, String to, int fromLine, int toLine) {

        static DeferredEnds of(RawRecord record, String type, String from, String to) {
            return new DeferredEnds(record.location(), type, from, to, record.lineOf("from"), record.lineOf("to"));
        }

        Location fromAt() {
            return at.child("from").atLine(fromLine);
        }

        Location toAt() {
            return at.child("to").atLine(toLine);
        }
    }

    private final ImportDocument document;
    private final RowObserver observer;
    private final Problems problems = new Problems();
    private final Map<String, String> declared = new HashMap<>();
    private final Set<String> documentSources = new HashSet<>();
    private final Map<String, Location> sourceReferences = new LinkedHashMap<>();
    private final List<Deferred> deferred = new ArrayList<>();
    private final List<DeferredEnds> deferredEnds = new ArrayList<>();
    private final LongHashSet relationshipIds = new LongHashSet();
    private long nodes;
    private long relationships;

    private DocumentValidator(ImportDocument document, RowObserver observer) {
        this.document = document;
        this.observer = observer;
    }

    /**
     * Validates a document.
     *
     * @param document the records as read
     * @param graph what the graph holds already, for references to nodes outside the document
     * @return what the writer needs to know
     * @throws ImportException listing the problems (the first thousand), when there is any
     */
    public static ImportPlan validate(ImportDocument document, GraphLookup graph) {
        return validate(document, graph, null);
    }

    /**
     * Validates a document and shows each row converted on the way to {@code rows}, which may then learn what it
     * needs without reading the document once more; what it learned is only good if no problem is thrown.
     */
    static ImportPlan validate(ImportDocument document, GraphLookup graph, RowObserver rows) {
        return new DocumentValidator(document, rows).run(graph);
    }

    private ImportPlan run(GraphLookup graph) {
        List<NodeRow> sources = checkSources();
        document.nodes(this::checkNode);
        document.relationships(this::checkRelationship);

        Map<String, String> graphLabels = graph.labelsOf(idsToLookUp());
        Set<String> existing = existingIds(graphLabels);
        checkSourceIdsAreFree(graphLabels);
        sourceReferences.forEach((id, at) -> {
            if (!GraphModel.SOURCE.equals(graphLabels.get(id))) {
                problems.add(
                        at, "source '" + id + "' is neither declared in the document's 'sources' nor in the graph");
            }
        });
        for (Deferred d : deferred) {
            String label = graphLabels.get(d.id());
            if (label == null || !d.expected().contains(label)) {
                problems.add(d.at(), d.message());
            }
        }
        deferredEnds.forEach(row -> checkDeferredEnds(row, graphLabels));
        if (problems.count() > 0) {
            throw new ImportException(document.name(), problems.kept(), problems.count());
        }
        return new ImportPlan(sources, declared, existing, nodes, relationships);
    }

    /** The document's sources as rows, every source id known first so that records may name them in any order. */
    private List<NodeRow> checkSources() {
        for (RawRecord record : document.sources()) {
            String id = string(record.fields().get("id"));
            if (id != null) {
                documentSources.add(id);
            }
        }
        List<NodeRow> sources = new ArrayList<>();
        Set<String> seenSources = new HashSet<>();
        for (RawRecord record : document.sources()) {
            NodeRow row = RecordRows.source(record, seenSources, problems);
            if (row != null) {
                sources.add(row);
            }
        }
        return sources;
    }

    /** What needs the graph: every declared id (a node keeps its label), and what the document only refers to. */
    private Set<String> idsToLookUp() {
        Set<String> lookup = new HashSet<>(declared.keySet());
        lookup.addAll(documentSources);
        lookup.addAll(sourceReferences.keySet());
        deferred.forEach(d -> lookup.add(d.id()));
        deferredEnds.forEach(r -> {
            lookup.add(r.from());
            lookup.add(r.to());
        });
        return lookup;
    }

    /** The declared ids the graph holds already; those it holds under another label are reported. */
    private Set<String> existingIds(Map<String, String> graphLabels) {
        Set<String> existing = new HashSet<>();
        Set<String> clashes = new HashSet<>();
        declared.forEach((id, label) -> {
            String inGraph = graphLabels.get(id);
            if (inGraph != null) {
                existing.add(id);
                if (!inGraph.equals(label)) {
                    clashes.add(id);
                }
            }
        });
        if (!clashes.isEmpty()) {
            document.nodes(record -> {
                String id = string(record.fields().get("id"));
                if (clashes.contains(id)) {
                    problems.add(
                            record.at("id"),
                            "id '" + id + "' is already a " + graphLabels.get(id)
                                    + " in the graph; a node's label cannot change and ids are unique across the graph");
                }
            });
        }
        return existing;
    }

    private void checkSourceIdsAreFree(Map<String, String> graphLabels) {
        for (RawRecord record : document.sources()) {
            String id = string(record.fields().get("id"));
            String inGraph = id == null ? null : graphLabels.get(id);
            if (inGraph != null && !inGraph.equals(GraphModel.SOURCE)) {
                problems.add(
                        record.at("id"),
                        "id '" + id + "' is already a " + inGraph
                                + " in the graph; ids are unique across the graph, sources included");
            }
        }
    }

    private void checkDeferredEnds(DeferredEnds row, Map<String, String> graphLabels) {
        Location at = row.at();
        String fromLabel = labelOf(row.from(), graphLabels);
        String toLabel = labelOf(row.to(), graphLabels);
        if (fromLabel == null) {
            problems.add(row.fromAt(), "'" + row.from() + "' names no node in the document or in the graph");
        }
        if (toLabel == null) {
            problems.add(row.toAt(), "'" + row.to() + "' names no node in the document or in the graph");
        }
        if (fromLabel != null && toLabel != null) {
            checkEnds(row.type(), row.from(), row.to(), fromLabel, toLabel, at);
        }
    }

    private String labelOf(String id, Map<String, String> graphLabels) {
        String label = declared.get(id);
        return label != null ? label : graphLabels.get(id);
    }

    private void checkNode(RawRecord record) {
        nodes++;
        NodeRow row = RecordRows.node(record, problems);
        if (row != null && observer != null) {
            observer.node(row);
        }
        String id = string(record.fields().get("id"));
        String label = string(record.fields().get("label"));
        if (id != null && GraphModel.label(label).isPresent()) {
            String previous = declared.putIfAbsent(id, label);
            if (previous != null) {
                problems.add(
                        record.at("id"), "id '" + id + "' appears twice in the document; each node is listed once");
            }
        }
        referToSources(record);
    }

    private void checkRelationship(RawRecord record) {
        relationships++;
        RelationshipRow row = RecordRows.relationship(record, problems);
        if (row != null && observer != null) {
            observer.relationship(row);
        }
        Map<String, Object> fields = record.fields();
        Location at = record.location();
        if (row != null && !relationshipIds.add(LongHashSet.hash(row.type() + "\u0000" + row.id()))) {
            problems.add(
                    at, "relationship '" + row.id() + "' appears twice in the document; give one of them its own 'id'");
            return;
        }
        // What the record says of other nodes is checked even when the record has problems of its own.
        referToSources(record);
        String type = string(fields.get("type"));
        String from = string(fields.get("from"));
        String to = string(fields.get("to"));
        if (GraphModel.relationshipType(type).isPresent() && from != null && to != null) {
            String fromLabel = declared.get(from);
            String toLabel = declared.get(to);
            if (fromLabel != null && toLabel != null) {
                checkEnds(type, from, to, fromLabel, toLabel, at);
            } else {
                deferredEnds.add(DeferredEnds.of(record, type, from, to));
            }
        }
        referToNodes(record);
    }

    /** The products and agreements a relationship's properties name, checked now or once the graph is known. */
    private void referToNodes(RawRecord record) {
        for (Map.Entry<String, Object> field : record.fields().entrySet()) {
            Type propertyType = GraphModel.typeOf(field.getKey());
            if ((propertyType == Type.PRODUCT_REF || propertyType == Type.AGREEMENT_REF)
                    && field.getValue() instanceof String id
                    && !id.isBlank()) {
                Set<String> expected = propertyType == Type.PRODUCT_REF ? PRODUCT_LABELS : AGREEMENT_LABELS;
                String message = "'" + id + "' names no " + String.join(" or ", new TreeSet<>(expected))
                        + " in the document or in the graph";
                String label = declared.get(id.strip());
                if (label != null) {
                    if (!expected.contains(label)) {
                        problems.add(record.at(field.getKey()), message);
                    }
                } else {
                    deferred.add(new Deferred(record.at(field.getKey()), id.strip(), expected, message));
                }
            }
        }
    }

    private void checkEnds(String typeName, String from, String to, String fromLabel, String toLabel, Location at) {
        GraphModel.RelationshipType type = GraphModel.relationshipType(typeName).orElseThrow();
        if (!type.allows(fromLabel, toLabel)) {
            problems.add(
                    at,
                    type.name() + " cannot join a " + fromLabel + " ('" + from + "') to a " + toLabel + " ('" + to
                            + "'); it joins " + describeEnds(type));
        }
    }

    private static String describeEnds(GraphModel.RelationshipType type) {
        Map<String, Set<String>> byFrom = new LinkedHashMap<>();
        type.ends()
                .forEach(pair -> byFrom.computeIfAbsent(pair.get(0), f -> new TreeSet<>())
                        .add(pair.get(1)));
        List<String> parts = new ArrayList<>();
        byFrom.forEach((f, t) -> parts.add(f + " -> " + String.join("|", t)));
        return String.join("; ", parts);
    }

    /** Source ids a record names, checked against the document's sources now and the graph's later. */
    private void referToSources(RawRecord record) {
        Map<String, Object> fields = record.fields();
        if (fields.get("source") instanceof String raw && !raw.isBlank()) {
            String id = raw.strip();
            if (!documentSources.contains(id)) {
                sourceReferences.putIfAbsent(id, record.at("source"));
            }
        }
        if (fields.get("locationSource") instanceof String raw
                && !raw.isBlank()
                && !documentSources.contains(raw.strip())) {
            sourceReferences.putIfAbsent(raw.strip(), record.at("locationSource"));
        }
        List<String> seeAlso = stringList(fields.get("seeAlso"));
        if (seeAlso != null) {
            for (String id : seeAlso) {
                if (!documentSources.contains(id)) {
                    sourceReferences.putIfAbsent(id, record.at("seeAlso"));
                }
            }
        }
    }
}
