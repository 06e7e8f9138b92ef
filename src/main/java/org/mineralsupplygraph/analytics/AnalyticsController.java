package org.mineralsupplygraph.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import org.mineralsupplygraph.graph.Basis;
import org.mineralsupplygraph.system.InvalidParameterException;
import org.mineralsupplygraph.system.RequestParameters;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(
        name = "Risk analytics",
        description = "Concentration, effective ownership, disruption scenarios and early"
                + " warnings, each figure with the facts behind it (docs/analytics.md)")
class AnalyticsController {

    private final ConcentrationService concentration;
    private final OwnershipService ownership;
    private final DisruptionService disruption;
    private final AlertsService alerts;
    private final ScenarioBody scenarioBody;

    AnalyticsController(
            ConcentrationService concentration,
            OwnershipService ownership,
            DisruptionService disruption,
            AlertsService alerts,
            ScenarioBody scenarioBody) {
        this.concentration = concentration;
        this.ownership = ownership;
        this.disruption = disruption;
        this.alerts = alerts;
        this.scenarioBody = scenarioBody;
    }

    @GetMapping("/concentration")
    @Operation(
            operationId = "getConcentration",
            summary = "How concentrated a mineral's supply is",
            description = "Without buyerCountry: world mine production by country (HHI, CR1, CR3, band, source and"
                    + " vintage). With buyerCountry: that country's firms' contracted supply (OFFTAKE volumes a year)"
                    + " by the country it comes from; contracts whose volume or place is unknown are listed apart.")
    ConcentrationResponse concentration(
            @Parameter(description = "mineral id", example = "cobalt") @RequestParam String mineral,
            @Parameter(description = "ISO 3166-1 alpha-2 code of the buyers' country", example = "KR")
                    @RequestParam(required = false)
                    String buyerCountry,
            @Parameter(
                            description =
                                    "with buyerCountry: origin (where the sites are, the default) or domicile (where"
                                            + " the suppliers are headquartered)",
                            example = "origin",
                            schema = @Schema(allowableValues = {"origin", "domicile"}))
                    @RequestParam(required = false)
                    String basis,
            @Parameter(
                            description = "only relationships in force on this day (YYYY-MM-DD); for world figures, the"
                                    + " latest year not after it",
                            example = "2025-06-30")
                    @RequestParam(required = false)
                    String asOf,
            @Parameter(
                            description =
                                    "the HHI bands: 2023 (U.S. Merger Guidelines: above 1,800 high, 1,000 to 1,800"
                                            + " moderate; the default) or 2010 (Horizontal Merger Guidelines: above 2,500 high, 1,500 to 2,500"
                                            + " moderate)",
                            example = "2023",
                            schema =
                                    @Schema(
                                            allowableValues = {"2023", "2010"},
                                            defaultValue = "2023"))
                    @RequestParam(defaultValue = "2023")
                    String bands,
            @Parameter(
                            description =
                                    "with buyerCountry: how many of the contracts counted, and of those not counted,"
                                            + " to list (1..1000); the shares are always over all of them",
                            example = "100")
                    @RequestParam(defaultValue = "100")
                    @Min(1)
                    @Max(1000)
                    int limit,
            @Parameter(
                            description =
                                    "with buyerCountry: the 'next' value of the previous answer, for the next page of"
                                            + " both lists; absent: the first page",
                            example = "cDE6MTAwOjc4M2E5OThi")
                    @RequestParam(required = false)
                    String cursor) {
        String mineralId = RequestParameters.id("mineral", mineral).toLowerCase(Locale.ROOT);
        LocalDate day = RequestParameters.date("asOf", asOf);
        Concentration.Guidelines guidelines = Concentration.Guidelines.parse(bands);
        if (guidelines == null) {
            throw new InvalidParameterException(
                    "bands", bands, "Parameter 'bands' must be 2023 or 2010, not '" + bands + "'.");
        }
        if (buyerCountry == null) {
            if (basis != null) {
                throw new InvalidParameterException(
                        "basis",
                        basis,
                        "Parameter 'basis' applies only with" + " 'buyerCountry' (world production has no basis).");
            }
            if (cursor != null) {
                throw new InvalidParameterException(
                        "cursor",
                        cursor,
                        "Parameter 'cursor' applies only with" + " 'buyerCountry' (world production is one page).");
            }
            return concentration.world(mineralId, day, guidelines);
        }
        return concentration.buyers(
                mineralId,
                RequestParameters.country("buyerCountry", buyerCountry),
                Basis.parse("basis", basis == null ? "origin" : basis, Basis.ONE)
                        .value(),
                day,
                guidelines,
                limit,
                cursor);
    }

