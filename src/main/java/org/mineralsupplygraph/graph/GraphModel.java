package org.mineralsupplygraph.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The graph model of docs/model.md as data: labels and their keys, relationship types and the labels they join, and
 * every property with its type. The importer validates against it; the schema and the docs follow it.
 *
 * <p>Labels and relationship types are only ever written into Cypher from this fixed catalogue, never from input text.
 */
public final class GraphModel {

    /** Label every node carries; its uniqueness constraint on {@code id} keeps ids unique across the graph. */
    public static final String ENTITY = "Entity";

    /** Label of the nodes that describe where facts come from. */
    public static final String SOURCE = "Source";

    /** How a property value is checked and stored. */
    public enum Type {
        /** A short string. */
        STRING,
        /** A number (integer or decimal). */
        NUMBER,
        /** A whole number. */
        INTEGER,
        /** A percentage, 0..100. */
        PERCENT,
        /** An ISO date or a prefix of one: {@code 2023}, {@code 2023-10}, {@code 2023-10-05}. */
        DATE,
        /** true or false. */
        BOOLEAN,
        /** A list of strings. */
        STRING_LIST,
        /** The id of a Product or Mineral node. */
        PRODUCT_REF,
        /** The id of an Agreement node. */
        AGREEMENT_REF,
        /** A list of Source ids. */
        SOURCE_REFS,
        /** The id of one Source node. */
        SOURCE_REF,
        /** Degrees of latitude, -90..90 (WGS 84). */
        LATITUDE,
        /** Degrees of longitude, -180..180 (WGS 84). */
        LONGITUDE
    }

    /**
     * Where a site lies: given as {@code latitude} and {@code longitude}, stored as one WGS 84 {@code point} in the
     * property {@code location}, with how closely it places the site ({@code locationPrecision}) and, when it comes
     * from another source than the site's own record, that source and its words.
     */
    public static final Set<String> LOCATION_PROPERTIES =
            Set.of("latitude", "longitude", "locationPrecision", "locationSource", "locationEvidence", "locationNote");

    /** How closely a site's coordinates place it: its own, its nearest town's, a region's, its country's centroid. */
    public static final List<String> LOCATION_PRECISIONS = List.of("site", "town", "region", "country");

    /** The stored property that holds a site's coordinates as a Neo4j point. */
    public static final String LOCATION = "location";

    /**
     * A node label.
     *
     * @param name the label
     * @param idPattern what its ids look like
     * @param idRule the same in words, for error messages
     * @param properties the properties it may carry beyond the common ones
     * @param enums allowed values of enumerated properties
     * @param required properties every node of the label must have
     */
    public record Label(
            String name,
            Pattern idPattern,
            String idRule,
            Set<String> properties,
            Map<String, Set<String>> enums,
            Set<String> required) {}

    /**
     * A relationship type.
     *
     * @param name the type
     * @param ends the allowed (from label, to label) pairs
     * @param properties the properties it may carry beyond the common ones
     * @param enums allowed values of enumerated properties
     */
    public record RelationshipType(
            String name, Set<List<String>> ends, Set<String> properties, Map<String, Set<String>> enums) {

        public boolean allows(String fromLabel, String toLabel) {
            return ends.contains(List.of(fromLabel, toLabel));
        }
    }

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String SLUG_RULE = "a lower-case slug such as 'lg-energy-solution'";

    /** Properties every node may carry. */
    public static final Set<String> COMMON_NODE_PROPERTIES =
            Set.of("name", "aliases", "source", "evidence", "seeAlso", "note", "description");

    /** Properties every relationship may carry: provenance and validity dates. */
    public static final Set<String> COMMON_RELATIONSHIP_PROPERTIES =
            Set.of("source", "evidence", "seeAlso", "note", "announced", "validFrom", "validTo");

    /** Properties of Source records. */
    public static final Set<String> SOURCE_PROPERTIES =
            Set.of("title", "kind", "url", "urls", "publisher", "published", "retrieved", "note", "file");

    public static final Set<String> SOURCE_KINDS =
            Set.of("seed-article", "supplementary", "statistics", "reference", "user");

