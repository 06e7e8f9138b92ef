package org.mineralsupplygraph.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mineralsupplygraph.graph.GraphModel.Label;
import org.mineralsupplygraph.graph.GraphModel.RelationshipType;

/**
 * The {@link GraphModel}'s catalogue of labels and relationship types: each label with its ids, properties, allowed
 * values and required properties; each relationship type with the labels it joins, its properties and allowed values.
 */
final class ModelCatalogue {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String SLUG_RULE = "a lower-case slug such as 'lg-energy-solution'";

    /** The labels, by name. */
    static final Map<String, Label> LABELS = new LinkedHashMap<>();
    /** The relationship types, by name. */
    static final Map<String, RelationshipType> TYPES = new LinkedHashMap<>();

    private static void label(
            String name,
            Pattern id,
            String idRule,
            Set<String> props,
            Map<String, Set<String>> enums,
            Set<String> required) {
        LABELS.put(name, new Label(name, id, idRule, props, enums, required));
    }

    private static void type(String name, Set<List<String>> ends, Set<String> props, Map<String, Set<String>> enums) {
        TYPES.put(name, new RelationshipType(name, ends, props, enums));
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new LinkedHashSet<>(List.of(more));
        all.addAll(new TreeSet<>(base));
        return Collections.unmodifiableSet(all);
    }

    private static Set<List<String>> ends(List<String> from, List<String> to) {
        Set<List<String>> pairs = new LinkedHashSet<>();
        for (String f : from) {
            for (String t : to) {
                pairs.add(List.of(f, t));
            }
        }
        return pairs;
    }

