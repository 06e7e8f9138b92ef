package org.mineralsupplygraph.graph;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** A relationship in a response: its type, the ids of its start and end nodes, and its properties with provenance. */
@Schema(
        description =
                "A relationship: type, from and to node ids, and its properties (source, evidence, dates, figures)")
public record RelationshipView(
        @Schema(example = "OFFTAKE") String type,
        @Schema(example = "sk-on") String from,
        @Schema(example = "lake-resources") String to,

        @Schema(example = "{\"tonnesPerYear\": 25000, \"source\": \"seed-article\", \"evidence\": \"...\"}")
        Map<String, Object> properties) {}
