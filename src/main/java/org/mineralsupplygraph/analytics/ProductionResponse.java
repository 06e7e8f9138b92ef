package org.mineralsupplygraph.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mineralsupplygraph.graph.NodeView;

/** World mine production of one mineral by country: the deposit map's shading (GET /api/production). */
@Schema(description = "World mine production of a mineral by country, with each country's share of the world total")
public record ProductionResponse(
        NodeView mineral,
        @Schema(example = "2024") long year,
        @Schema(example = "t Li content") String unit,

        @Schema(description = "the published world total", example = "240000")
        double worldTotalTonnes,

        @Schema(example = "U.S. Geological Survey, Mineral Commodity Summaries 2025") @Nullable
        String source,

        @Schema(example = "2024e") @Nullable String vintage,
        @Schema(description = "countries, largest first") List<ConcentrationResponse.Share> countries) {}
