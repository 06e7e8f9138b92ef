package org.mineralsupplygraph.graph;

import java.util.List;

/**
 * A path: its nodes in order, and the relationships between consecutive nodes (each keeps its own direction in
 * {@code from} and {@code to}).
 */
public record PathView(List<NodeView> nodes, List<RelationshipView> relationships) {}
