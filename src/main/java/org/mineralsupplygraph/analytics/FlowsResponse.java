package org.mineralsupplygraph.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mineralsupplygraph.graph.NodeView;

/** The country-to-country flows of one mineral (GET /api/flows). */
@Schema(description = "Country-to-country flows of one mineral, largest known volume first")
public record FlowsResponse(
        NodeView mineral,
        @Schema(allowableValues = {"origin", "domicile"}) String basis,
        @Schema(example = "2025-06-30") @Nullable String asOf,
        List<Flow> flows,
        @Schema(description = "how to read the figures") List<String> notes) {}
