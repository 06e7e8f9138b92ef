package org.mineralsupplygraph.exposure;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.PathView;

/**
 * Paths between two nodes.
 *
 * @param from the first node
 * @param to the second node
 * @param maxDepth the longest path searched, in relationships
 * @param limit the most paths returned
 * @param paths shortest first
 */
@Schema(description = "Paths between two nodes, shortest first")
public record PathsResponse(NodeView from, NodeView to, int maxDepth, int limit, List<PathView> paths) {}
