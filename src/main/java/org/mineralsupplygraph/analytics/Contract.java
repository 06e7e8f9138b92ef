package org.mineralsupplygraph.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.PathView;
import org.mineralsupplygraph.graph.RelationshipView;

/**
 * One supply of a buyer: a contract (an OFFTAKE) or a holding (a mine or facility the buyer owns, operates or
 * holds a stake in, directly or down a chain of stakes and subsidiaries), with every source's account of it grouped
 * (docs/analytics.md, "Contracts and holdings"), its yearly volume where the data gives one, and where it comes from.
 */
@Schema(
        description = "A buyer's supply: a contract (an OFFTAKE) or a holding of a site, its accounts grouped, with"
                + " its volume and places")
public record Contract(
        @Schema(
                description = "'contract': an OFFTAKE; 'holding': a mine or facility the buyer owns, operates or holds"
                        + " a stake in (directly or down a chain of stakes and subsidiaries), its share of the site's output"
                        + " counted as supply",
                allowableValues = {"contract", "holding"})
        String kind,

        @Schema(description = "the buying company") NodeView buyer,

        @Schema(description = "the counterparty of the preferred account")
        NodeView supplier,

        @Schema(description = "where the supplier is headquartered, when the graph says") @Nullable
        NodeView supplierCountry,

        @Schema(description = "the mines and facilities the supply comes from, as far as the graph knows")
        List<Site> sites,

        @Schema(description = "the product contracted", example = "battery-grade-lithium") @Nullable
        String product,

        @Schema(description = "the minerals the contract is about", example = "[\"lithium\"]")
        List<String> minerals,

        @Schema(
                description = "tonnes of product a year (as contracted, not metal content; for a holding, the site's"
                        + " stated production, else capacity, times the buyer's stake); null when unknown",
                example = "25000")
        @Nullable
        Double tonnesPerYear,

        @Schema(description = "how the yearly volume was read, or why it is unknown", example = "tonnesPerYear 25,000")
        String volume,

        @Schema(description = "the first day the contract is in force, when known", example = "2024-10-01") @Nullable
        String from,

        @Schema(description = "the last day the contract is in force, when known", example = "2029-09-30") @Nullable
        String until,

        @Schema(
                description = "a holding: the buyer's share of the site, percent (the product of the stakes down the"
                        + " chain); null for a contract or when a stake on the chain is not stated")
        @Nullable
        Double stakePct,

        @Schema(
                description = "the preferred account: the seed article's, else the first (for a holding, the"
                        + " buyer's first relationship on the chain)")
        RelationshipView deal,

        @Schema(description = "other sources' accounts of the same contract")
        List<RelationshipView> otherAccounts,

        @Schema(description = "the path of evidence from the buyer to the supply, for the preferred account")
        PathView path) {

    /** A mine or facility and the country it is in. */
    public record Site(NodeView site, NodeView country) {}

    /** This contract about the other's minerals too, and with its sites beside (the same deal, another mineral). */
    Contract withMineralsAndSites(Contract other) {
        Set<String> all = new TreeSet<>(minerals);
        all.addAll(other.minerals);
        Map<String, Site> places = new LinkedHashMap<>();
        sites.forEach(s -> places.putIfAbsent(s.site().id(), s));
        other.sites.forEach(s -> places.putIfAbsent(s.site().id(), s));
        return new Contract(
                kind,
                buyer,
                supplier,
                supplierCountry != null ? supplierCountry : other.supplierCountry,
                List.copyOf(places.values()),
                product,
                List.copyOf(all),
                tonnesPerYear,
                volume,
                from,
                until,
                stakePct,
                deal,
                otherAccounts,
                path);
    }

    /** The ids of the countries of the contract's sites. */
    public List<String> originCountries() {
        return sites.stream().map(s -> s.country().id()).distinct().sorted().toList();
    }

    /** Whether the contract's evidence runs through this node (company, mine or facility), the buyer aside. */
    public boolean runsThrough(String id) {
        return supplier.id().equals(id)
                || sites.stream().anyMatch(s -> s.site().id().equals(id))
                || path.nodes().stream().skip(1).anyMatch(n -> n.id().equals(id))
                || otherAccounts.stream().anyMatch(r -> r.to().equals(id));
    }
}
