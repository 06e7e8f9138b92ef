package org.mineralsupplygraph.importer;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mineralsupplygraph.graph.GraphModel;
import org.mineralsupplygraph.graph.GraphModel.Type;
import org.neo4j.driver.Values;

/**
 * Checks a document against the graph model before anything is written, and reports every problem with its location
 * rather than stopping at the first. One pass over the records checks each on its own and what it says of the others
 * in the document; what needs the graph (ids it holds, the labels of nodes the document only refers to) is looked up
 * once, in batches, and checked after. Nothing of the records is kept but the id and label of each node and a 64-bit
 * hash of each relationship id, so that documents of millions of records can be checked.
 *
 * <p>{@link #node} and {@link #relationship} turn records into rows for the writer, the same way for both passes.
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

    /**
     * A node to write.
     *
     * @param id the node's key
     * @param label its type label
     * @param properties every property to set, {@code id} included
     */
    public record NodeRow(String id, String label, Map<String, Object> properties) {}

    /**
     * A relationship to write.
     *
     * @param id the relationship's key
     * @param type its type
     * @param from id of the start node
     * @param to id of the end node
     * @param properties every property to set, {@code id} included
     */
    public record RelationshipRow(String id, String type, String from, String to, Map<String, Object> properties) {}

    /** Problems kept for the report; beyond them only the count grows. */
    static final int MAX_PROBLEMS = 1000;

    private static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final int MAX_STRING = 10_000;
    private static final Set<String> NODE_KEYS = Set.of("label", "id");
    private static final Set<String> RELATIONSHIP_KEYS = Set.of("type", "from", "to", "id");
    private static final Set<String> PRODUCT_LABELS = Set.of("Product", "Mineral");
    private static final Set<String> AGREEMENT_LABELS = Set.of("Agreement");

    /** Collects problems, keeping the first {@link #MAX_PROBLEMS}. */
    private static final class Problems {
        final List<Problem> kept = new ArrayList<>();
        long count;

        void add(Location at, String message) {
            count++;
            if (kept.size() < MAX_PROBLEMS) {
                kept.add(new Problem(at, message));
            }
        }
    }

    /** A reference whose label can only be checked once the graph has been asked about the id. */
    private record Deferred(Location at, String id, Set<String> expected, String message) {}

    /** A relationship with an end the document does not declare: its ends are checked once the graph is known. */
    private record DeferredEnds(Location at, String type, String from, String to) {}

    private final ImportDocument document;
    private final Problems problems = new Problems();
    private final Map<String, String> declared = new HashMap<>();
    private final Set<String> documentSources = new HashSet<>();
    private final Map<String, Location> sourceReferences = new LinkedHashMap<>();
    private final List<Deferred> deferred = new ArrayList<>();
    private final List<DeferredEnds> deferredEnds = new ArrayList<>();
    private final LongHashSet relationshipIds = new LongHashSet();
    private long nodes;
    private long relationships;

    private DocumentValidator(ImportDocument document) {
        this.document = document;
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

    /** Told of every node and relationship row as the check converts it, problems or not. */
    interface RowObserver {
        void node(NodeRow row);

        void relationship(RelationshipRow row);
    }

    /**
     * Validates a document and shows each row converted on the way to {@code rows}, which may then learn what it
     * needs without reading the document once more; what it learned is only good if no problem is thrown.
     */
    static ImportPlan validate(ImportDocument document, GraphLookup graph, RowObserver rows) {
        DocumentValidator validator = new DocumentValidator(document);
        validator.observer = rows;
        return validator.run(graph);
    }

    private RowObserver observer;

    private ImportPlan run(GraphLookup graph) {
        List<NodeRow> sources = new ArrayList<>();
        Set<String> seenSources = new HashSet<>();
        for (RawRecord record : document.sources()) {
            String id = string(record.fields().get("id"));
            if (id != null) {
                documentSources.add(id);
            }
        }
        for (RawRecord record : document.sources()) {
            NodeRow row = source(record, seenSources, problems);
            if (row != null) {
                sources.add(row);
            }
        }
        document.nodes(this::checkNode);
        document.relationships(this::checkRelationship);

        // What needs the graph: every declared id (a node keeps its label), and what the document only refers to.
        Set<String> lookup = new HashSet<>(declared.keySet());
        lookup.addAll(documentSources);
        lookup.addAll(sourceReferences.keySet());
        deferred.forEach(d -> lookup.add(d.id()));
        deferredEnds.forEach(r -> {
            lookup.add(r.from());
            lookup.add(r.to());
        });
        Map<String, String> graphLabels = graph.labelsOf(lookup);

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
                            record.location().child("id"),
                            "id '" + id + "' is already a " + graphLabels.get(id)
                                    + " in the graph; a node's label cannot change and ids are unique across the graph");
                }
            });
        }
        for (RawRecord record : document.sources()) {
            String id = string(record.fields().get("id"));
            String inGraph = id == null ? null : graphLabels.get(id);
            if (inGraph != null && !inGraph.equals(GraphModel.SOURCE)) {
                problems.add(
                        record.location().child("id"),
                        "id '" + id + "' is already a " + inGraph
                                + " in the graph; ids are unique across the graph, sources included");
            }
        }
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
        for (DeferredEnds row : deferredEnds) {
            Location at = row.at();
            String fromLabel = labelOf(row.from(), graphLabels);
            String toLabel = labelOf(row.to(), graphLabels);
            if (fromLabel == null) {
                problems.add(at.child("from"), "'" + row.from() + "' names no node in the document or in the graph");
            }
            if (toLabel == null) {
                problems.add(at.child("to"), "'" + row.to() + "' names no node in the document or in the graph");
            }
            if (fromLabel != null && toLabel != null) {
                checkEnds(row.type(), row.from(), row.to(), fromLabel, toLabel, at);
            }
        }
        if (problems.count > 0) {
            throw new ImportException(document.name(), problems.kept, problems.count);
        }
        return new ImportPlan(sources, declared, existing, nodes, relationships);
    }

    private String labelOf(String id, Map<String, String> graphLabels) {
        String label = declared.get(id);
        return label != null ? label : graphLabels.get(id);
    }

    private void checkNode(RawRecord record) {
        nodes++;
        NodeRow row = node(record, problems);
        if (row != null && observer != null) {
            observer.node(row);
        }
        String id = string(record.fields().get("id"));
        String label = string(record.fields().get("label"));
        if (id != null && GraphModel.label(label).isPresent()) {
            String previous = declared.putIfAbsent(id, label);
            if (previous != null) {
                problems.add(
                        record.location().child("id"),
                        "id '" + id + "' appears twice in the document; each node is listed once");
            }
        }
        referToSources(record.fields(), record.location());
    }

    private void checkRelationship(RawRecord record) {
        relationships++;
        RelationshipRow row = relationship(record, problems);
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
        referToSources(fields, at);
        String type = string(fields.get("type"));
        String from = string(fields.get("from"));
        String to = string(fields.get("to"));
        if (GraphModel.relationshipType(type).isPresent() && from != null && to != null) {
            String fromLabel = declared.get(from);
            String toLabel = declared.get(to);
            if (fromLabel != null && toLabel != null) {
                checkEnds(type, from, to, fromLabel, toLabel, at);
            } else {
                deferredEnds.add(new DeferredEnds(at, type, from, to));
            }
        }
        for (Map.Entry<String, Object> field : fields.entrySet()) {
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
                        problems.add(at.child(field.getKey()), message);
                    }
                } else {
                    deferred.add(new Deferred(at.child(field.getKey()), id.strip(), expected, message));
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

    /** Source ids a record names, checked against the document's sources now and the graph's later. */
    private void referToSources(Map<String, Object> fields, Location at) {
        if (fields.get("source") instanceof String raw && !raw.isBlank()) {
            String id = raw.strip();
            if (!documentSources.contains(id)) {
                sourceReferences.putIfAbsent(id, at.child("source"));
            }
        }
        if (fields.get("locationSource") instanceof String raw
                && !raw.isBlank()
                && !documentSources.contains(raw.strip())) {
            sourceReferences.putIfAbsent(raw.strip(), at.child("locationSource"));
        }
        List<String> seeAlso = stringList(fields.get("seeAlso"));
        if (seeAlso != null) {
            for (String id : seeAlso) {
                if (!documentSources.contains(id)) {
                    sourceReferences.putIfAbsent(id, at.child("seeAlso"));
                }
            }
        }
    }

    // ---------------------------------------------------------------- records to rows

    /** A node record as a row for the writer, its checks reported to {@code problems}; null when it has problems. */
    static NodeRow node(RawRecord record) {
        return node(record, new Problems());
    }

    /** A relationship record as a row for the writer; null when it has problems. */
    static RelationshipRow relationship(RawRecord record) {
        return relationship(record, new Problems());
    }

    private static NodeRow source(RawRecord record, Set<String> seen, Problems problems) {
        Map<String, Object> fields = record.fields();
        Location at = record.location();
        long before = problems.count;
        String id = requiredString(fields, "id", at, problems);
        if (id != null && !SOURCE_ID.matcher(id).matches()) {
            problems.add(
                    at.child("id"),
                    "source id '" + id + "' must be lower-case letters, digits, '-' and '.', such as 'usgs-mcs-2025'");
        }
        if (id != null && !seen.add(id)) {
            problems.add(at.child("id"), "source '" + id + "' appears twice in the document");
        }
        String title = requiredString(fields, "title", at, problems);
        String kind = requiredString(fields, "kind", at, problems);
        if (kind != null && !GraphModel.SOURCE_KINDS.contains(kind)) {
            problems.add(
                    at.child("kind"),
                    "unknown source kind '" + kind + "'; expected one of " + new TreeSet<>(GraphModel.SOURCE_KINDS));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", id);
        properties.put("name", title);
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String key = field.getKey();
            if (key.equals("id")) {
                continue;
            }
            if (!GraphModel.SOURCE_PROPERTIES.contains(key)) {
                problems.add(
                        at.child(key),
                        "unknown source field '" + key + "'; allowed: id, "
                                + String.join(", ", new TreeSet<>(GraphModel.SOURCE_PROPERTIES)));
                continue;
            }
            Object value = value(key, field.getValue(), at.child(key), problems);
            if (value != null) {
                properties.put(key, value);
            }
        }
        return problems.count == before ? new NodeRow(id, GraphModel.SOURCE, properties) : null;
    }

    private static NodeRow node(RawRecord record, Problems problems) {
        Map<String, Object> fields = record.fields();
        Location at = record.location();
        long before = problems.count;
        String labelName = requiredString(fields, "label", at, problems);
        String id = requiredString(fields, "id", at, problems);
        requiredString(fields, "name", at, problems);
        GraphModel.Label label = null;
        if (labelName != null) {
            label = GraphModel.label(labelName).orElse(null);
            if (label == null) {
                problems.add(
                        at.child("label"),
                        "unknown label '" + labelName + "'; expected one of "
                                + String.join(", ", GraphModel.labels().keySet()));
            }
        }
        if (label == null) {
            return null;
        }
        if (id != null && !label.idPattern().matcher(id).matches()) {
            problems.add(
                    at.child("id"),
                    "'" + id + "' is not a valid " + label.name() + " id: it must be " + label.idRule());
        }
        for (String required : label.required()) {
            if (fields.get(required) == null) {
                problems.add(at.child(required), "'" + required + "' is required for " + label.name());
            }
        }
        requiredString(fields, "source", at, problems);
        if (label.name().equals("Agreement") || label.name().equals("Policy")) {
            requiredString(fields, "evidence", at, problems);
        }
        Map<String, Object> properties = properties(
                fields,
                id,
                NODE_KEYS,
                GraphModel.COMMON_NODE_PROPERTIES,
                label.properties(),
                label.enums(),
                label.name(),
                at,
                problems);
        if (label.properties().contains("latitude")) {
            location(fields, properties, at, problems);
        }
        return problems.count == before ? new NodeRow(id, label.name(), properties) : null;
    }

    private static RelationshipRow relationship(RawRecord record, Problems problems) {
        Map<String, Object> fields = record.fields();
        Location at = record.location();
        long before = problems.count;
        String typeName = requiredString(fields, "type", at, problems);
        String from = requiredString(fields, "from", at, problems);
        String to = requiredString(fields, "to", at, problems);
        String source = requiredString(fields, "source", at, problems);
        requiredString(fields, "evidence", at, problems);
        GraphModel.RelationshipType type = null;
        if (typeName != null) {
            type = GraphModel.relationshipType(typeName).orElse(null);
            if (type == null) {
                problems.add(
                        at.child("type"),
                        "unknown relationship type '" + typeName + "'; expected one of "
                                + String.join(
                                        ", ", GraphModel.relationshipTypes().keySet()));
            }
        }
        if (type == null) {
            return null;
        }
        if ("GOVERNS".equals(type.name())
                && from != null
                && to != null
                && from.startsWith("gov-")
                && !from.substring(4).equalsIgnoreCase(to)) {
            problems.add(
                    at.child("to"),
                    "government '" + from + "' can only govern country '"
                            + from.substring(4).toUpperCase() + "'");
        }
        String id = fields.get("id") == null ? null : requiredString(fields, "id", at, problems);
        if (id == null && from != null && to != null && source != null) {
            id = type.name() + ":" + from + ":" + to + ":" + source;
        }
        Map<String, Object> properties = properties(
                fields,
                id,
                RELATIONSHIP_KEYS,
                GraphModel.COMMON_RELATIONSHIP_PROPERTIES,
                type.properties(),
                type.enums(),
                type.name(),
                at,
                problems);
        if (problems.count != before) {
            return null;
        }
        properties.put(Captions.PROPERTY, Captions.relationship(type.name(), properties));
        return new RelationshipRow(id, type.name(), from, to, properties);
    }

    /**
     * Checks and converts a record's properties: each must be common to all records of its kind or specific to its
     * label or type, of the right value type, and one of the allowed values where the model enumerates them.
     */
    private static Map<String, Object> properties(
            Map<String, Object> fields,
            String id,
            Set<String> keys,
            Set<String> common,
            Set<String> specific,
            Map<String, Set<String>> enums,
            String owner,
            Location at,
            Problems problems) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", id);
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String key = field.getKey();
            if (keys.contains(key)) {
                continue;
            }
            if (!common.contains(key) && !specific.contains(key)) {
                problems.add(
                        at.child(key),
                        "unknown property '" + key + "' for " + owner + "; allowed: "
                                + String.join(", ", allowed(common, specific)));
                continue;
            }
            Object value = value(key, field.getValue(), at.child(key), problems);
            checkEnum(enums, key, value, at.child(key), problems);
            if (value != null) {
                properties.put(key, value);
            }
        }
        return properties;
    }

    private static List<String> allowed(Set<String> common, Set<String> specific) {
        Set<String> all = new TreeSet<>(common);
        all.addAll(specific);
        return new ArrayList<>(all);
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

    private static void checkEnum(
            Map<String, Set<String>> enums, String key, Object value, Location at, Problems problems) {
        Set<String> allowed = enums.get(key);
        if (allowed != null && value != null && !allowed.contains(value)) {
            problems.add(at, "'" + value + "' is not a valid " + key + "; expected one of " + new TreeSet<>(allowed));
        }
    }

    private static String requiredString(Map<String, Object> fields, String key, Location at, Problems problems) {
        Object value = fields.get(key);
        if (value == null) {
            problems.add(at.child(key), "'" + key + "' is required");
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            problems.add(at.child(key), "'" + key + "' must be a non-empty string");
            return null;
        }
        return s.strip();
    }

    private static String string(Object value) {
        return value instanceof String s ? s.strip() : null;
    }

    /** Checks and converts one property value; null when absent or after reporting a problem. */
    private static Object value(String key, Object raw, Location at, Problems problems) {
        if (raw == null) {
            return null;
        }
        Type type = GraphModel.typeOf(key);
        switch (type) {
            case STRING -> {
                if (!(raw instanceof String s)) {
                    problems.add(at, "'" + key + "' must be a string");
                    return null;
                }
                if (s.length() > MAX_STRING) {
                    problems.add(at, "'" + key + "' is longer than " + MAX_STRING + " characters");
                    return null;
                }
                return s.strip();
            }
            case NUMBER, INTEGER, PERCENT -> {
                return number(key, raw, type, at, problems);
            }
            case DATE -> {
                if (!(raw instanceof String s) || !isDate(s.strip())) {
                    problems.add(at, "'" + raw + "' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD");
                    return null;
                }
                return s.strip();
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                if (raw instanceof String s
                        && (s.strip().equals("true") || s.strip().equals("false"))) {
                    return Boolean.valueOf(s.strip());
                }
                problems.add(at, "'" + raw + "' is not true or false");
                return null;
            }
            case STRING_LIST, SOURCE_REFS -> {
                List<String> list = stringList(raw);
                if (list == null) {
                    problems.add(at, "'" + key + "' must be a list of strings");
                    return null;
                }
                return list;
            }
            case PRODUCT_REF, AGREEMENT_REF -> {
                if (!(raw instanceof String s) || s.isBlank()) {
                    problems.add(at, "'" + key + "' must be the id of a node");
                    return null;
                }
                return s.strip();
            }
            case SOURCE_REF -> {
                if (!(raw instanceof String s) || s.isBlank()) {
                    problems.add(at, "'" + key + "' must be the id of a source");
                    return null;
                }
                return s.strip();
            }
            case LATITUDE, LONGITUDE -> {
                return degrees(key, raw, type == Type.LATITUDE ? 90 : 180, at, problems);
            }
            default -> throw new IllegalStateException("unhandled type " + type);
        }
    }

    /** A list of strings; the CSV form's ';'-separated text is split by its reader, so a string is not a list. */
    private static List<String> stringList(Object raw) {
        if (!(raw instanceof List<?> list)) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                return null;
            }
            strings.add(s.strip());
        }
        return strings;
    }

    private static Object number(String key, Object raw, Type type, Location at, Problems problems) {
        Number number;
        if (raw instanceof Long || raw instanceof Double) {
            number = (Number) raw;
        } else if (raw instanceof BigInteger) {
            problems.add(at, "'" + raw + "' is too large for " + key);
            return null;
        } else if (raw instanceof String s && !s.isBlank()) {
            try {
                String text = s.strip();
                number =
                        text.matches("-?\\d{1,18}") ? (Number) Long.parseLong(text) : (Number) Double.parseDouble(text);
            } catch (NumberFormatException e) {
                problems.add(at, "'" + raw + "' is not a number");
                return null;
            }
        } else {
            problems.add(at, "'" + raw + "' is not a number");
            return null;
        }
        double d = number.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            problems.add(at, "'" + raw + "' is not a finite number");
            return null;
        }
        if (d < 0) {
            problems.add(at, "'" + key + "' cannot be negative (" + raw + ")");
            return null;
        }
        if (type == Type.PERCENT && d > 100) {
            problems.add(at, "'" + key + "' is a percentage and must lie in 0..100, not " + raw);
            return null;
        }
        if (type == Type.INTEGER) {
            if (d != Math.rint(d) || d > Long.MAX_VALUE) {
                problems.add(at, "'" + key + "' must be a whole number, not " + raw);
                return null;
            }
            return number.longValue();
        }
        // Whole numbers stay integers so that 25000 reads back as 25000, not 25000.0.
        return (number instanceof Double dbl && dbl == Math.rint(dbl) && Math.abs(dbl) < 1e15)
                ? (Object) dbl.longValue()
                : number;
    }

    /** Degrees of latitude or longitude, in -limit..limit. */
    private static Double degrees(String key, Object raw, int limit, Location at, Problems problems) {
        double d;
        if (raw instanceof Number n && !(raw instanceof BigInteger)) {
            d = n.doubleValue();
        } else if (raw instanceof String s && !s.isBlank()) {
            try {
                d = Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                problems.add(at, "'" + raw + "' is not a number of degrees");
                return null;
            }
        } else {
            problems.add(at, "'" + raw + "' is not a number of degrees");
            return null;
        }
        if (Double.isNaN(d) || d < -limit || d > limit) {
            problems.add(at, "'" + key + "' must lie in -" + limit + ".." + limit + " degrees, not " + raw);
            return null;
        }
        return d;
    }

    /**
     * A site's coordinates, checked as a whole: latitude and longitude come together and with their precision, and
     * are stored as one WGS 84 point ({@link GraphModel#LOCATION}); the two numbers leave the row.
     */
    private static void location(
            Map<String, Object> fields, Map<String, Object> properties, Location at, Problems problems) {
        boolean latitude = fields.get("latitude") != null;
        boolean longitude = fields.get("longitude") != null;
        boolean precision = fields.get("locationPrecision") != null;
        if (!latitude && !longitude) {
            if (precision) {
                problems.add(
                        at.child("locationPrecision"),
                        "'locationPrecision' needs 'latitude' and 'longitude'; a site without them is placed at its"
                                + " country's centroid");
            }
            for (String key : List.of("locationSource", "locationEvidence", "locationNote")) {
                if (fields.get(key) != null) {
                    problems.add(at.child(key), "'" + key + "' needs 'latitude' and 'longitude'");
                }
            }
            return;
        }
        if (latitude != longitude) {
            String missing = latitude ? "longitude" : "latitude";
            problems.add(
                    at.child(missing),
                    "'" + missing + "' is required with '" + (latitude ? "latitude" : "longitude") + "'");
            return;
        }
        if (!precision) {
            problems.add(
                    at.child("locationPrecision"),
                    "'locationPrecision' is required with coordinates; one of " + GraphModel.LOCATION_PRECISIONS);
        }
        Object lat = properties.remove("latitude");
        Object lon = properties.remove("longitude");
        if (lat instanceof Double y && lon instanceof Double x) {
            properties.put(GraphModel.LOCATION, Values.point(4326, x, y));
        }
    }

    static boolean isDate(String s) {
        if (!DATE.matcher(s).matches()) {
            return false;
        }
        try {
            switch (s.length()) {
                case 4 -> {
                    return true;
                }
                case 7 -> YearMonth.parse(s);
                default -> LocalDate.parse(s);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
