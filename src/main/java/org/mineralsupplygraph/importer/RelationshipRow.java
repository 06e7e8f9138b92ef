package org.mineralsupplygraph.importer;

import java.util.Map;

/**
 * A relationship to write, as {@link RecordRows} makes it of a checked record.
 *
 * @param id the relationship's key
 * @param type its type
 * @param from id of the start node
 * @param to id of the end node
 * @param properties every property to set, {@code id} included
 */
public record RelationshipRow(String id, String type, String from, String to, Map<String, Object> properties) {}
