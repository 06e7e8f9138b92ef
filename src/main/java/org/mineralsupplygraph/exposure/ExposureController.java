package org.mineralsupplygraph.exposure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import org.mineralsupplygraph.graph.Basis;
import org.mineralsupplygraph.system.InvalidParameterException;
import org.mineralsupplygraph.system.RequestParameters;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api")
@Tag(name = "Exposure", description = "Who depends on whom and on which places, with the evidence for each step")
class ExposureController {

    private static final String FORMAT = "json (default) or csv, for clients that cannot send Accept: text/csv";
    private static final MediaType CSV = MediaType.parseMediaType(DependencyCsv.MEDIA_TYPE + ";charset=UTF-8");

    private final ExposureService exposure;
    private final CompanyDependenciesService dependencies;
    private final PathsService paths;

    ExposureController(ExposureService exposure, CompanyDependenciesService dependencies, PathsService paths) {
        this.exposure = exposure;
        this.dependencies = dependencies;
        this.paths = paths;
    }

    @GetMapping(
            path = "/exposure",
            produces = {MediaType.APPLICATION_JSON_VALUE, DependencyCsv.MEDIA_TYPE})
    @Operation(
            operationId = "getExposure",
            summary = "Which firms of one country depend on a mineral from another",
            description = "By domicile (the supplier is headquartered in sourceCountry), by origin (the ore comes from"
                    + " a mine or facility located in sourceCountry), or both. Dependencies run through OFFTAKE and"
                    + " INVESTS_IN deals, directly or through subsidiaries, consortia and facilities. The answer sums"
                    + " every buyer's dependencies up in 'companies' and lists them a page at a time ('limit',"
                    + " 'cursor' from the previous answer's 'next', 'total'), in a stable order. As CSV (Accept: text/csv"
                    + " or format=csv): one row per dependency of the page, with a Link header to the next page.")
    @ApiResponse(
            responseCode = "200",
            description = "the dependencies",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = ExposureResponse.class)),
                @Content(mediaType = DependencyCsv.MEDIA_TYPE, schema = @Schema(type = "string"))
            })
    ResponseEntity<ExposureResponse> exposure(
            @Parameter(description = "ISO 3166-1 alpha-2 code of the buyers' country", example = "KR") @RequestParam
                    String buyerCountry,
            @Parameter(description = "mineral id; products count for their mineral", example = "lithium") @RequestParam
                    String mineral,
            @Parameter(description = "ISO 3166-1 alpha-2 code of the country depended on", example = "AU") @RequestParam
                    String sourceCountry,
            @Parameter(
                            description = "any (both, each labelled), domicile or origin",
                            example = "any",
                            schema =
                                    @Schema(
                                            allowableValues = {"any", "domicile", "origin"},
                                            defaultValue = "any"))
                    @RequestParam(defaultValue = "any")
                    String basis,
            @Parameter(description = "hops from a buyer to a supplier or site, 1..8", example = "4")
                    @RequestParam(defaultValue = "4")
                    @Min(1)
                    @Max(8)
                    int maxDepth,
            @Parameter(
                            description = "only relationships in force on this day (YYYY-MM-DD) count; absent: all",
                            example = "2025-06-30")
                    @RequestParam(required = false)
                    String asOf,
            @Parameter(description = "dependencies per page, 1..1000", example = "500")
                    @RequestParam(defaultValue = "500")
                    @Min(1)
                    @Max(1000)
                    int limit,
            @Parameter(
                            description =
                                    "the previous answer's 'next', for the following page; absent: the first page",
                            example = "cDE6MjpiMmQ3YTNmMQ")
                    @RequestParam(required = false)
                    String cursor,
            @Parameter(description = FORMAT, example = "csv", schema = @Schema(allowableValues = {"json", "csv"}))
                    @RequestParam(required = false)
                    String format) {
        boolean csv = csv(format);
        ExposureResponse answer = exposure.exposure(
                RequestParameters.country("buyerCountry", buyerCountry),
                RequestParameters.id("mineral", mineral).toLowerCase(Locale.ROOT),
                RequestParameters.country("sourceCountry", sourceCountry),
                Basis.parse("basis", basis),
                maxDepth,
                RequestParameters.date("asOf", asOf),
                limit,
                cursor);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (answer.next() != null) {
            response.header(
                    HttpHeaders.LINK,
                    "<"
                            + ServletUriComponentsBuilder.fromCurrentRequest()
                                    .replaceQueryParam("cursor", answer.next())
                                    .build()
                                    .toUriString()
                            + ">; rel=\"next\"");
        }
        return csv ? response.contentType(CSV).body(answer) : response.body(answer);
    }

    /** format=csv asks for CSV as Accept: text/csv does; format=json or none leaves it to the Accept header. */
    private static boolean csv(String format) {
        if (format == null || format.equals("json")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw new InvalidParameterException(
                "format", format, "Parameter 'format' must be json or csv, not '" + format + "'.");
    }

    @GetMapping(
            path = "/companies/{id}/dependencies",
            produces = {MediaType.APPLICATION_JSON_VALUE, DependencyCsv.MEDIA_TYPE})
    @Operation(
            operationId = "getCompanyDependencies",
            summary = "One company's supply base",
            description = "Per mineral, per country of the suppliers' headquarters and per country of the ore's"
                    + " origin: the contracts and stakes behind it, with volumes where known. As CSV (Accept: text/csv"
                    + " or format=csv): one row per mineral and dependency.")
    @ApiResponse(
            responseCode = "200",
            description = "the company's supply base",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = CompanyDependencies.class)),
                @Content(mediaType = DependencyCsv.MEDIA_TYPE, schema = @Schema(type = "string"))
            })
    ResponseEntity<CompanyDependencies> companyDependencies(
            @Parameter(description = "company id", example = "lg-energy-solution") @PathVariable String id,
            @Parameter(description = "only this mineral", example = "lithium") @RequestParam(required = false)
                    String mineral,
            @Parameter(description = "hops from the company to a supplier or site, 1..8", example = "4")
                    @RequestParam(defaultValue = "4")
                    @Min(1)
                    @Max(8)
                    int maxDepth,
            @Parameter(
                            description = "only relationships in force on this day (YYYY-MM-DD) count; absent: all",
                            example = "2025-06-30")
                    @RequestParam(required = false)
                    String asOf,
            @Parameter(description = FORMAT, example = "csv", schema = @Schema(allowableValues = {"json", "csv"}))
                    @RequestParam(required = false)
                    String format) {
        boolean csv = csv(format);
        CompanyDependencies answer = dependencies.dependencies(
                RequestParameters.id("id", id),
                mineral == null
                        ? null
                        : RequestParameters.id("mineral", mineral).toLowerCase(Locale.ROOT),
                maxDepth,
                RequestParameters.date("asOf", asOf));
        return csv ? ResponseEntity.ok().contentType(CSV).body(answer) : ResponseEntity.ok(answer);
    }

    @GetMapping("/paths")
    @Operation(
            operationId = "findPaths",
            summary = "How are two nodes connected?",
            description = "Simple paths (no node twice) between two nodes, following relationships in either"
                    + " direction: the shortest first, then by the number of supply relationships (OFFTAKE, FEEDS;"
                    + " most first), then by ids; each with its length and a sentence that reads it. By default"
                    + " (through=influence) a path follows only relationships that carry influence or supply:"
                    + " INVESTS_IN, OFFTAKE, SUBSIDIARY_OF, OWNS, OPERATES, FEEDS, PARTY_TO, ENACTED, PART_OF (an"
                    + " agency in its government) and GOVERNS, and never passes through a Country, Mineral, Product,"
                    + " Region or Source node; such a node may be an end, reached by any relationship (from=KR starts"
                    + " at the country's government, companies and sites). through=all follows every relationship,"
                    + " shared countries and minerals included. types names the relationship types to follow instead.")
    PathsResponse paths(
            @Parameter(description = "id of the first node", example = "sk-on") @RequestParam String from,
            @Parameter(description = "id of the second node", example = "kachi") @RequestParam String to,
            @Parameter(description = "the longest path, in relationships, 1..8", example = "6")
                    @RequestParam(defaultValue = "6")
                    @Min(1)
                    @Max(8)
                    int maxDepth,
            @Parameter(description = "how many paths, 1..1000", example = "10")
                    @RequestParam(defaultValue = "10")
                    @Min(1)
                    @Max(1000)
                    int limit,
            @Parameter(
                            description = "'influence' (default): the relationships listed above, never through a"
                                    + " Country, Mineral, Product, Region or Source; 'all': every relationship",
                            example = "influence",
                            schema =
                                    @Schema(
                                            allowableValues = {"influence", "all"},
                                            defaultValue = "influence"))
                    @RequestParam(defaultValue = "influence")
                    String through,
            @Parameter(
                            description = "comma-separated relationship types to follow instead (any of the model's);"
                                    + " with through=influence a path still never passes through a Country, Mineral, Product, Region"
                                    + " or Source",
                            explode = Explode.FALSE,
                            example = "[\"INVESTS_IN\", \"SUBSIDIARY_OF\", \"OWNS\"]",
                            array = @ArraySchema(minItems = 1, uniqueItems = true, schema = @Schema(type = "string")))
                    @RequestParam(required = false)
                    String types) {
        List<String> followed = PathsService.types(through, types);
        return paths.paths(
                RequestParameters.id("from", from), RequestParameters.id("to", to), maxDepth, limit, through, followed);
    }
}
