package org.mineralsupplygraph.analytics;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of {@code POST /api/scenarios/disruption}, as the OpenAPI document describes it. The controller reads the
 * body itself (AnalyticsController.scenario), naming the field at fault in each problem; this record is its schema.
 */
@Schema(name = "DisruptionRequest", description = "A disruption scenario: what to take out, for which buyers and"
        + " mineral", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
        requiredProperties = {"remove", "mineral", "buyerCountry"})
record DisruptionRequest(
        @Schema(description = "what the scenario takes out; at least one id in all") Removal remove,
        @Schema(description = "a mineral id (GET /api/minerals)", example = "lithium") String mineral,
        @Schema(description = "the buyers: every firm headquartered in this country", example = "KR",
                pattern = "^[A-Za-z]{2}$") String buyerCountry,
        @Schema(description = "how a country is taken out: 'origin' (default) its mines and facilities, 'domicile'"
                + " the suppliers headquartered there", allowableValues = {"origin", "domicile"},
                defaultValue = "origin") String basis,
        @Schema(description = "only relationships in force on this day count", format = "date",
                example = "2027-01-01") String asOf) {

    @Schema(name = "DisruptionRemoval", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record Removal(
            @ArraySchema(schema = @Schema(description = "an ISO 3166-1 alpha-2 code", example = "AR",
                    pattern = "^[A-Za-z]{2}$")) List<String> countries,
            @ArraySchema(schema = @Schema(description = "a company id", example = "lake-resources"))
                    List<String> companies,
            @ArraySchema(schema = @Schema(description = "a mine or facility id", example = "kachi"))
                    List<String> facilities) {}
}
