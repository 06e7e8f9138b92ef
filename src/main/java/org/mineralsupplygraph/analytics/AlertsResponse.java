package org.mineralsupplygraph.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The early warnings for one country's firms and government (or for every country), on a day.
 *
 * @param country the country, or null for all
 * @param asOf the day the warnings are for
 * @param horizonMonths how far ahead endings and reviews are looked for
 * @param alerts the warnings, most severe first: a page of them
 * @param checked the kinds of warning looked for, each with its rule
 * @param total how many warnings there are in all
 * @param limit the page size
 * @param next the cursor of the next page, or null on the last
 */
@Schema(description = "Early warnings, most severe first, and the rules that were checked")
public record AlertsResponse(
        @Nullable String country,
        String asOf,
        int horizonMonths,

        @Schema(description = "the warnings, most severe first: a page of them (limit, cursor)")
        List<Alert> alerts,

        List<String> checked,

        @Schema(description = "warnings in all", example = "12")
        int total,

        @Schema(description = "the page size", example = "100")
        int limit,

        @Schema(description = "pass as cursor for the next page; null on the last page") @Nullable
        String next) {}
