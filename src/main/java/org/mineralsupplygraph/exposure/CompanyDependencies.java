package org.mineralsupplygraph.exposure;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mineralsupplygraph.graph.NodeView;

/**
 * One company's supply base, per mineral: by the countries its suppliers are headquartered in, and by the countries its
 * ore comes from.
 *
 * @param company the company
 * @param mineral the mineral asked for, or null for all
 * @param maxDepth hops searched
 * @param minerals one entry per mineral the company depends on
 */
@Schema(description = "A company's supply base per mineral, by domicile and by origin")
public record CompanyDependencies(
        NodeView company,
        @Nullable String mineral,
        int maxDepth,
        @Nullable String asOf,
        List<MineralSupply> minerals) {

    /**
     * @param mineral the mineral
     * @param byDomicile the company's suppliers grouped by the country they are headquartered in
     * @param byOrigin the mines and facilities its supply comes from, grouped by the country they are in
     */
    public record MineralSupply(NodeView mineral, List<CountrySupply> byDomicile, List<CountrySupply> byOrigin) {}

    /**
     * @param country the country
     * @param suppliers names of the suppliers (domicile) or sites (origin) in it
     * @param dependencies the deals and stakes behind it, each with its figures (null where unknown) and its path
     *     of evidence
     */
    public record CountrySupply(NodeView country, List<String> suppliers, List<Dependency> dependencies) {}
}
