package org.mineralsupplygraph.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Set;
import org.mineralsupplygraph.graph.Basis;
import org.mineralsupplygraph.system.InvalidParameterException;
import org.mineralsupplygraph.system.RequestParameters;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The map's endpoints: sites and flows as GeoJSON (RFC 7946) that QGIS, kepler.gl or Leaflet open as they are. */
@RestController
@RequestMapping("/api")
@Tag(name = "Map", description = "Sites, country-to-country flows and world production, for maps")
class MapController {

    private static final Set<String> STATUSES = Set.of("planned", "development", "operating", "suspended", "closed");

    private final MapService map;

    MapController(MapService map) {
        this.map = map;
    }

    @GetMapping(
            path = "/sites",
            produces = {GeoJson.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(
            operationId = "listSites",
            summary = "Mines and facilities as GeoJSON points",
            description = "A GeoJSON FeatureCollection (RFC 7946) of the mines and facilities, each with its id,"
                    + " name, kind, status, products, operators, owners, offtakers, sources, and how closely its point"
                    + " places it. A site without coordinates is placed at its country's centroid, with precision"
                    + " 'country'.")
    @ApiResponse(
            responseCode = "200",
            description = "the sites (application/json, when asked for, is the same" + " document)",
            content = {
                @Content(
                        mediaType = GeoJson.MEDIA_TYPE,
                        schema = @Schema(implementation = GeoJson.SiteCollection.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = GeoJson.SiteCollection.class))
            })
    GeoJson.SiteCollection sites(
            @Parameter(
                            description = "only sites producing, feeding or contracted for this mineral",
                            example = "lithium")
                    @RequestParam(required = false)
                    String mineral,
            @Parameter(description = "ISO 3166-1 alpha-2 code of the sites' country", example = "AR")
                    @RequestParam(required = false)
                    String country,
            @Parameter(
                            description = "only sites of this status",
                            example = "operating",
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                "planned",
                                                "development",
                                                "operating",
                                                "suspended",
                                                "closed"
                                            }))
                    @RequestParam(required = false)
                    String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidParameterException(
                    "status",
                    status,
                    "Parameter 'status' must be one of planned," + " development, operating, suspended, closed, not '"
                            + status + "'.");
        }
        return map.sites(
                mineral == null ? null : mineral(mineral),
                country == null ? null : RequestParameters.country("country", country),
                status);
    }

    @GetMapping(
            path = "/flows",
            produces = {MediaType.APPLICATION_JSON_VALUE, GeoJson.MEDIA_TYPE})
    @Operation(
            operationId = "getFlows",
            summary = "Country-to-country flows of a mineral",
            description = "From the sites' country (origin) or the suppliers' (domicile) to the buyers' country:"
                    + " the known tonnes a year, the number of contracts and holdings, and the deals behind each flow,"
                    + " on the supply paths of /api/exposure. With format=geojson: GeoJSON lines between the countries'"
                    + " centroids.")
    @ApiResponse(
            responseCode = "200",
            description = "the flows",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = FlowsResponse.class)),
                @Content(
                        mediaType = GeoJson.MEDIA_TYPE,
                        schema = @Schema(implementation = GeoJson.FlowCollection.class))
            })
    ResponseEntity<Object> flows(
            @Parameter(description = "mineral id", example = "lithium") @RequestParam String mineral,
            @Parameter(description = "only relationships in force on this day (YYYY-MM-DD)", example = "2025-06-30")
                    @RequestParam(required = false)
                    String asOf,
            @Parameter(
                            description =
                                    "origin (where the sites are, the default) or domicile (where the suppliers are"
                                            + " headquartered)",
                            example = "origin",
                            schema =
                                    @Schema(
                                            allowableValues = {"origin", "domicile"},
                                            defaultValue = "origin"))
                    @RequestParam(defaultValue = "origin")
                    String basis,
            @Parameter(
                            description = "json (the default) or geojson",
                            example = "json",
                            schema =
                                    @Schema(
                                            allowableValues = {"json", "geojson"},
                                            defaultValue = "json"))
                    @RequestParam(defaultValue = "json")
                    String format) {
        Basis by = Basis.parse("basis", basis, Basis.ONE);
        if (!format.equals("json") && !format.equals("geojson")) {
            throw new InvalidParameterException(
                    "format", format, "Parameter 'format' must be json or geojson, not '" + format + "'.");
        }
        FlowsResponse flows = map.flows(mineral(mineral), by.value(), RequestParameters.date("asOf", asOf));
        return format.equals("geojson")
                ? ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(GeoJson.MEDIA_TYPE))
                        .body(map.flowLines(flows))
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(flows);
    }

    @GetMapping("/production")
    @Operation(
            operationId = "getProduction",
            summary = "World mine production of a mineral by country",
            description = "The latest year's national figures with each country's share of the published world total,"
                    + " the source and its vintage: the deposit map's shading.")
    ProductionResponse production(
            @Parameter(description = "mineral id", example = "lithium") @RequestParam String mineral) {
        return map.production(mineral(mineral));
    }

    private static String mineral(String mineral) {
        return RequestParameters.id("mineral", mineral).toLowerCase(Locale.ROOT);
    }
}
