package org.mineralsupplygraph.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The GeoJSON (RFC 7946) answers of the map endpoints: points for sites, lines for flows, in WGS 84 longitude,
 * latitude order. Each record is one GeoJSON object; the {@code type} members carry the constant the RFC asks for.
 */
public final class GeoJson {

    /** The media type of RFC 7946. */
    public static final String MEDIA_TYPE = "application/geo+json";

    private GeoJson() {}

    /** A GeoJSON Point: [longitude, latitude]. */
    @Schema(description = "A GeoJSON Point")
    public record Point(
            @Schema(allowableValues = "Point") String type,

            @Schema(description = "[longitude, latitude], degrees (WGS 84)", example = "[-67.4064, -26.0594]")
            List<Double> coordinates) {

        static Point of(double longitude, double latitude) {
            return new Point("Point", List.of(longitude, latitude));
        }
    }

    /** A GeoJSON LineString from one position to another. */
    @Schema(description = "A GeoJSON LineString")
    public record LineString(
            @Schema(allowableValues = "LineString") String type,

            @Schema(description = "positions, each [longitude, latitude]")
            List<List<Double>> coordinates) {

        static LineString between(double[] from, double[] to) {
            return new LineString("LineString", List.of(List.of(from[0], from[1]), List.of(to[0], to[1])));
        }
    }

    /** A site as a GeoJSON Feature. */
    @Schema(description = "A mine or facility as a GeoJSON Feature")
    public record SiteFeature(
            @Schema(allowableValues = "Feature") String type,

            @Schema(description = "the site's id", example = "kachi")
            String id,

            Point geometry,
            SiteProperties properties) {}

    /** What the map shows of a site. */
    @Schema(description = "A site's properties")
    public record SiteProperties(
            @Schema(example = "kachi") String id,
            @Schema(example = "Kachi lithium brine project") String name,

            @Schema(
                    description = "Mine or Facility",
                    allowableValues = {"Mine", "Facility"})
            String label,

            @Schema(example = "brine") @Nullable String kind,
            @Schema(example = "development") @Nullable String status,

            @Schema(description = "ISO code of the site's country", example = "AR") @Nullable
            String country,

            @Schema(example = "Argentina") @Nullable String countryName,

            @Schema(description = "products the site produces, with their stated capacity")
            List<Product> products,

            @Schema(
                    description = "minerals of what it produces, feeds and is contracted for",
                    example = "[\"lithium\"]")
            List<String> minerals,

            @Schema(description = "companies that operate it")
            List<Party> operators,

            @Schema(description = "companies that own it or hold a stake, with each source's figure")
            List<Party> owners,

            @Schema(
                    description = "offtakes (OFFTAKE relationships, one per source's account) from it; GET"
                            + " /api/entities/{id} lists them",
                    example = "2")
            long offtakes,

            @Schema(
                    description = "how closely the point places the site: site, town, region, or country (no"
                            + " coordinates known: the country's centroid)",
                    allowableValues = {"site", "town", "region", "country"})
            String precision,

            @Schema(description = "true unless the point is the site's own")
            boolean approximate,

            @Schema(description = "where the point comes from", example = "sagapedia-antofagasta-de-la-sierra")
            @Nullable
            String locationSource,

            @Schema(description = "how the point was read; null for a country's centroid") @Nullable
            String locationNote,

            @Schema(description = "the largest stated production capacity, tonnes a year", example = "25000") @Nullable
            Number capacityTonnesPerYear,

            @Schema(description = "the sources of the site's record, of its point and of its relationships")
            List<String> sources) {}

    /** A product a site produces. */
    @Schema(description = "A product of a site")
    public record Product(
            @Schema(example = "lithium-hydroxide") String id,
            @Schema(example = "Lithium hydroxide") String name,

            @Schema(description = "stated capacity, tonnes a year", example = "25000")
            @com.fasterxml.jackson.annotation.JsonInclude(JsonInclude.Include.NON_NULL)
            @Nullable
            Number capacityTonnesPerYear) {}

    /** A company that operates or owns a site, as one source says. */
    @Schema(description = "A company linked to a site: operator or owner")
    @com.fasterxml.jackson.annotation.JsonInclude(JsonInclude.Include.NON_NULL)
    public record Party(
            @Schema(example = "sk-on") String id,
            @Schema(example = "SK On") String name,

            @Schema(description = "an owner's stake, percent", example = "100") @Nullable
            Number stakePct,

            @Schema(description = "the source of the relationship", example = "seed-article") @Nullable
            String source) {}

    /** The sites as a GeoJSON FeatureCollection, with the ones that could not be placed listed apart. */
    @Schema(description = "A GeoJSON FeatureCollection of sites")
    public record SiteCollection(
            @Schema(allowableValues = "FeatureCollection") String type,
            List<SiteFeature> features,

            @Schema(description = "ids of sites with neither coordinates nor a country the map can place")
            List<String> unplaced) {}

    /** A flow as a GeoJSON Feature: a line from the centroid of the country of supply to the buyers'. */
    @Schema(description = "A flow between two countries as a GeoJSON Feature")
    public record FlowFeature(
            @Schema(allowableValues = "Feature") String type,
            @Schema(example = "AR->KR") String id,
            LineString geometry,
            Flow properties) {}

    /** The flows as a GeoJSON FeatureCollection. */
    @Schema(description = "A GeoJSON FeatureCollection of flows")
    public record FlowCollection(
            @Schema(allowableValues = "FeatureCollection") String type, List<FlowFeature> features) {}
}
