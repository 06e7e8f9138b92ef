package org.mineralsupplygraph.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Locale;
import org.mineralsupplygraph.catalog.CatalogViews.AgreementsResponse;
import org.mineralsupplygraph.catalog.CatalogViews.CompaniesResponse;
import org.mineralsupplygraph.catalog.CatalogViews.CountriesResponse;
import org.mineralsupplygraph.catalog.CatalogViews.EntityResponse;
import org.mineralsupplygraph.catalog.CatalogViews.MineralsResponse;
import org.mineralsupplygraph.catalog.CatalogViews.NeighbourhoodResponse;
import org.mineralsupplygraph.catalog.CatalogViews.PoliciesResponse;
import org.mineralsupplygraph.catalog.CatalogViews.SearchResponse;
import org.mineralsupplygraph.graph.GraphModel;
import org.mineralsupplygraph.system.InvalidParameterException;
import org.mineralsupplygraph.system.Named;
import org.mineralsupplygraph.system.RequestParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(
        name = "Catalog",
        description = "Look-ups and listings: entities, agreements, policies, minerals, countries, companies")
class CatalogController {

    private final EntitiesService entities;
    private final CatalogService catalog;

    CatalogController(EntitiesService entities, CatalogService catalog) {
        this.entities = entities;
        this.catalog = catalog;
    }

    private static String optionalCountry(String country) {
        return country == null ? null : RequestParameters.country("country", country);
    }

    private static String optionalMineral(String mineral) {
        return mineral == null ? null : RequestParameters.id("mineral", mineral).toLowerCase(Locale.ROOT);
    }

    @GetMapping("/entities")
    @Operation(
            operationId = "searchEntities",
            summary = "Full-text search over names and aliases",
            description = "Every word must match a word of a name or alias; the last word may be the start of one.")
    SearchResponse search(
            @Parameter(
                            description = "words to look for, 1..500 characters",
                            example = "lg energy",
                            schema = @Schema(minLength = 1, maxLength = 500, pattern = "\\S"))
                    @RequestParam
                    String q,
            @Parameter(description = "only nodes with this label", example = "Company") @RequestParam(required = false)
                    String label,
            @Parameter(description = "how many results, 1..1000", example = "20")
                    @RequestParam(defaultValue = "20")
                    @Min(1)
                    @Max(1000)
                    int limit) {
        if (q.isBlank() || q.length() > 500) {
            throw new InvalidParameterException("q", q, "Parameter 'q' must hold 1 to 500 characters of text.");
        }
        if (label != null && GraphModel.label(label).isEmpty() && !GraphModel.SOURCE.equals(label)) {
            throw new InvalidParameterException(
                    "label",
                    label,
                    "Parameter 'label' must be one of "
                            + String.join(", ", GraphModel.labels().keySet()) + ", Source; not '" + label + "'.");
        }
        return entities.search(q, label, limit);
    }

    @GetMapping("/entities/{id}")
    @Operation(
            operationId = "getEntity",
            summary = "A node with every relationship it has, in both directions, with provenance")
    EntityResponse entity(@Parameter(description = "node id", example = "sk-on") @PathVariable String id) {
        return entities.entity(RequestParameters.id("id", id));
    }

    @GetMapping("/conflicts")
    @Operation(
            operationId = "listConflicts",
            summary = "Where the sources disagree",
            description = "Every fact (relationships of one type between the same two nodes) that two or more sources"
                    + " give accounts of with different figures: the property, each source's value and relationship."
                    + " Both accounts stay in the graph.")
    CatalogViews.ConflictsResponse conflicts() {
        return entities.conflicts();
    }

    @GetMapping("/entities/{id}/neighbourhood")
    @Operation(
            operationId = "getNeighbourhood",
            summary = "Nodes and relationships around a node, for drawing",
            description =
                    "Ring by ring, nearest first, at most 'limit' nodes; 'truncated' says when some were left out.")
    NeighbourhoodResponse neighbourhood(
            @Parameter(description = "node id", example = "lg-energy-solution") @PathVariable String id,
            @Parameter(description = "rings of neighbours, 1..8", example = "2")
                    @RequestParam(defaultValue = "2")
                    @Min(1)
                    @Max(8)
                    int depth,
            @Parameter(description = "most nodes, 1..1000", example = "200")
                    @RequestParam(defaultValue = "200")
                    @Min(1)
                    @Max(1000)
                    int limit) {
        return entities.neighbourhood(Named.node("id", RequestParameters.id("id", id)), depth, limit);
    }

    @GetMapping("/agreements")
    @Operation(
            operationId = "listAgreements",
            summary = "Agreements a country's government is party to",
            description = "With their parties and roles, the minerals they cover with the provision, and their terms.")
    AgreementsResponse agreements(
            @Parameter(description = "ISO 3166-1 alpha-2 code; all agreements when absent", example = "JP")
                    @RequestParam(required = false)
                    String country,
            @Parameter(description = "only agreements covering this mineral", example = "lithium")
                    @RequestParam(required = false)
                    String mineral) {
        return catalog.agreements(optionalCountry(country), optionalMineral(mineral));
    }

    @GetMapping("/policies")
    @Operation(
            operationId = "listPolicies",
            summary = "Policies a country's government or its agencies enacted",
            description =
                    "With who enacted them, the minerals they cover and their terms (thresholds, funds, targets).")
    PoliciesResponse policies(
            @Parameter(description = "ISO 3166-1 alpha-2 code; all policies when absent", example = "JP")
                    @RequestParam(required = false)
                    String country,
            @Parameter(description = "only policies covering this mineral", example = "rare-earths")
                    @RequestParam(required = false)
                    String mineral) {
        return catalog.policies(optionalCountry(country), optionalMineral(mineral));
    }

    @GetMapping("/minerals")
    @Operation(
            operationId = "listMinerals",
            summary = "Minerals, their products, and national production figures with their source")
    MineralsResponse minerals() {
        return catalog.minerals();
    }

    @GetMapping("/countries")
    @Operation(
            operationId = "listCountries",
            summary = "Countries, their governments in the graph, and how many companies are headquartered there")
    CountriesResponse countries() {
        return catalog.countries();
    }

    @GetMapping("/companies")
    @Operation(operationId = "listCompanies", summary = "Companies, optionally those headquartered in one country")
    CompaniesResponse companies(
            @Parameter(description = "ISO 3166-1 alpha-2 code", example = "KR") @RequestParam(required = false)
                    String country) {
        return catalog.companies(optionalCountry(country));
    }
}
