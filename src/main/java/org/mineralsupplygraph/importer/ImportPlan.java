package org.mineralsupplygraph.importer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What validation learned of a document, for writing it: its sources, the label of every node it declares, which of
 * those the graph holds already (the others can be created rather than merged), and how many records it has.
 *
 * @param sources Source rows, ready to write
 * @param declared label of every node the document declares, by id
 * @param existing the declared ids the graph holds already
 * @param nodes node records
 * @param relationships relationship records
 */
public record ImportPlan(
        List<NodeRow> sources, Map<String, String> declared, Set<String> existing, long nodes, long relationships) {

    /** Whether the node is declared by the document and not yet in the graph. */
    public boolean isNew(String id) {
        return declared.containsKey(id) && !existing.contains(id);
    }

    public long rows() {
        return sources.size() + nodes + relationships;
    }
}
