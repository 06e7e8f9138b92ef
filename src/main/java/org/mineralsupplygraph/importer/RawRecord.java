package org.mineralsupplygraph.importer;

import java.util.Map;

/**
 * One source, node or relationship as read from a file, before validation: its fields as plain Java values (String,
 * Long, Double, Boolean, List, Map or null).
 *
 * @param location where the record starts
 * @param fields the record's fields in file order
 * @param fieldLines the line each field's key is written on, where the file form tells (JSON); a field not listed
 *     sits on the record's line (a CSV row)
 */
public record RawRecord(Location location, Map<String, Object> fields, Map<String, Integer> fieldLines) {

    /** A record whose fields all sit on the line it starts on: a CSV row, or a record built in code. */
    public RawRecord(Location location, Map<String, Object> fields) {
        this(location, fields, Map.of());
    }

    /**
     * Where a field of the record is: the line of its key, or the line the record starts on for a field it lacks (a
     * problem about a missing field is one about the whole record).
     */
    public Location at(String key) {
        return location.child(key).atLine(lineOf(key));
    }

    /** The line of a field's key, or the line the record starts on for a field it lacks. */
    public int lineOf(String key) {
        Integer line = fieldLines.get(key);
        return line == null ? location.line() : line;
    }
}
