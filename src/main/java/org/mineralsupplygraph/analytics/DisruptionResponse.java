package org.mineralsupplygraph.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mineralsupplygraph.graph.NodeView;

/**
 * What a disruption takes from each buyer: the contracts lost, the tonnes a year lost and their share of the buyer's
 * known supply, and what remains. Computed on a read transaction: the graph is never changed.
 */
@Schema(description = "Per affected buyer: contracts lost, tonnes a year lost, share of known supply, what remains")
public record DisruptionResponse(
        DisruptionScenario scenario,

        @Schema(description = "the affected buyers, a page of them (limit, cursor)")
        List<BuyerImpact> buyers,

        @Schema(description = "the buyers the scenario leaves whole, a page of them")
        List<NodeView> unaffected,

        @Schema(description = "the answer in sentences: one per affected buyer of this page")
        List<String> summary,

        List<String> notes,

        @Schema(description = "affected buyers in all", example = "2")
        int buyersTotal,

        @Schema(description = "unaffected buyers in all", example = "0")
        int unaffectedTotal,

        @Schema(description = "the page size of buyers and unaffected", example = "100")
        int limit,

        @Schema(description = "pass as cursor for the next page of both lists; null on the last page") @Nullable
        String next) {

    /**
     * @param buyer the buyer
     * @param lost its contracts lost, each with the reason
     * @param partlyAffected contracts of which some sites are removed (the volume is not split by site)
     * @param tonnesPerYearLost the known yearly volume of the lost contracts
     * @param lostWithUnknownVolume how many lost contracts state no yearly volume
     * @param knownTonnesPerYear the buyer's known yearly volume before the disruption
     * @param shareOfKnownSupplyLostPct tonnesPerYearLost over knownTonnesPerYear, percent; null when nothing is known
     * @param remaining the contracts that remain
     * @param tonnesPerYearRemaining their known yearly volume
     */
    @Schema(description = "What one buyer loses and keeps")
    public record BuyerImpact(
            NodeView buyer,
            List<Hit> lost,
            List<Hit> partlyAffected,
            double tonnesPerYearLost,
            int lostWithUnknownVolume,
            double knownTonnesPerYear,
            @Nullable Double shareOfKnownSupplyLostPct,
            List<Contract> remaining,
            double tonnesPerYearRemaining) {}

    /** A contract hit by the scenario, and what hit it. */
    public record Hit(Contract contract, String reason) {}
}
