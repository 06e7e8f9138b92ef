package org.mineralsupplygraph.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mineralsupplygraph.graph.Conflict;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.PathView;
import org.mineralsupplygraph.graph.RelationshipView;

/** Response records of the look-up and listing endpoints. */
final class CatalogViews {

    private CatalogViews() {}

    /** A node linked by a relationship: a party to an agreement, a mineral a policy covers, and so on. */
    record Linked(NodeView node, RelationshipView relationship) {}

    record SearchHit(NodeView node, double score) {}

    @Schema(description = "Full-text search results, best first")
    record SearchResponse(String q, @Nullable String label, int limit, List<SearchHit> results) {}

    @Schema(description = "A node with every relationship it has, in both directions")
    record EntityResponse(
            NodeView node,
            List<RelationshipView> relationships,
            List<NodeView> neighbours,

            @Schema(description = "where the sources' accounts of its relationships give different figures")
            List<Conflict> conflicts) {}

    @Schema(description = "Nodes and relationships around a node, for drawing")
    record NeighbourhoodResponse(NodeView center, int depth, int limit, boolean truncated, PathView graph) {}

    record AgreementView(NodeView agreement, List<Linked> parties, List<Linked> minerals) {}

    @Schema(description = "Agreements, with their parties, the minerals they cover and their terms")
    record AgreementsResponse(
            @Nullable String country, @Nullable String mineral, List<AgreementView> agreements) {}

    record PolicyView(NodeView policy, List<Linked> enactedBy, List<Linked> minerals, List<Linked> importsFrom) {}

    @Schema(description = "Policies, with who enacted them, the minerals they cover and their terms")
    record PoliciesResponse(
            @Nullable String country, @Nullable String mineral, List<PolicyView> policies) {}

    record Production(NodeView country, RelationshipView figures) {}

    record MineralView(NodeView mineral, List<NodeView> products, List<Production> production) {}

    @Schema(description = "Minerals, their products and national production figures")
    record MineralsResponse(List<MineralView> minerals) {}

    record CountryView(NodeView country, List<String> governments, long companies) {}

    @Schema(description = "Countries")
    record CountriesResponse(List<CountryView> countries) {}

    record CompanyView(NodeView company, List<NodeView> headquarters) {}

    @Schema(description = "Every fact whose sources' accounts give different figures")
    record ConflictsResponse(
            @Schema(description = "conflicts, by the fact's start and end ids")
            List<Conflict> conflicts,

            @Schema(description = "how many facts two or more sources give accounts of", example = "12")
            int factsWithSeveralAccounts) {}

    @Schema(description = "Companies, optionally of one country")
    record CompaniesResponse(@Nullable String country, List<CompanyView> companies) {}
}
