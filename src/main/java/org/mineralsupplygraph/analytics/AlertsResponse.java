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
 * @param alerts the warnings, most severe first
 * @param checked the kinds of warning looked for, each with its rule
 */
@Schema(description = "Early warnings, most severe first, and the rules that were checked")
public record AlertsResponse(@Nullable String country, String asOf, int horizonMonths, List<Alert> alerts,
        List<String> checked) {}
