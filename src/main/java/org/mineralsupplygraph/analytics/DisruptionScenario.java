package org.mineralsupplygraph.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A disruption: what is taken out of the network, and whose supply of which mineral is looked at.
 *
 * @param countries country codes: on the origin basis every site in them, on the domicile basis every supplier
 *     headquartered there
 * @param companies company ids: every contract whose evidence runs through them
 * @param facilities mine or facility ids
 * @param mineral the mineral
 * @param buyerCountry the buyers' country
 * @param basis origin or domicile
 * @param asOf only contracts in force on this day; null for all
 */
@Schema(description = "The scenario as understood: removals, mineral, buyers' country, basis and day")
public record DisruptionScenario(
        List<String> countries,
        List<String> companies,
        List<String> facilities,
        String mineral,
        String buyerCountry,
        String basis,
        @Nullable LocalDate asOf) {}
