package org.mineralsupplygraph.importer;

import java.util.Map;

/**
 * One source, node or relationship as read from a file, before validation: its fields as plain Java values (String,
 * Long, Double, Boolean, List, Map or null).
 *
 * @param location where the record starts
 * @param fields the record's fields in file order
 */
public record RawRecord(Location location, Map<String, Object> fields) {}
