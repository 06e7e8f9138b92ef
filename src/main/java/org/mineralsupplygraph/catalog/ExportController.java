package org.mineralsupplygraph.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.Locale;
import org.mineralsupplygraph.system.InvalidParameterException;
import org.mineralsupplygraph.system.RequestParameters;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api")
@Tag(
        name = "Catalog",
        description = "Look-ups and listings: entities, agreements, policies, minerals, countries, companies")
class ExportController {

    /** Most nodes in one file, around a focus or of the whole graph. */
    static final int MOST = 1_000_000;

    static final int FOCUS_DEFAULT_LIMIT = 200;
    static final int WHOLE_DEFAULT_LIMIT = 10_000;

    private final GraphExportService exports;

    ExportController(GraphExportService exports) {
        this.exports = exports;
    }

    @GetMapping(
            path = "/export",
            produces = {"application/graphml+xml", "application/gexf+xml", MediaType.APPLICATION_JSON_VALUE})
    @Operation(
            operationId = "exportGraph",
            summary = "The graph, or a node's neighbourhood, as a file for graph tools",
            description = "GraphML (yEd, Cytoscape, Gephi, APOC's apoc.import.graphml; a typed key per property), GEXF"
                    + " 1.3 (Gephi) or Cytoscape.js elements JSON (Cytoscape.js, Cytoscape desktop). Nodes with their"
                    + " labels and properties, relationships with their type, figures and provenance; a location as"
                    + " latitude and longitude. With focus: the nodes within 'depth' relationships of it, ring by ring"
                    + " (at most 'limit', default 200), and the relationships among them, read within the query time"
                    + " limit. Without focus: the first 'limit' nodes in id order (default 10,000) and the"
                    + " relationships among them, streamed within the export time limit. The Export-Truncated header,"
                    + " and the file's description, say when nodes were left out.")
    @ApiResponse(
            responseCode = "200",
            description = "the file, as an attachment",
            headers =
                    @Header(
                            name = "Export-Truncated",
                            description = "true when nodes were left out",
                            schema = @Schema(type = "boolean")),
            content = {
                @Content(mediaType = "application/graphml+xml", schema = @Schema(type = "string")),
                @Content(mediaType = "application/gexf+xml", schema = @Schema(type = "string")),
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))
            })
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(
                            description = "id of the node to export around; absent: the whole graph",
                            example = "lg-energy-solution")
                    @RequestParam(required = false)
                    String focus,
            @Parameter(description = "with focus: rings of neighbours, 1..8", example = "2")
                    @RequestParam(defaultValue = "2")
                    @Min(1)
                    @Max(8)
                    int depth,
            @Parameter(
                            description = "graphml, gexf or cytoscape",
                            example = "graphml",
                            schema =
                                    @Schema(
                                            allowableValues = {"graphml", "gexf", "cytoscape"},
                                            defaultValue = "graphml"))
                    @RequestParam(defaultValue = "graphml")
                    String format,
            @Parameter(
                            description = "most nodes, 1..1000000: with focus 200 when absent, without 10000",
                            example = "200",
                            schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1000000"))
                    @RequestParam(required = false)
                    Integer limit) {
        GraphFileWriter.Format chosen = format(format);
        GraphExportService.Export export;
        if (focus != null) {
            export = exports.focus(RequestParameters.id("focus", focus), depth, limit(limit, FOCUS_DEFAULT_LIMIT));
        } else {
            export = exports.all(limit(limit, WHOLE_DEFAULT_LIMIT));
        }
        String file = "mineral-supply-graph-" + export.name() + "." + chosen.extension;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(chosen.mediaType))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file).build().toString())
                .header("Export-Truncated", Boolean.toString(export.truncated()))
                .body(out -> export.writeTo(chosen, out));
    }

    private static GraphFileWriter.Format format(String format) {
        return Arrays.stream(GraphFileWriter.Format.values())
                .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(format))
                .findFirst()
                .orElseThrow(() -> new InvalidParameterException(
                        "format",
                        format,
                        "Parameter 'format' must be graphml, gexf or cytoscape, not '" + format + "'."));
    }

    private static int limit(Integer limit, int fallback) {
        if (limit == null) {
            return fallback;
        }
        if (limit < 1 || limit > MOST) {
            throw new InvalidParameterException(
                    "limit", String.valueOf(limit), "Parameter 'limit' must be 1.." + MOST + ", not " + limit + ".");
        }
        return limit;
    }
}
