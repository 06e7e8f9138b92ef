package org.mineralsupplygraph.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;

/**
 * How concentrated the supply of a mineral is: world mine production by country, or one buyer country's contracted
 * supply by the country it comes from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Concentration of a mineral's supply: shares by country, HHI, CR1, CR3, band, and the evidence")
public record ConcentrationResponse(
        @Schema(description = "the mineral") NodeView mineral,

        @Schema(
                description = "'world' (mine production) or 'buyer' (one country's contracted supply)",
                example = "world")
        String scope,

        @Schema(description = "buyer scope: the buyers' country", example = "KR") @Nullable
        String buyerCountry,

        @Schema(
                description = "buyer scope: origin (where the sites are) or domicile (where the suppliers are"
                        + " headquartered)",
                example = "origin")
        @Nullable
        String basis,

        @Schema(description = "only relationships in force on this day counted", example = "2025-06-30") @Nullable
        String asOf,

        @Schema(description = "what the tonnes measure", example = "t Co content")
        String unit,

        @Schema(description = "world scope: the year of the figures", example = "2024") @Nullable
        Long year,

        @Schema(
                description = "the total the shares are of: the published world total, or the buyers' quantified"
                        + " contracted tonnes a year",
                example = "290000")
        double totalTonnes,

        @Schema(description = "world scope: the named countries' part of the world total, percent", example = "98.4")
        @Nullable
        Double namedSharePct,

        @Schema(description = "shares by country, largest first")
        List<Share> shares,

        @Schema(description = "HHI, CR1, CR3 and band over the shares; absent when there are none") @Nullable
        Concentration concentration,

        @Schema(description = "world scope: the source of the figures", example = "USGS MCS 2025") @Nullable
        String source,

        @Schema(description = "world scope: the figures' vintage", example = "2024e") @Nullable
        String vintage,

        @Schema(description = "buyer scope: the contracts counted in the shares, a page of them (limit, cursor)")
        @Nullable
        List<Contract> contracts,

        @Schema(description = "buyer scope: contracts left out of the shares, each with the reason, a page of them")
        @Nullable
        List<Excluded> notCounted,

        @Schema(description = "how to read the figures") List<String> notes,

        @Schema(description = "buyer scope: contracts counted in all (the shares are over all of them)", example = "3")
        @Nullable
        Integer contractsTotal,

        @Schema(description = "buyer scope: contracts not counted in all", example = "2") @Nullable
        Integer notCountedTotal,

        @Schema(description = "buyer scope: the page size of contracts and notCounted", example = "100") @Nullable
        Integer limit,

        @Schema(description = "buyer scope: pass as cursor for the next page of both lists; absent on the last page")
        @Nullable
        String next) {

    /** The same answer with one page of its lists, the totals, and the cursor of the next page. */
    ConcentrationResponse page(List<Contract> counted, List<Excluded> excluded, int limit, String next) {
        return new ConcentrationResponse(
                mineral,
                scope,
                buyerCountry,
                basis,
                asOf,
                unit,
                year,
                totalTonnes,
                namedSharePct,
                shares,
                concentration,
                source,
                vintage,
                counted,
                excluded,
                notes,
                contracts == null ? null : contracts.size(),
                notCounted == null ? null : notCounted.size(),
                limit,
                next);
    }

    /**
     * One country's share.
     *
     * @param country the country
     * @param tonnes its tonnes (a year)
     * @param sharePct its share of the total, percent
     * @param evidence world scope: the production figure with its source
     * @param contracts buyer scope: the ids of the contracts' preferred accounts
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Share(
            NodeView country,
            double tonnes,
            double sharePct,
            @Nullable RelationshipView evidence,
            @Nullable List<String> contracts) {}

    /** A contract that could not be counted, and why. */
    public record Excluded(Contract contract, String reason) {}
}
