package org.mineralsupplygraph.exposure;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;

/**
 * Paths between two nodes.
 *
 * @param from the first node
 * @param to the second node
 * @param through "influence" (the default relationships, never through a Country, Mineral, Product, Region or
 *     Source) or "all"
 * @param types the relationship types followed
 * @param maxDepth the longest path searched, in relationships
 * @param limit the most paths returned
 * @param paths shortest first, then by the number of supply relationships (most first), then by ids
 * @param notes what the answer does not show, when something: no path within maxDepth, for instance
 */
@Schema(description = "Paths between two nodes, shortest first, each read in a sentence")
public record PathsResponse(
        NodeView from,
        NodeView to,
        @Schema(allowableValues = {"influence", "all"}) String through,

        @Schema(description = "the types asked for; null when none were") @Nullable
        List<String> types,

        int maxDepth,
        int limit,
        List<Connection> paths,
        List<String> notes) {

    /**
     * One path.
     *
     * @param length its relationships
     * @param supplyRelationships how many of them are supply: OFFTAKE or FEEDS
     * @param sentence the path read in plain words, from the relationships' figures
     * @param nodes its nodes in order
     * @param relationships the relationships between consecutive nodes (each keeps its own direction in from/to)
     */
    @Schema(description = "A path, its length and a sentence that reads it")
    public record Connection(
            int length,
            int supplyRelationships,

            @Schema(
                    example = "SK On holds 10% of Lake Resources, whose subsidiary Morena del Valle Minerals owns 100%"
                            + " of Kachi lithium brine project (Catamarca, Argentina).")
            String sentence,

            List<NodeView> nodes,
            List<RelationshipView> relationships) {}
}
