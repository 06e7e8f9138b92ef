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
import org.mineralsupplygraph.importer.ValidatedDocument.NodeRow;
import org.mineralsupplygraph.importer.ValidatedDocument.RelationshipRow;

/**
 * Checks a document against the graph model before anything is written, and collects every problem with its
 * location rather than stopping at the first.
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

    private static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final int MAX_STRING = 10_000;
    private static final Set<String> NODE_KEYS = Set.of("label", "id");
    private static final Set<String> RELATIONSHIP_KEYS = Set.of("type", "from", "to", "id");

    private final ImportDocument document;
    private final GraphLookup graph;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> documentLabels = new HashMap<>();
    private final Set<String> documentSources = new HashSet<>();
    private Map<String, String> graphLabels = Map.of();

    private DocumentValidator(ImportDocument document, GraphLookup graph) {
        this.document = document;
        this.graph = graph;
    }

    /**
     * Validates a document.
     *
     * @param document the records as read
     * @param graph what the graph holds already, for references to nodes outside the document
     * @return rows ready to write
     * @throws ImportException listing every problem, when there is any
     */
    public static ValidatedDocument validate(ImportDocument document, GraphLookup graph) {
        return new DocumentValidator(document, graph).run();
    }

    private ValidatedDocument run() {
        for (RawRecord record : document.sources()) {
            String id = string(record.fields().get("id"));
            if (id != null) {
                documentSources.add(id);
            }
        }
        for (RawRecord record : document.nodes()) {
            String label = string(record.fields().get("label"));
            String id = string(record.fields().get("id"));
            if (id != null && GraphModel.label(label).isPresent()) {
                String previous = documentLabels.putIfAbsent(id, label);
                if (previous != null) {
                    problems.add(new Problem(record.location().child("id"),
                            "id '" + id + "' appears twice in the document; each node is listed once"));
                }
            }
        }
        graphLabels = graph.labelsOf(referencedIds());

        List<NodeRow> sources = new ArrayList<>();
        Set<String> seenSources = new HashSet<>();
        for (RawRecord record : document.sources()) {
            NodeRow row = source(record, seenSources);
            if (row != null) {
                sources.add(row);
            }
        }
        Map<String, List<NodeRow>> nodes = new LinkedHashMap<>();
        for (RawRecord record : document.nodes()) {
            NodeRow row = node(record);
            if (row != null) {
                nodes.computeIfAbsent(string(record.fields().get("label")), l -> new ArrayList<>()).add(row);
            }
        }
        Map<String, List<RelationshipRow>> relationships = new LinkedHashMap<>();
        Set<String> relationshipIds = new HashSet<>();
        for (RawRecord record : document.relationships()) {
            RelationshipRow row = relationship(record);
            if (row == null) {
                continue;
            }
            if (!relationshipIds.add(row.id())) {
                problems.add(new Problem(record.location(), "relationship '" + row.id()
                        + "' appears twice in the document; give one of them its own 'id'"));
                continue;
            }
            relationships.computeIfAbsent(string(record.fields().get("type")), t -> new ArrayList<>()).add(row);
        }
        if (!problems.isEmpty()) {
            throw new ImportException(document.name(), problems);
        }
        return new ValidatedDocument(document.name(), sources, nodes, relationships);
    }

    /** Every id the document declares or mentions: nodes, sources, relationship ends, references in properties. */
    private Set<String> referencedIds() {
        Set<String> ids = new HashSet<>();
        for (RawRecord record : document.relationships()) {
            addIfString(ids, record.fields().get("from"));
            addIfString(ids, record.fields().get("to"));
        }
        for (RawRecord record : concat(document.nodes(), document.relationships())) {
            for (Map.Entry<String, Object> field : record.fields().entrySet()) {
                Type type = GraphModel.typeOf(field.getKey());
                if (field.getKey().equals("source")) {
                    addIfString(ids, field.getValue());
                } else if (type == Type.PRODUCT_REF || type == Type.AGREEMENT_REF) {
                    addIfString(ids, field.getValue());
                } else if (type == Type.SOURCE_REFS && field.getValue() instanceof List<?> list) {
                    list.forEach(v -> addIfString(ids, v));
                }
            }
        }
        // Declared ids too: a node must not change its label, nor a source become a node.
        ids.addAll(documentLabels.keySet());
        ids.addAll(documentSources);
        return ids;
    }

    private static List<RawRecord> concat(List<RawRecord> a, List<RawRecord> b) {
        List<RawRecord> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void addIfString(Set<String> ids, Object value) {
        if (value instanceof String s && !s.isBlank()) {
            ids.add(s);
        }
    }

    private NodeRow source(RawRecord record, Set<String> seen) {
        Map<String, Object> fields = record.fields();
        Location at = record.location();
        int before = problems.size();
        String id = requiredString(fields, "id", at);
        if (id != null && !SOURCE_ID.matcher(id).matches()) {
            problems.add(new Problem(at.child("id"),
                    "source id '" + id + "' must be lower-case letters, digits, '-' and '.', such as 'usgs-mcs-2025'"));
        }
        if (id != null && !seen.add(id)) {
            problems.add(new Problem(at.child("id"), "source '" + id + "' appears twice in the document"));
        }
        String existing = id == null ? null : graphLabels.get(id);
        if (existing != null && !existing.equals(GraphModel.SOURCE)) {
            problems.add(new Problem(at.child("id"), "id '" + id + "' is already a " + existing
                    + " in the graph; ids are unique across the graph, sources included"));
        }
        String title = requiredString(fields, "title", at);
        String kind = requiredString(fields, "kind", at);
        if (kind != null && !GraphModel.SOURCE_KINDS.contains(kind)) {
            problems.add(new Problem(at.child("kind"),
                    "unknown source kind '" + kind + "'; expected one of " + new TreeSet<>(GraphModel.SOURCE_KINDS)));
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
                problems.add(new Problem(at.child(key), "unknown source field '" + key + "'; allowed: id, "
                        + String.join(", ", new TreeSet<>(GraphModel.SOURCE_PROPERTIES))));
                continue;
            }
            Object value = value(key, field.getValue(), at.child(key));
            if (value != null) {
                properties.put(key, value);
            }
        }
        return problems.size() == before ? new NodeRow(id, properties) : null;
    }

    private NodeRow node(RawRecord record) {
        Map<String, Object> fields = record.fields();
        Location at = record.location();
        int before = problems.size();
        String labelName = requiredString(fields, "label", at);
        String id = requiredString(fields, "id", at);
        requiredString(fields, "name", at);
        GraphModel.Label label = null;
        if (labelName != null) {
            label = GraphModel.label(labelName).orElse(null);
            if (label == null) {
                problems.add(new Problem(at.child("label"), "unknown label '" + labelName + "'; expected one of "
                        + String.join(", ", GraphModel.labels().keySet())));
            }
        }
        if (label == null) {
            return null;
        }
        if (id != null && !label.idPattern().matcher(id).matches()) {
            problems.add(new Problem(at.child("id"),
                    "'" + id + "' is not a valid " + label.name() + " id: it must be " + label.idRule()));
        }
        String existing = id == null ? null : graphLabels.get(id);
        if (existing != null && !existing.equals(label.name())) {
            problems.add(new Problem(at.child("id"), "id '" + id + "' is already a " + existing
                    + " in the graph; a node's label cannot change and ids are unique across the graph"));
        }
        for (String required : label.required()) {
            if (fields.get(required) == null) {
                problems.add(new Problem(at.child(required), "'" + required + "' is required for " + label.name()));
            }
        }
        requiredString(fields, "source", at);
        if (label.name().equals("Agreement") || label.name().equals("Policy")) {
            requiredString(fields, "evidence", at);
        }
        Map<String, Object> properties = properties(fields, id, NODE_KEYS, GraphModel.COMMON_NODE_PROPERTIES,
                label.properties(), label.enums(), label.name(), at);
        return problems.size() == before ? new NodeRow(id, properties) : null;
    }

    private RelationshipRow relationship(RawRecord record) {
        Map<String, Object> fields = record.fields();
        Location at = record.location();
        int before = problems.size();
        String typeName = requiredString(fields, "type", at);
        String from = requiredString(fields, "from", at);
        String to = requiredString(fields, "to", at);
        String source = requiredString(fields, "source", at);
        requiredString(fields, "evidence", at);
        GraphModel.RelationshipType type = null;
        if (typeName != null) {
            type = GraphModel.relationshipType(typeName).orElse(null);
            if (type == null) {
                problems.add(new Problem(at.child("type"), "unknown relationship type '" + typeName
                        + "'; expected one of " + String.join(", ", GraphModel.relationshipTypes().keySet())));
            }
        }
        if (type == null) {
            return null;
        }
        String fromLabel = endLabel(from, at.child("from"));
        String toLabel = endLabel(to, at.child("to"));
        if (fromLabel != null && toLabel != null && !type.allows(fromLabel, toLabel)) {
            problems.add(new Problem(at, type.name() + " cannot join a " + fromLabel + " ('" + from + "') to a "
                    + toLabel + " ('" + to + "'); it joins " + describeEnds(type)));
        }
        if ("GOVERNS".equals(type.name()) && from != null && to != null && from.startsWith("gov-")
                && !from.substring(4).equalsIgnoreCase(to)) {
            problems.add(new Problem(at.child("to"), "government '" + from + "' can only govern country '"
                    + from.substring(4).toUpperCase() + "'"));
        }
        String id = fields.get("id") == null ? null : requiredString(fields, "id", at);
        if (id == null && from != null && to != null && source != null) {
            id = type.name() + ":" + from + ":" + to + ":" + source;
        }
        Map<String, Object> properties = properties(fields, id, RELATIONSHIP_KEYS,
                GraphModel.COMMON_RELATIONSHIP_PROPERTIES, type.properties(), type.enums(), type.name(), at);
        if (problems.size() != before) {
            return null;
        }
        properties.put(Captions.PROPERTY, Captions.relationship(type.name(), properties));
        return new RelationshipRow(id, from, to, properties);
    }

    /**
     * Checks and converts a record's properties: each must be common to all records of its kind or specific to its
     * label or type, of the right value type, and one of the allowed values where the model enumerates them.
     */
    private Map<String, Object> properties(Map<String, Object> fields, String id, Set<String> keys,
            Set<String> common, Set<String> specific, Map<String, Set<String>> enums, String owner, Location at) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", id);
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String key = field.getKey();
            if (keys.contains(key)) {
                continue;
            }
            if (!common.contains(key) && !specific.contains(key)) {
                problems.add(new Problem(at.child(key), "unknown property '" + key + "' for " + owner
                        + "; allowed: " + String.join(", ", allowed(common, specific))));
                continue;
            }
            Object value = value(key, field.getValue(), at.child(key));
            checkEnum(enums, key, value, at.child(key));
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
        type.ends().forEach(pair -> byFrom.computeIfAbsent(pair.get(0), f -> new TreeSet<>()).add(pair.get(1)));
        List<String> parts = new ArrayList<>();
        byFrom.forEach((f, t) -> parts.add(f + " -> " + String.join("|", t)));
        return String.join("; ", parts);
    }

    /** The label of a node the document declares or the graph holds, or null after reporting a problem. */
    private String endLabel(String id, Location at) {
        if (id == null) {
            return null;
        }
        String label = labelOf(id);
        if (label == null) {
            problems.add(new Problem(at, "'" + id + "' names no node in the document or in the graph"));
        }
        return label;
    }

    private String labelOf(String id) {
        String label = documentLabels.get(id);
        return label != null ? label : graphLabels.get(id);
    }

    private boolean isSource(String id) {
        return documentSources.contains(id) || GraphModel.SOURCE.equals(graphLabels.get(id));
    }

    private void checkEnum(Map<String, Set<String>> enums, String key, Object value, Location at) {
        Set<String> allowed = enums.get(key);
        if (allowed != null && value != null && !allowed.contains(value)) {
            problems.add(new Problem(at, "'" + value + "' is not a valid " + key + "; expected one of "
                    + new TreeSet<>(allowed)));
        }
    }

    private String requiredString(Map<String, Object> fields, String key, Location at) {
        Object value = fields.get(key);
        if (value == null) {
            problems.add(new Problem(at.child(key), "'" + key + "' is required"));
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            problems.add(new Problem(at.child(key), "'" + key + "' must be a non-empty string"));
            return null;
        }
        return s.strip();
    }

    private static String string(Object value) {
        return value instanceof String s ? s.strip() : null;
    }

    /** Checks and converts one property value; null when absent or after reporting a problem. */
    private Object value(String key, Object raw, Location at) {
        if (raw == null) {
            return null;
        }
        Type type = GraphModel.typeOf(key);
        if (key.equals("source")) {
            String id = string(raw);
            if (id != null && !isSource(id)) {
                problems.add(new Problem(at, "source '" + id
                        + "' is neither declared in the document's 'sources' nor in the graph"));
            }
            return id;
        }
        switch (type) {
            case STRING -> {
                if (!(raw instanceof String s)) {
                    problems.add(new Problem(at, "'" + key + "' must be a string"));
                    return null;
                }
                if (s.length() > MAX_STRING) {
                    problems.add(new Problem(at, "'" + key + "' is longer than " + MAX_STRING + " characters"));
                    return null;
                }
                return s.strip();
            }
            case NUMBER, INTEGER, PERCENT -> {
                return number(key, raw, type, at);
            }
            case DATE -> {
                if (!(raw instanceof String s) || !isDate(s.strip())) {
                    problems.add(new Problem(at, "'" + raw + "' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"));
                    return null;
                }
                return s.strip();
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                if (raw instanceof String s && (s.strip().equals("true") || s.strip().equals("false"))) {
                    return Boolean.valueOf(s.strip());
                }
                problems.add(new Problem(at, "'" + raw + "' is not true or false"));
                return null;
            }
            case STRING_LIST, SOURCE_REFS -> {
                List<String> list = stringList(raw);
                if (list == null) {
                    problems.add(new Problem(at, "'" + key + "' must be a list of strings"));
                    return null;
                }
                if (type == Type.SOURCE_REFS) {
                    list.stream().filter(s -> !isSource(s)).forEach(s -> problems.add(new Problem(at,
                            "source '" + s + "' is neither declared in the document's 'sources' nor in the graph")));
                }
                return list;
            }
            case PRODUCT_REF, AGREEMENT_REF -> {
                String id = string(raw);
                String label = id == null ? null : labelOf(id);
                Set<String> expected = type == Type.PRODUCT_REF ? Set.of("Product", "Mineral") : Set.of("Agreement");
                if (label == null || !expected.contains(label)) {
                    problems.add(new Problem(at, "'" + raw + "' names no " + String.join(" or ", new TreeSet<>(expected))
                            + " in the document or in the graph"));
                    return null;
                }
                return id;
            }
            default -> throw new IllegalStateException("unhandled type " + type);
        }
    }

    private static List<String> stringList(Object raw) {
        if (raw instanceof String s) {
            // The CSV form writes lists as text separated by ';'.
            return s.isBlank() ? List.of() : java.util.Arrays.stream(s.split(";")).map(String::strip)
                    .filter(v -> !v.isEmpty()).toList();
        }
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

    private Object number(String key, Object raw, Type type, Location at) {
        Number number;
        if (raw instanceof Long || raw instanceof Double) {
            number = (Number) raw;
        } else if (raw instanceof BigInteger) {
            problems.add(new Problem(at, "'" + raw + "' is too large for " + key));
            return null;
        } else if (raw instanceof String s && !s.isBlank()) {
            try {
                String text = s.strip();
                number = text.matches("-?\\d+") ? (Number) Long.parseLong(text) : (Number) Double.parseDouble(text);
            } catch (NumberFormatException e) {
                problems.add(new Problem(at, "'" + raw + "' is not a number"));
                return null;
            }
        } else {
            problems.add(new Problem(at, "'" + raw + "' is not a number"));
            return null;
        }
        double d = number.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            problems.add(new Problem(at, "'" + raw + "' is not a finite number"));
            return null;
        }
        if (d < 0) {
            problems.add(new Problem(at, "'" + key + "' cannot be negative (" + raw + ")"));
            return null;
        }
        if (type == Type.PERCENT && d > 100) {
            problems.add(new Problem(at, "'" + key + "' is a percentage and must lie in 0..100, not " + raw));
            return null;
        }
        if (type == Type.INTEGER) {
            if (d != Math.rint(d) || d > Long.MAX_VALUE) {
                problems.add(new Problem(at, "'" + key + "' must be a whole number, not " + raw));
                return null;
            }
            return number.longValue();
        }
        // Whole numbers stay integers so that 25000 reads back as 25000, not 25000.0.
        return (number instanceof Double dbl && dbl == Math.rint(dbl) && Math.abs(dbl) < 1e15)
                ? (Object) dbl.longValue()
                : number;
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
