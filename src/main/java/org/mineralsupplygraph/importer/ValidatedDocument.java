package org.mineralsupplygraph.importer;

import java.util.List;
import java.util.Map;

/**
 * A document that passed validation, as rows ready for {@code UNWIND}: property values are of types Neo4j stores.
 *
 * @param name the file name
 * @param sources Source rows
 * @param nodes node rows by label, in file order
 * @param relationships relationship rows by type, in file order
 */
public record ValidatedDocument(
        String name,
        List<NodeRow> sources,
        Map<String, List<NodeRow>> nodes,
        Map<String, List<RelationshipRow>> relationships) {

    /**
     * A node to merge on its id.
     *
     * @param id the node's key
     * @param properties every property to set, {@code id} included
     */
    public record NodeRow(String id, Map<String, Object> properties) {}

    /**
     * A relationship to merge on its ends, type and id.
     *
     * @param id the relationship's key
     * @param from id of the start node
     * @param to id of the end node
     * @param properties every property to set, {@code id} included
     */
    public record RelationshipRow(String id, String from, String to, Map<String, Object> properties) {}

    public int nodeCount() {
        return nodes.values().stream().mapToInt(List::size).sum();
    }

    public int relationshipCount() {
        return relationships.values().stream().mapToInt(List::size).sum();
    }
}
