package org.mineralsupplygraph.importer;

import java.util.Map;

/**
 * A node to write, as {@link RecordRows} makes it of a checked record.
 *
 * @param id the node's key
 * @param label its type label
 * @param properties every property to set, {@code id} included
 */
public record NodeRow(String id, String label, Map<String, Object> properties) {}
