package org.mineralsupplygraph.exposure;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which firms of a country depend on a mineral from another country.
 *
 * @param buyerCountry the buyers' country
 * @param mineral the mineral
 * @param sourceCountry the country depended on
 * @param basis any, domicile or origin
 * @param maxDepth hops searched from each buyer
 * @param asOf the day whose relationships counted, or null when every relationship counted
 * @param dependencies one page of the entries: one per company, basis, deal and supplier or site, in a total order
 * @param summary the answer in sentences, domicile and origin side by side
 * @param total how many dependencies there are in all (on the requested basis)
 * @param limit the page size asked for
 * @param next the cursor of the next page, or null on the last
 * @param companies per buyer, what all its dependencies (not only this page's) add up to
 * @param supplyReach how the answer was found: from the precomputed supply reach, or by walking the graph
 */
@Schema(description = "Dependencies of one country's firms on a mineral from another country")
public record ExposureResponse(
        @Schema(example = "KR") String buyerCountry,
        @Schema(example = "lithium") String mineral,
        @Schema(example = "AU") String sourceCountry,
        @Schema(example = "any") String basis,
        @Schema(example = "4") int maxDepth,

        @Schema(description = "only relationships in force on this day counted; null: all", example = "2025-06-30")
        @Nullable
        String asOf,

        @Schema(
                description = "this page of the dependencies, in the order company, basis, supplier, site, path"
                        + " length, deal id")
        List<Dependency> dependencies,

        List<String> summary,

        @Schema(description = "dependencies in all, on the requested basis", example = "3")
        int total,

        @Schema(description = "the page size", example = "500")
        int limit,

        @Schema(description = "pass as cursor for the next page; null on the last page") @Nullable
        String next,

        @Schema(description = "per buyer, over all its dependencies")
        List<CompanyExposure> companies,

        @Schema(description = "how the answer was found") Reach supplyReach) {

    /**
     * What one buyer's dependencies add up to.
     *
     * @param company the buyer
     * @param dependencies how many dependencies it has
     * @param bases the bases that matched (domicile, origin)
     * @param suppliers its counterparties
     * @param sites the mines and facilities its supply comes from (origin basis)
     * @param countries the countries that matched
     * @param tonnesPerYear the sum of its distinct supply contracts' (OFFTAKE) stated tonnes a year; null when none
     *     states one
     * @param contractsWithoutVolume distinct supply contracts that state no tonnes a year
     */
    @Schema(description = "One buyer's dependencies, added up")
    public record CompanyExposure(
            Named company,
            @Schema(example = "2") int dependencies,
            @Schema(example = "[\"domicile\"]") List<String> bases,
            List<Named> suppliers,
            List<Named> sites,
            List<Named> countries,

            @Schema(
                    description =
                            "sum over its distinct supply contracts (OFFTAKE) that state one; null when none" + " does",
                    example = "25000")
            @Nullable
            Double tonnesPerYear,

            @Schema(description = "distinct supply contracts (OFFTAKE) stating no tonnes a year", example = "0")
            int contractsWithoutVolume) {}

    /** A node by its id and name. */
    public record Named(
            @Schema(example = "sk-on") String id,
            @Schema(example = "SK On") String name) {}

    /**
     * How the answer was found.
     *
     * @param status current (from the supply reach), unverified (from the supply reach; the database does not tell
     *     whether others wrote since it was built), updating or rebuilding (by walking the graph meanwhile)
     * @param note what that means, or null when current
     */
    public record Reach(
            @Schema(example = "current") String status,

            @Schema(description = "what the status means for the answer; null when current") @Nullable
            String note) {}
}
