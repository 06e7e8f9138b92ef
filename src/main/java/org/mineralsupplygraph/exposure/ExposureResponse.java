package org.mineralsupplygraph.exposure;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Which firms of a country depend on a mineral from another country.
 *
 * @param buyerCountry the buyers' country
 * @param mineral the mineral
 * @param sourceCountry the country depended on
 * @param basis any, domicile or origin
 * @param maxDepth hops searched from each buyer
 * @param asOf the day whose relationships counted, or null when every relationship counted
 * @param dependencies one entry per company, basis, deal and supplier or site, shortest path first
 * @param summary the answer in sentences, domicile and origin side by side
 */
@Schema(description = "Dependencies of one country's firms on a mineral from another country")
public record ExposureResponse(
        @Schema(example = "KR") String buyerCountry,
        @Schema(example = "lithium") String mineral,
        @Schema(example = "AU") String sourceCountry,
        @Schema(example = "any") String basis,
        @Schema(example = "4") int maxDepth,
        @Schema(description = "only relationships in force on this day counted; null: all", example = "2025-06-30")
                String asOf,
        List<Dependency> dependencies,
        List<String> summary) {}