    private static final Map<String, Type> PROPERTY_TYPES = new LinkedHashMap<>();

    static {
        for (String p : List.of(
                "name",
                "source",
                "evidence",
                "note",
                "description",
                "kind",
                "status",
                "stage",
                "province",
                "nearestTown",
                "ticker",
                "exchange",
                "deposit",
                "currency",
                "unit",
                "vintage",
                "caveat",
                "role",
                "provision",
                "title",
                "url",
                "publisher",
                "file",
                "shareBasis",
                "locationPrecision",
                "locationEvidence",
                "locationNote")) {
            PROPERTY_TYPES.put(p, Type.STRING);
        }
        for (String p : List.of("aliases", "areas", "objectives", "measures", "conditions", "provisions", "urls")) {
            PROPERTY_TYPES.put(p, Type.STRING_LIST);
        }
        for (String p : List.of(
                "amount",
                "amountUsd",
                "amountCnyApprox",
                "tonnesPerYear",
                "tonnesTotal",
                "initialTonnesPerYear",
                "capacityTonnesPerYear",
                "tonnes",
                "worldTotalTonnes",
                "reserveMultiplier",
                "targetMultiplier")) {
            PROPERTY_TYPES.put(p, Type.NUMBER);
        }
        for (String p : List.of(
                "year",
                "termYears",
                "optionYears",
                "initialYears",
                "shares",
                "reviewIntervalYears",
                "mineralCount",
                "strategicMineralCount",
                "stockpileTargetDays",
                "previousStockpileDays",
                "targetYear",
                "targetCompanyCount")) {
            PROPERTY_TYPES.put(p, Type.INTEGER);
        }
        for (String p : List.of(
                "stakePct",
                "sharePct",
                "thresholdPct",
                "previousThresholdPct",
                "costShareMaxPct",
                "fundingShareAbovePct")) {
            PROPERTY_TYPES.put(p, Type.PERCENT);
        }
        for (String p : List.of(
                "announced", "signed", "validFrom", "validTo", "startDate", "endDate", "published", "retrieved")) {
            PROPERTY_TYPES.put(p, Type.DATE);
        }
        for (String p : List.of("noExportTariffs", "iraTaxCreditEligible", "approximate")) {
            PROPERTY_TYPES.put(p, Type.BOOLEAN);
        }
        PROPERTY_TYPES.put("product", Type.PRODUCT_REF);
        PROPERTY_TYPES.put("alternativeProduct", Type.PRODUCT_REF);
        PROPERTY_TYPES.put("agreement", Type.AGREEMENT_REF);
        PROPERTY_TYPES.put("seeAlso", Type.SOURCE_REFS);
        PROPERTY_TYPES.put("locationSource", Type.SOURCE_REF);
        PROPERTY_TYPES.put("latitude", Type.LATITUDE);
        PROPERTY_TYPES.put("longitude", Type.LONGITUDE);
    }

    private static final Map<String, Label> LABELS = new LinkedHashMap<>();
    private static final Map<String, RelationshipType> TYPES = new LinkedHashMap<>();

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
        Set<String> precision = Set.copyOf(LOCATION_PRECISIONS);
        label(
                "Mine",
                SLUG,
                SLUG_RULE,
                with(LOCATION_PROPERTIES, "kind", "status", "deposit", "province", "nearestTown"),
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
                with(LOCATION_PROPERTIES, "kind", "status", "province", "nearestTown"),
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

    private GraphModel() {}

    public static Optional<Label> label(String name) {
        return Optional.ofNullable(LABELS.get(name));
    }

    public static Optional<RelationshipType> relationshipType(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    public static Map<String, Label> labels() {
        return LABELS;
    }

    public static Map<String, RelationshipType> relationshipTypes() {
        return TYPES;
    }

    /** Every property name the model knows, with its type. */
    public static Map<String, Type> properties() {
        return Collections.unmodifiableMap(PROPERTY_TYPES);
    }

    public static Type typeOf(String property) {
        return PROPERTY_TYPES.getOrDefault(property, Type.STRING);
    }
}
