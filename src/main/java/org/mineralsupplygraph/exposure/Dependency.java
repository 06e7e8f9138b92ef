package org.mineralsupplygraph.exposure;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mineralsupplygraph.graph.Conflict;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.PathView;
import org.mineralsupplygraph.graph.RelationshipView;

/**
 * One way a company depends on a supplier or a place: the deal behind it, its figures where the data has them, and
 * the path of relationships, each with its provenance, from the company to the supplier or site.
 */
@Schema(description = "One dependency of a company, with the path of evidence behind it")
public record Dependency(
        @Schema(description = "the dependent company") NodeView company,

        @Schema(
                description = "'domicile': the supplier is headquartered in the country; 'origin': the mine or facility"
                        + " is located there",
                example = "domicile")
        String basis,

        @Schema(
                description = "the company's counterparty in the first deal on the path (or the site itself when the"
                        + " company operates it); on the domicile basis, for a deal made with a mine or facility, the site's"
                        + " supplier company: its operator, else its majority owner")
        NodeView supplier,

        @Schema(description = "origin basis: the mine or facility located in the country; null for domicile") @Nullable
        NodeView site,

        @Schema(description = "the country that matched: the supplier's headquarters or the site's location")
        NodeView country,

        @Schema(description = "relationship types from the company to the supplier or site", example = "[\"OFFTAKE\"]")
        List<String> via,

        @Schema(description = "the minerals this dependency is about", example = "[\"lithium\"]")
        List<String> minerals,

        @Schema(description = "tonnes per year of the deal, null where the data has no figure", example = "25000")
        @Nullable
        Number tonnesPerYear,

        @Schema(description = "tonnes over the deal's term", example = "70000") @Nullable
        Number tonnesTotal,

        @Schema(description = "share of the supplier's output, percent", example = "25") @Nullable
        Number sharePct,

        @Schema(description = "equity stake, percent", example = "7.89") @Nullable
        Number stakePct,

        @Schema(
                description = "the company's deal: the first OFFTAKE or INVESTS_IN on the path; null for a site the"
                        + " company holds")
        @Nullable
        RelationshipView deal,

        @Schema(
                description = "domicile basis: where the supplier's own mines and facilities are, as far as the graph"
                        + " knows (empty when it does not)")
        List<Origin> origins,

        @Schema(
                description = "origin basis: where the supplier is headquartered (for a mine or facility dealt with"
                        + " directly, its operator's or majority owner's headquarters); null for domicile or when the graph does"
                        + " not say")
        @Nullable
        NodeView supplierCountry,

        @Schema(description = "the nodes and relationships from the company to the supplier or site")
        PathView path,

        @Schema(description = "where the sources' accounts of the deal give different figures (both accounts stay)")
        List<Conflict> conflicts) {

    /** The same dependency with the conflicts among its deal's accounts. */
    public Dependency withConflicts(List<Conflict> found) {
        return new Dependency(
                company,
                basis,
                supplier,
                site,
                country,
                via,
                minerals,
                tonnesPerYear,
                tonnesTotal,
                sharePct,
                stakePct,
                deal,
                origins,
                supplierCountry,
                path,
                found);
    }

    /**
     * A place a supplier's ore comes from.
     *
     * @param site the mine or facility
     * @param country where it is
     * @param province the province or state, where known
     * @param relationships the relationships that say so (ownership and location), with provenance
     */
    public record Origin(
            NodeView site, NodeView country, @Nullable String province, List<RelationshipView> relationships) {}
}
