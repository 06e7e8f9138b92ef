package org.mineralsupplygraph.graph;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * A node in a response: its business id, labels (without the {@code Entity} that every node carries), name and its
 * other properties, provenance ({@code source}, {@code evidence}) and dates included.
 */
@Schema(description = "A node: id, labels, name and its other properties (provenance included)")
public record NodeView(
        @Schema(example = "sk-on") String id,
        @Schema(example = "[\"Company\"]") List<String> labels,
        @Schema(example = "SK On") String name,

        @Schema(
                example =
                        "{\"kind\": \"company\", \"source\": \"seed-article\", \"evidence\": \"South Korean electric vehicle battery manufacturer SK On\"}")
        Map<String, Object> properties) {}
