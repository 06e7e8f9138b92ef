package org.mineralsupplygraph.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;

/**
 * An early warning: what kind, how severe, in a sentence, and the facts behind it.
 *
 * @param kind single-supplier, single-origin-country, sourcing-concentration, contract-ending, agreement-review or
 *     stockpile-target
 * @param severity high, medium or low
 * @param message the warning in a sentence
 * @param subject the buyer, country, agreement or policy it is about
 * @param mineral the mineral, where the warning is about one
 * @param date the day it points at (a contract's last day, the next review), where there is one
 * @param facts the figures behind it, in sentences
 * @param evidence the relationships behind it, with their provenance
 * @param contracts the contracts behind it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An early warning with its severity and the facts behind it")
public record Alert(
        @Schema(example = "single-origin-country") String kind,
        @Schema(example = "high") String severity,
        String message,
        NodeView subject,
        @Schema(example = "lithium") @Nullable String mineral,
        @Schema(example = "2025-12-31") @Nullable String date,
        List<String> facts,
        @Nullable List<RelationshipView> evidence,
        @Nullable List<Contract> contracts) {}
