package org.mineralsupplygraph.catalog;

import java.io.IOException;
import java.io.OutputStream;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;

/**
 * Writes a graph file as it goes: the declared keys, then the nodes, then the relationships, so that a whole graph
 * can be streamed without holding it.
 */
interface GraphFileWriter {

    /**
     * @param description what the file holds (the focus and depth, or the whole graph), and whether it was cut short
     */
    void begin(PropertyKeys nodeKeys, PropertyKeys relationshipKeys, String description) throws IOException;

    void node(NodeView node) throws IOException;

    /** Called once, after the last node and before the first relationship. */
    void relationships() throws IOException;

    /** @param id the relationship's id in the file, unique within it */
    void relationship(String id, RelationshipView relationship) throws IOException;

    void end() throws IOException;

    /** The file formats: their name in {@code format=}, media type and file extension. */
    enum Format {
        GRAPHML("application/graphml+xml", "graphml"),
        GEXF("application/gexf+xml", "gexf"),
        CYTOSCAPE("application/json", "cyjs");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        GraphFileWriter writer(OutputStream out) throws IOException {
            return switch (this) {
                case GRAPHML -> new GraphMlWriter(out);
                case GEXF -> new GexfWriter(out);
                case CYTOSCAPE -> new CytoscapeWriter(out);
            };
        }
    }
}
