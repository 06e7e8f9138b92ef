package org.mineralsupplygraph.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mineralsupplygraph.graph.GraphModel;
import org.neo4j.driver.Values;

/**
 * Turns records into the rows the writers write ({@link NodeRow}, {@link RelationshipRow}), checking on the way what a
 * record says of itself: required fields, its label or type, its id, and every property against the graph model. The
 * document check ({@link DocumentValidator}) and the writers convert records here alike, so that what was checked is
 * what is written.
 */
final class RecordRows {

    private static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
    private static final Set<String> NODE_KEYS = Set.of("label", "id");
    private static final Set<String> RELATIONSHIP_KEYS = Set.of("type", "from", "to", "id");

    private RecordRows() {}

    /** A node record as a row for the writer; null when it has problems. */
    static NodeRow node(RawRecord record) {
        return node(record, new Problems());
    }

    /** A relationship record as a row for the writer; null when it has problems. */
    static RelationshipRow relationship(RawRecord record) {
        return relationship(record, new Problems());
    }

    /**
     * A source record as a Source node row, its problems reported to {@code problems}; null when it has any.
     *
     * @param seen the source ids met so far in the document, which this one joins
     */
    static NodeRow source(RawRecord record, Set<String> seen, Problems problems) {
        Map<String, Object> fields = record.fields();
        long before = problems.count();
        String id = requiredString(record, "id", problems);
        if (id != null && !SOURCE_ID.matcher(id).matches()) {
            problems.add(
                    record.at("id"),
                    "source id '" + id + "' must be lower-case letters, digits, '-' and '.', such as 'usgs-mcs-2025'");
        }
        if (id != null && !seen.add(id)) {
            problems.add(record.at("id"), "source '" + id + "' appears twice in the document");
        }
        String title = requiredString(record, "title", problems);
        String kind = requiredString(record, "kind", problems);
        if (kind != null && !GraphModel.SOURCE_KINDS.contains(kind)) {
            problems.add(
                    record.at("kind"),
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
                        record.at(key),
                        "unknown source field '" + key + "'; allowed: id, "
                                + String.join(", ", new TreeSet<>(GraphModel.SOURCE_PROPERTIES)));
                continue;
            }
            Object value = PropertyValues.value(key, field.getValue(), record.at(key), problems);
            if (value != null) {
                properties.put(key, value);
            }
        }
        return problems.count() == before ? new NodeRow(id, GraphModel.SOURCE, properties) : null;
    }

    /** A node record as a row, its problems reported to {@code problems}; null when it has any. */
    static NodeRow node(RawRecord record, Problems problems) {
        Map<String, Object> fields = record.fields();
        long before = problems.count();
        String labelName = requiredString(record, "label", problems);
        String id = requiredString(record, "id", problems);
        requiredString(record, "name", problems);
        GraphModel.Label label = labelName == null ? null : label(record, labelName, problems);
        if (label == null) {
            return null;
        }
        if (id != null && !label.idPattern().matcher(id).matches()) {
            problems.add(
                    record.at("id"),
                    "'" + id + "' is not a valid " + label.name() + " id: it must be " + label.idRule());
        }
        for (String required : label.required()) {
            if (fields.get(required) == null) {
                problems.add(record.at(required), "'" + required + "' is required for " + label.name());
            }
        }
        requiredString(record, "source", problems);
        if (label.name().equals("Agreement") || label.name().equals("Policy")) {
            requiredString(record, "evidence", problems);
        }
        Map<String, Object> properties = properties(
                record,
                id,
                NODE_KEYS,
                GraphModel.COMMON_NODE_PROPERTIES,
                label.properties(),
                label.enums(),
                label.name(),
                problems);
        if (label.properties().contains("latitude")) {
            location(record, properties, problems);
        }
        return problems.count() == before ? new NodeRow(id, label.name(), properties) : null;
    }

    /** A relationship record as a row, its problems reported to {@code problems}; null when it has any. */
    static RelationshipRow relationship(RawRecord record, Problems problems) {
        Map<String, Object> fields = record.fields();
        long before = problems.count();
        String typeName = requiredString(record, "type", problems);
        String from = requiredString(record, "from", problems);
        String to = requiredString(record, "to", problems);
        String source = requiredString(record, "source", problems);
        requiredString(record, "evidence", problems);
        GraphModel.RelationshipType type = typeName == null ? null : relationshipType(record, typeName, problems);
        if (type == null) {
            return null;
        }
        if ("GOVERNS".equals(type.name())
                && from != null
                && to != null
                && from.startsWith("gov-")
                && !from.substring(4).equalsIgnoreCase(to)) {
            problems.add(
                    record.at("to"),
                    "government '" + from + "' can only govern country '"
                            + from.substring(4).toUpperCase() + "'");
        }
        String id = fields.get("id") == null ? null : requiredString(record, "id", problems);
        if (id == null && from != null && to != null && source != null) {
            id = type.name() + ":" + from + ":" + to + ":" + source;
        }
        Map<String, Object> properties = properties(
                record,
                id,
                RELATIONSHIP_KEYS,
                GraphModel.COMMON_RELATIONSHIP_PROPERTIES,
                type.properties(),
                type.enums(),
                type.name(),
                problems);
        if (problems.count() != before) {
            return null;
        }
        properties.put(Captions.PROPERTY, Captions.relationship(type.name(), properties));
        return new RelationshipRow(id, type.name(), from, to, properties);
    }

    private static GraphModel.Label label(RawRecord record, String name, Problems problems) {
        GraphModel.Label label = GraphModel.label(name).orElse(null);
        if (label == null) {
            problems.add(
                    record.at("label"),
                    "unknown label '" + name + "'; expected one of "
                            + String.join(", ", GraphModel.labels().keySet()));
        }
        return label;
    }

    private static GraphModel.RelationshipType relationshipType(RawRecord record, String name, Problems problems) {
        GraphModel.RelationshipType type = GraphModel.relationshipType(name).orElse(null);
        if (type == null) {
            problems.add(
                    record.at("type"),
                    "unknown relationship type '" + name + "'; expected one of "
                            + String.join(", ", GraphModel.relationshipTypes().keySet()));
        }
        return type;
    }

    /**
     * Checks and converts a record's properties: each must be common to all records of its kind or specific to its
     * label or type, of the right value type, and one of the allowed values where the model enumerates them.
     */
    private static Map<String, Object> properties(
            RawRecord record,
            String id,
            Set<String> keys,
            Set<String> common,
            Set<String> specific,
            Map<String, Set<String>> enums,
            String owner,
            Problems problems) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", id);
        for (Map.Entry<String, Object> field : record.fields().entrySet()) {
            String key = field.getKey();
            if (keys.contains(key)) {
                continue;
            }
            if (!common.contains(key) && !specific.contains(key)) {
                problems.add(
                        record.at(key),
                        "unknown property '" + key + "' for " + owner + "; allowed: "
                                + String.join(", ", allowed(common, specific)));
                continue;
            }
            Object value = PropertyValues.value(key, field.getValue(), record.at(key), problems);
            checkEnum(enums, key, value, record.at(key), problems);
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

    private static void checkEnum(
            Map<String, Set<String>> enums, String key, Object value, Location at, Problems problems) {
        Set<String> allowed = enums.get(key);
        if (allowed != null && value != null && !allowed.contains(value)) {
            problems.add(at, "'" + value + "' is not a valid " + key + "; expected one of " + new TreeSet<>(allowed));
        }
    }

    private static String requiredString(RawRecord record, String key, Problems problems) {
        Object value = record.fields().get(key);
        if (value == null) {
            problems.add(record.at(key), "'" + key + "' is required");
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            problems.add(record.at(key), "'" + key + "' must be a non-empty string");
            return null;
        }
        return s.strip();
    }

    /**
     * A site's coordinates, checked as a whole: latitude and longitude come together and with their precision, and
     * are stored as one WGS 84 point ({@link GraphModel#LOCATION}); the two numbers leave the row.
     */
    private static void location(RawRecord record, Map<String, Object> properties, Problems problems) {
        Map<String, Object> fields = record.fields();
        boolean latitude = fields.get("latitude") != null;
        boolean longitude = fields.get("longitude") != null;
        boolean precision = fields.get("locationPrecision") != null;
        if (!latitude && !longitude) {
            if (precision) {
                problems.add(
                        record.at("locationPrecision"),
                        "'locationPrecision' needs 'latitude' and 'longitude'; a site without them is placed at its"
                                + " country's centroid");
            }
            for (String key : List.of("locationSource", "locationEvidence", "locationNote")) {
                if (fields.get(key) != null) {
                    problems.add(record.at(key), "'" + key + "' needs 'latitude' and 'longitude'");
                }
            }
            return;
        }
        if (latitude != longitude) {
            String missing = latitude ? "longitude" : "latitude";
            problems.add(
                    record.at(missing),
                    "'" + missing + "' is required with '" + (latitude ? "latitude" : "longitude") + "'");
            return;
        }
        if (!precision) {
            problems.add(
                    record.at("locationPrecision"),
                    "'locationPrecision' is required with coordinates; one of " + GraphModel.LOCATION_PRECISIONS);
        }
        Object lat = properties.remove("latitude");
        Object lon = properties.remove("longitude");
        if (lat instanceof Double y && lon instanceof Double x) {
            properties.put(GraphModel.LOCATION, Values.point(4326, x, y));
        }
    }
}
