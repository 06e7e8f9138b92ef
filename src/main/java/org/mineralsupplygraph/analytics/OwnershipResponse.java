package org.mineralsupplygraph.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;

/**
 * Effective ownership through chains of INVESTS_IN, OWNS and SUBSIDIARY_OF, and control apart from it.
 *
 * @param subject the company, government, agency, mine or facility asked about
 * @param direction holdings (what the subject holds) or owners (who holds the subject)
 * @param method how the figures were computed
 * @param stakes one entry per node held (or holding), largest effective stake first, up to the limit
 * @param stakeCount how many stakes there are in all
 * @param control the nodes the subject controls (holdings) or that control it (owners)
 * @param unquantified links without a stake percentage: not in the figures
 * @param otherAccounts further sources' accounts of a link already counted
 * @param notes how to read the answer
 */
@Schema(description = "Effective (integrated) ownership and control, with the paths and relationships behind them")
public record OwnershipResponse(
        NodeView subject,
        @Schema(example = "holdings") String direction,
        String method,
        List<Stake> stakes,
        @Schema(example = "3") int stakeCount,
        List<Control> control,
        List<RelationshipView> unquantified,
        List<RelationshipView> otherAccounts,
        List<String> notes) {

    /**
     * @param node the node held (holdings) or the holder (owners)
     * @param directPct the direct stake, percent; null when there is none
     * @param effectivePct the integrated stake, percent: every chain's product of stakes, summed
     * @param pathSumPct the same summed over simple paths only (differs from effectivePct only through cycles)
     * @param paths the simple paths, each with its product and relationships
     */
    @Schema(description = "An effective stake and the ownership paths behind it")
    public record Stake(
            NodeView node,
            @Nullable Double directPct,
            double effectivePct,
            double pathSumPct,
            List<OwnershipPath> paths) {}

    /** One chain of stakes: the node ids in order, the relationships, and the product of their stakes. */
    public record OwnershipPath(double pct, List<String> nodes, List<RelationshipView> relationships) {}

    /**
     * Control: a node whose majority the controlling side holds (its own stakes plus those of the nodes it already
     * controls), or that is its SUBSIDIARY_OF.
     *
     * @param controller the controlling node
     * @param controlled the controlled node
     * @param votesPct the stake the controlling group holds in it, percent (null when control rests on SUBSIDIARY_OF)
     * @param through the ids of the group members holding those stakes
     * @param basis majority or subsidiary
     */
    public record Control(
            NodeView controller,
            NodeView controlled,
            @Nullable Double votesPct,
            List<String> through,
            String basis) {}
}