    static {
        Set<String> status = Set.of("planned", "development", "operating", "suspended", "closed");
        label(
                "Country",
                Pattern.compile("[A-Z]{2}"),
                "an ISO 3166-1 alpha-2 code in upper case, such as 'KR'",
                Set.of(),
                Map.of(),
                Set.of());
        label(
                "Government",
                Pattern.compile("gov-[a-z]{2}"),
                "'gov-' and the state's lower-case ISO code, such as 'gov-jp'",
                Set.of(),
                Map.of(),
                Set.of());
        label(
                "Agency",
                SLUG,
                SLUG_RULE,
                Set.of("kind"),
                Map.of("kind", Set.of("ministry", "agency", "state-corporation", "council")),
                Set.of());
        label(
                "Company",
                SLUG,
                SLUG_RULE,
                Set.of("kind", "ticker", "exchange"),
                Map.of("kind", Set.of("company", "consortium", "state-owned")),
                Set.of());
        Set<String> precision = Set.copyOf(GraphModel.LOCATION_PRECISIONS);
        label(
                "Mine",
                SLUG,
                SLUG_RULE,
                with(GraphModel.LOCATION_PROPERTIES, "kind", "status", "deposit", "province", "nearestTown"),
                Map.of(
                        "kind",
                        Set.of("mine", "brine", "deposit", "project", "mines"),
                        "status",
                        status,
                        "deposit",
                        Set.of("hard-rock", "brine", "clay", "laterite"),
                        "locationPrecision",
                        precision),
                Set.of());
        label(
                "Facility",
                SLUG,
                SLUG_RULE,
                with(GraphModel.LOCATION_PROPERTIES, "kind", "status", "province", "nearestTown"),
                Map.of(
                        "kind",
                        Set.of(
                                "refinery",
                                "precursor",
                                "cathode",
                                "cell",
                                "pack",
                                "recycling",
                                "smelter",
                                "conversion"),
                        "status",
                        status,
                        "locationPrecision",
                        precision),
                Set.of("kind"));
        label("Mineral", SLUG, SLUG_RULE, Set.of(), Map.of(), Set.of());
        label(
                "Product",
                SLUG,
                SLUG_RULE,
                Set.of("stage"),
                Map.of(
                        "stage",
                        Set.of(
                                "mine-output",
                                "concentrate",
                                "chemical",
                                "precursor",
                                "cathode",
                                "cell",
                                "pack",
                                "scrap")),
                Set.of("stage"));
        label(
                "Agreement",
                SLUG,
                SLUG_RULE,
                Set.of(
                        "kind",
                        "announced",
                        "signed",
                        "validFrom",
                        "validTo",
                        "status",
                        "reviewIntervalYears",
                        "noExportTariffs",
                        "iraTaxCreditEligible",
                        "amount",
                        "currency",
                        "amountUsd",
                        "areas",
                        "objectives",
                        "provisions"),
                Map.of(
                        "kind",
                        Set.of(
                                "trade-agreement",
                                "mou",
                                "joint-statement",
                                "cooperation-agreement",
                                "investment-agreement",
                                "offtake-agreement")),
                Set.of("kind", "source"));
        label(
                "Policy",
                SLUG,
                SLUG_RULE,
                Set.of(
                        "kind",
                        "announced",
                        "validFrom",
                        "validTo",
                        "status",
                        "thresholdPct",
                        "previousThresholdPct",
                        "mineralCount",
                        "strategicMineralCount",
                        "costShareMaxPct",
                        "fundingShareAbovePct",
                        "amount",
                        "currency",
                        "amountUsd",
                        "amountCnyApprox",
                        "stockpileTargetDays",
                        "previousStockpileDays",
                        "reserveMultiplier",
                        "targetMultiplier",
                        "targetYear",
                        "targetCompanyCount",
                        "measures",
                        "conditions"),
                Map.of(
                        "kind",
                        Set.of(
                                "investment-screening",
                                "subsidy",
                                "fund",
                                "stockpile",
                                "recycling",
                                "strategy",
                                "critical-list")),
                Set.of("kind", "source"));
        label("Region", SLUG, SLUG_RULE, Set.of(), Map.of(), Set.of());

        List<String> actors = List.of("Company", "Government", "Agency");
        List<String> assets = List.of("Company", "Mine", "Facility");
        List<String> sites = List.of("Mine", "Facility");
        type("HEADQUARTERED_IN", ends(List.of("Company"), List.of("Country")), Set.of(), Map.of());
        type("LOCATED_IN", ends(sites, List.of("Country")), Set.of("province", "nearestTown"), Map.of());
        type("GOVERNS", ends(List.of("Government"), List.of("Country")), Set.of(), Map.of());
        Set<List<String>> partOf = new LinkedHashSet<>(ends(List.of("Agency"), List.of("Government")));
        partOf.addAll(ends(List.of("Country"), List.of("Region")));
        type("PART_OF", partOf, Set.of(), Map.of());
        type("SUBSIDIARY_OF", ends(List.of("Company"), List.of("Company")), Set.of("stakePct"), Map.of());
        type(
                "INVESTS_IN",
                ends(actors, assets),
                Set.of("stakePct", "amount", "currency", "amountUsd", "shares", "status", "agreement", "approximate"),
                Map.of("status", Set.of("announced", "agreed", "completed", "potential")));
        type(
                "OFFTAKE",
                ends(List.of("Company"), assets),
                Set.of(
                        "product",
                        "alternativeProduct",
                        "tonnesPerYear",
                        "tonnesTotal",
                        "initialTonnesPerYear",
                        "initialYears",
                        "sharePct",
                        "shareBasis",
                        "startDate",
                        "endDate",
                        "termYears",
                        "optionYears",
                        "status",
                        "agreement",
                        "approximate"),
                Map.of("status", Set.of("framework", "term-sheet", "binding")));
        type("OPERATES", ends(List.of("Company"), sites), Set.of(), Map.of());
        type("OWNS", ends(List.of("Company"), sites), Set.of("stakePct"), Map.of());
        Set<List<String>> produces = new LinkedHashSet<>(ends(sites, List.of("Product")));
        produces.addAll(ends(List.of("Country"), List.of("Mineral")));
        type(
                "PRODUCES",
                produces,
                Set.of(
                        "capacityTonnesPerYear",
                        "initialTonnesPerYear",
                        "tonnes",
                        "year",
                        "unit",
                        "worldTotalTonnes",
                        "vintage",
                        "caveat"),
                Map.of());
        type("FORM_OF", ends(List.of("Product"), List.of("Mineral")), Set.of(), Map.of());
        type("FEEDS", ends(sites, List.of("Facility")), Set.of("product"), Map.of());
        type(
                "PARTY_TO",
                ends(List.of("Government", "Company", "Agency"), List.of("Agreement")),
                Set.of("role"),
                Map.of());
        type(
                "COVERS",
                ends(List.of("Agreement", "Policy"), List.of("Mineral")),
                Set.of("provision", "provisions"),
                Map.of());
        type("ENACTED", ends(List.of("Government", "Agency"), List.of("Policy")), Set.of("role"), Map.of());
        type("IMPORTS_FROM", ends(List.of("Policy"), List.of("Region", "Country")), Set.of(), Map.of());
    }

    private ModelCatalogue() {}
}
