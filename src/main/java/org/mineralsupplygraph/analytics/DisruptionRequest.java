package org.mineralsupplygraph.analytics;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.mineralsupplygraph.system.RequestParameters;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The body of {@code POST /api/scenarios/disruption}: its schema in the OpenAPI document, and the rules of its values
 * as Jakarta constraints, each message read after the field's name ("Field 'mineral' must be ..."). {@link ScenarioBody}
 * reads a body into it and reports every bad field at once.
 */
@Schema(
        name = "DisruptionRequest",
        description = "A disruption scenario: what to take out, for which buyers and" + " mineral",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
        requiredProperties = {"remove", "mineral", "buyerCountry"})
record DisruptionRequest(
        @Schema(description = "what the scenario takes out; at least one id in all") @NotNull(message = REQUIRED) @Valid
        Removal remove,

        @Schema(
                description = "a mineral id (GET /api/minerals)",
                example = "lithium",
                pattern = "^" + RequestParameters.ID_PATTERN + "$")
        @NotNull(message = REQUIRED)
        @Pattern(regexp = AN_ID, message = RequestParameters.ID_RULE)
        String mineral,

        @Schema(
                description = "the buyers: every firm headquartered in this country",
                example = "KR",
                pattern = "^" + RequestParameters.COUNTRY_PATTERN + "$")
        @NotNull(message = REQUIRED)
        @Pattern(regexp = A_COUNTRY, message = RequestParameters.COUNTRY_RULE)
        String buyerCountry,

        @Schema(
                description = "how a country is taken out: 'origin' (default) its mines and facilities, 'domicile'"
                        + " the suppliers headquartered there",
                allowableValues = {"origin", "domicile"},
                defaultValue = "origin",
                nullable = true)
        @Pattern(regexp = "^(origin|domicile)$", message = "must be origin or domicile")
        String basis,

        @Schema(
                description = "only relationships in force on this day count; absent or null: all",
                format = "date",
                example = "2027-01-01",
                nullable = true)
        @Pattern(regexp = "^" + RequestParameters.DAY_PATTERN + "$", message = RequestParameters.DAY_RULE)
        String asOf) {

    static final String REQUIRED = "is required";
    // Anchored, as the OpenAPI document states them (springdoc copies a Jakarta pattern into the schema as written).
    static final String AN_ID = "^" + RequestParameters.ID_PATTERN + "$";
    static final String A_COUNTRY = "^" + RequestParameters.COUNTRY_PATTERN + "$";
    static final String AT_MOST = "names more than 1,000 items";

    @Schema(
            name = "DisruptionRemoval",
            additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
            description = "at least one of the lists names at least one id; a list absent or null names none")
    record Removal(
            @ArraySchema(
                    arraySchema = @Schema(nullable = true),
                    schema =
                            @Schema(
                                    description = "an ISO 3166-1" + " alpha-2 code",
                                    example = "AR",
                                    pattern = "^" + RequestParameters.COUNTRY_PATTERN + "$"))
            @Size(max = 1000, message = AT_MOST)
            List<@Pattern(regexp = A_COUNTRY, message = RequestParameters.COUNTRY_RULE) String> countries,

            @ArraySchema(
                    arraySchema = @Schema(nullable = true),
                    schema =
                            @Schema(
                                    description = "a company id",
                                    example = "lake-resources",
                                    pattern = "^" + RequestParameters.ID_PATTERN + "$"))
            @Size(max = 1000, message = AT_MOST)
            List<@Pattern(regexp = AN_ID, message = RequestParameters.ID_RULE) String> companies,

            @ArraySchema(
                    arraySchema = @Schema(nullable = true),
                    schema =
                            @Schema(
                                    description = "a mine or facility" + " id",
                                    example = "kachi",
                                    pattern = "^" + RequestParameters.ID_PATTERN + "$"))
            @Size(max = 1000, message = AT_MOST)
            List<@Pattern(regexp = AN_ID, message = RequestParameters.ID_RULE) String> facilities) {}

    /**
     * The rule ScenarioBody checks and annotations cannot state: a scenario takes out something, so at least one of
     * the lists is there and not empty (anyOf).
     */
    @Configuration(proxyBeanMethods = false)
    static class Documentation {

        @Bean
        OpenApiCustomizer disruptionRemovalNamesSomething() {
            return openApi -> {
                io.swagger.v3.oas.models.media.Schema<?> removal =
                        openApi.getComponents().getSchemas().get("DisruptionRemoval");
                if (removal == null) {
                    return;
                }
                for (String list : List.of("countries", "companies", "facilities")) {
                    removal.addAnyOfItem(new io.swagger.v3.oas.models.media.Schema<>()
                            .addRequiredItem(list)
                            .addProperty(
                                    list,
                                    new io.swagger.v3.oas.models.media.ArraySchema()
                                            .minItems(1)
                                            .items(new StringSchema())));
                }
            };
        }
    }
}
