package org.mineralsupplygraph.graph;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The graph model of docs/model.md as data: labels and their keys, relationship types and the labels they join, and
 * every property with its type. The importer validates against it; the schema and the docs follow it. Its tables are
 * kept beside it: the labels and relationship types in {@code ModelCatalogue}, the property types in
 * {@code PropertyTypes}.
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

    private GraphModel() {}

    public static Optional<Label> label(String name) {
        return Optional.ofNullable(ModelCatalogue.LABELS.get(name));
    }

    public static Optional<RelationshipType> relationshipType(String name) {
        return Optional.ofNullable(ModelCatalogue.TYPES.get(name));
    }

    public static Map<String, Label> labels() {
        return ModelCatalogue.LABELS;
    }

    public static Map<String, RelationshipType> relationshipTypes() {
        return ModelCatalogue.TYPES;
    }

    /** Every property name the model knows, with its type. */
    public static Map<String, Type> properties() {
        return PropertyTypes.ALL;
    }

    public static Type typeOf(String property) {
        return PropertyTypes.ALL.getOrDefault(property, Type.STRING);
    }
}
