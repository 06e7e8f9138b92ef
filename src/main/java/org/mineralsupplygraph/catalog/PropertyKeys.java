package org.mineralsupplygraph.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The property names of the exported nodes or relationships and one type for each, as graph files declare them before
 * their data (GraphML {@code key}, GEXF {@code attribute}). A property whose values differ in type is a string; whole
 * numbers beside decimals are decimals. A location point is exported as its {@code latitude} and {@code longitude}.
 */
final class PropertyKeys {

    enum Type {
        STRING,
        LONG,
        DOUBLE,
        BOOLEAN,
        STRING_LIST;

        Type merge(Type other) {
            if (this == other) {
                return this;
            }
            if ((this == LONG && other == DOUBLE) || (this == DOUBLE && other == LONG)) {
                return DOUBLE;
            }
            return STRING;
        }

        static Type of(Object value) {
            if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                return LONG;
            }
            if (value instanceof Double || value instanceof Float) {
                return DOUBLE;
            }
            if (value instanceof Boolean) {
                return BOOLEAN;
            }
            if (value instanceof Collection<?>) {
                return STRING_LIST;
            }
            return STRING;
        }

        /** The type of a Cypher {@code valueType()} answer, for example {@code INTEGER NOT NULL}. */
        static Type ofCypher(String valueType) {
            if (valueType.startsWith("INTEGER")) {
                return LONG;
            }
            if (valueType.startsWith("FLOAT")) {
                return DOUBLE;
            }
            if (valueType.startsWith("BOOLEAN")) {
                return BOOLEAN;
            }
            if (valueType.startsWith("LIST")) {
                return STRING_LIST;
            }
            return STRING;
        }
    }

    private final Map<String, Type> types = new LinkedHashMap<>();

    /** Keys every export has first: the node's labels and name, or the relationship's type. */
    PropertyKeys(String... fixed) {
        for (String key : fixed) {
            types.put(key, Type.STRING);
        }
    }

    void add(String key, Type type) {
        types.merge(key, type, Type::merge);
    }

    /** Adds the keys of one node's or relationship's properties, as {@link #flatten} gives them. */
    void addAll(Map<String, Object> properties) {
        flatten(properties).forEach((key, value) -> add(key, Type.of(value)));
    }

    /** Adds a key found by Cypher's {@code valueType()}; a point becomes latitude and longitude. */
    void addCypher(String key, List<String> valueTypes) {
        for (String valueType : valueTypes) {
            if (valueType.startsWith("POINT")) {
                add("latitude", Type.DOUBLE);
                add("longitude", Type.DOUBLE);
            } else if (!valueType.startsWith("NULL")) {
                add(key, Type.ofCypher(valueType));
            }
        }
    }

    Map<String, Type> types() {
        return types;
    }

    /** A node's or relationship's properties as graph files hold them: a location as latitude and longitude. */
    static Map<String, Object> flatten(Map<String, Object> properties) {
        Map<String, Object> flat = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (value instanceof Map<?, ?> point && point.containsKey("latitude") && point.containsKey("longitude")) {
                flat.put("latitude", point.get("latitude"));
                flat.put("longitude", point.get("longitude"));
            } else if (value != null) {
                flat.put(key, value);
            }
        });
        return flat;
    }
}