    @GetMapping("/ownership/{id}")
    @Operation(
            operationId = "getOwnership",
            summary = "Effective stakes through chains of ownership",
            description = "Integrated ownership W(I-W)^-1 over INVESTS_IN, OWNS and SUBSIDIARY_OF stakes: the product"
                    + " of the percentages along each chain, summed, cycles included; each stake with its simple"
                    + " paths. Control (a chain of majority stakes, or SUBSIDIARY_OF) is reported apart.")
    OwnershipResponse ownership(
            @Parameter(description = "node id", example = "sk-on") @PathVariable String id,
            @Parameter(
                            description = "holdings (what it holds, the default) or owners (who holds it)",
                            example = "holdings",
                            schema =
                                    @Schema(
                                            allowableValues = {"holdings", "owners"},
                                            defaultValue = "holdings"))
                    @RequestParam(defaultValue = "holdings")
                    String direction,
            @Parameter(
                            description = "how many stakes (largest first) and control relations to list, 1..1000",
                            example = "100")
                    @RequestParam(defaultValue = "100")
                    @Min(1)
                    @Max(1000)
                    int limit) {
        String checked = RequestParameters.id("id", id);
        if (!direction.equals("holdings") && !direction.equals("owners")) {
            throw new InvalidParameterException(
                    "direction",
                    direction,
                    "Parameter 'direction' must be holdings or" + " owners, not '" + direction + "'.");
        }
        return ownership.ownership(checked, direction.equals("holdings"), limit);
    }

    @PostMapping(path = "/scenarios/disruption", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "runDisruptionScenario",
            summary = "What buyers lose if countries, companies or sites drop out",
            description = "Read-only: the graph is never changed. Per affected buyer: the contracts lost, the tonnes"
                    + " a year lost, their share of the buyer's known supply, and what remains.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = DisruptionRequest.class),
                                            examples = @ExampleObject(value = """
                            {"remove": {"countries": ["AR"], "companies": [], "facilities": []},
                             "mineral": "lithium", "buyerCountry": "KR", "basis": "origin"}"""))))
    DisruptionResponse disruption(
            HttpServletRequest request,
            @Parameter(
                            description = "how many affected and unaffected buyers to list (1..1000); the summary's"
                                    + " figures are always over all of them",
                            example = "100")
                    @RequestParam(defaultValue = "100")
                    @Min(1)
                    @Max(1000)
                    int limit,
            @Parameter(
                            description =
                                    "the 'next' value of the previous answer to the same scenario, for the next page;"
                                            + " absent: the first page",
                            example = "cDE6MTAwOjFhMmIzYzRk")
                    @RequestParam(required = false)
                    String cursor)
            throws IOException {
        // Read up to one byte past the limit, never more: the endpoint is open, its body must not fill the heap.
        byte[] body = request.getContentLengthLong() > MAX_SCENARIO_BYTES
                ? new byte[MAX_SCENARIO_BYTES + 1]
                : request.getInputStream().readNBytes(MAX_SCENARIO_BYTES + 1);
        if (body.length > MAX_SCENARIO_BYTES) {
            throw new InvalidParameterException(
                    "body",
                    null,
                    "The body is larger than " + MAX_SCENARIO_BYTES + " bytes, the most a scenario may have.");
        }
        return disruption.disrupt(scenarioBody.read(body), limit, cursor);
    }

    /** The largest scenario body read: a scenario names at most 3,000 ids. */
    static final int MAX_SCENARIO_BYTES = 1_000_000;

    @GetMapping("/alerts")
    @Operation(
            operationId = "listAlerts",
            summary = "Early warnings",
            description = "Buyers relying on one supplier or one origin country for a mineral, sourcing HHI above"
                    + " 2,500, contracts ending within 12 months of asOf, agreements due for review, stockpile"
                    + " targets next to what the graph knows. Each with a severity and the facts behind it.")
    AlertsResponse alerts(
            @Parameter(
                            description = "ISO 3166-1 alpha-2 code: only this country's firms, agreements and policies",
                            example = "KR")
                    @RequestParam(required = false)
                    String country,
            @Parameter(description = "the day (YYYY-MM-DD); default today", example = "2025-06-30")
                    @RequestParam(required = false)
                    String asOf,
            @Parameter(
                            description =
                                    "how many warnings to list (1..1000), most severe first; each lists at most 20"
                                            + " contracts",
                            example = "100")
                    @RequestParam(defaultValue = "100")
                    @Min(1)
                    @Max(1000)
                    int limit,
            @Parameter(
                            description =
                                    "the 'next' value of the previous answer, for the next page; absent: the first"
                                            + " page",
                            example = "cDE6MTAwOjFhMmIzYzRk")
                    @RequestParam(required = false)
                    String cursor) {
        LocalDate day = RequestParameters.date("asOf", asOf);
        return alerts.alerts(
                country == null ? null : RequestParameters.country("country", country),
                day == null ? LocalDate.now() : day,
                limit,
                cursor);
    }
}
