package org.mineralsupplygraph.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.mineralsupplygraph.analytics.CountryFlows.FlowRow;
import org.mineralsupplygraph.exposure.Found;
import org.mineralsupplygraph.exposure.SupplyPaths;
import org.mineralsupplygraph.graph.GraphModel;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.reach.SupplyReach;
import org.mineralsupplygraph.system.CypherQueries;
import org.mineralsupplygraph.system.Named;
import org.mineralsupplygraph.system.ReadQueries;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Point;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The map's data: sites as GeoJSON points, country-to-country flows built from the buyers' contracts and holdings
 * (the supply paths of /api/exposure, grouped as /api/concentration groups them), and world production shares.
 */
@Service
class MapService {

    private static final String SITES = CypherQueries.load("sites");

    /** Countries whose firms may buy: those with a company headquartered in them. */
    private static final String BUYER_COUNTRIES = """
            MATCH (c:Country) WHERE EXISTS { (c)<-[:HEADQUARTERED_IN]-(:Company) }
            RETURN c.id AS id ORDER BY id
            """;

    private final ReadQueries queries;
    private final SupplyReach reach;
    private final ConcentrationService concentration;
    private final Map<String, double[]> centroids;
    private final Map<String, String> countryNames;

    MapService(ReadQueries queries, SupplyReach reach, ConcentrationService concentration) {
        this.queries = queries;
        this.reach = reach;
        this.concentration = concentration;
        this.centroids = new HashMap<>();
        this.countryNames = new HashMap<>();
        try (InputStream in = new ClassPathResource("static/map/countries.json").getInputStream()) {
            JsonNode countries = JsonMapper.builder().build().readTree(in).get("countries");
            for (JsonNode country : countries) {
                JsonNode c = country.get("centroid");
                centroids.put(
                        country.get("id").asString(),
                        new double[] {c.get(0).asDouble(), c.get(1).asDouble()});
                countryNames.put(
                        country.get("id").asString(), country.get("name").asString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read static/map/countries.json", e);
        }
    }

    /** The centroid [longitude, latitude] of a country's largest polygon, or null when the map has no shape. */
    double[] centroid(String country) {
        return country == null ? null : centroids.get(country);
    }

    GeoJson.SiteCollection sites(String mineral, String country, String status) {
        return keep("sites|" + mineral + "|" + country + "|" + status, () -> computeSites(mineral, country, status));
    }

    private GeoJson.SiteCollection computeSites(String mineral, String country, String status) {
        return queries.read(tx -> {
            Named.require(tx, Named.mineral("mineral", mineral), Named.country("country", country));
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("mineral", mineral);
            parameters.put("country", country);
            parameters.put("status", status);
            List<GeoJson.SiteFeature> features = new ArrayList<>();
            List<String> unplaced = new ArrayList<>();
            tx.run(SITES, parameters).forEachRemaining(row -> {
                GeoJson.SiteFeature feature = site(row);
                if (feature == null) {
                    unplaced.add(row.get("site").asNode().get("id").asString());
                } else {
                    features.add(feature);
                }
            });
            return new GeoJson.SiteCollection("FeatureCollection", features, unplaced);
        });
    }

    /** Where a site is drawn: its own location, else its country's centroid (precision "country"). */
    private record Placement(GeoJson.Point point, String precision) {}

    /** A site as a GeoJSON point, or null when it has neither a location nor a country on the map. */
    private GeoJson.SiteFeature site(Record row) {
        Node node = row.get("site").asNode();
        NodeView country = GraphViews.node(row.get("country"));
        Placement placement = placement(node, country);
        if (placement == null) {
            return null;
        }
        String id = node.get("id").asString();
        return new GeoJson.SiteFeature("Feature", id, placement.point(), properties(row, node, country, placement));
    }

    private Placement placement(Node node, NodeView country) {
        Value location = node.get(GraphModel.LOCATION);
        if (!location.isNull()) {
            Point p = location.asPoint();
            return new Placement(
                    GeoJson.Point.of(p.x(), p.y()),
                    node.get("locationPrecision").asString("site"));
        }
        double[] centroid = centroid(country == null ? null : country.id());
        return centroid == null ? null : new Placement(GeoJson.Point.of(centroid[0], centroid[1]), "country");
    }

    private static GeoJson.SiteProperties properties(Record row, Node node, NodeView country, Placement placement) {
        String id = node.get("id").asString();
        boolean located = !node.get(GraphModel.LOCATION).isNull();
        List<GeoJson.Party> owners = parties(row.get("owners"));
        List<Object> capacity = row.get("capacity").asList(Value::asObject);
        return new GeoJson.SiteProperties(
                id,
                node.get("name").asString(id),
                node.hasLabel("Mine") ? "Mine" : "Facility",
                node.get("kind").asString(null),
                node.get("status").asString(null),
                country == null ? null : country.id(),
                country == null ? null : country.name(),
                products(row.get("products")),
                row.get("minerals").asList(Value::asString),
                parties(row.get("operators")),
                owners,
                row.get("offtakes").asLong(),
                placement.precision(),
                !"site".equals(placement.precision()),
                located ? node.get("locationSource").asString(node.get("source").asString(null)) : null,
                located ? node.get("locationNote").asString(null) : null,
                capacity.isEmpty() ? null : (Number) capacity.get(0),
                sources(node, owners));
    }

    /** The sources of a site's record, its other pages, its location and its owners' stakes, each once. */
    private static List<String> sources(Node node, List<GeoJson.Party> owners) {
        Set<String> sources = new LinkedHashSet<>();
        addSource(sources, node.get("source"));
        node.get("seeAlso").asList(Value::asString, List.of()).forEach(sources::add);
        addSource(sources, node.get("locationSource"));
        owners.forEach(o -> addSource(sources, o.source()));
        return List.copyOf(sources);
    }

    private static List<GeoJson.Product> products(Value list) {
        return list.asList(p -> new GeoJson.Product(
                p.get("id").asString(),
                p.get("name").asString(),
                p.get("capacityTonnesPerYear").isNull()
                        ? null
                        : (Number) p.get("capacityTonnesPerYear").asObject()));
    }

    private static void addSource(Set<String> sources, Object value) {
        if (value instanceof Value v && !v.isNull()) {
            sources.add(v.asString());
        } else if (value instanceof String s) {
            sources.add(s);
        }
    }

    private static List<GeoJson.Party> parties(Value list) {
        return list.asList(p -> new GeoJson.Party(
                p.get("id").asString(),
                p.get("name").asString(p.get("id").asString()),
                number(p.get("stakePct")),
                p.get("source").asString(null)));
    }

    private static Number number(Value value) {
        return value == null || value.isNull() ? null : (Number) value.asObject();
    }

    /**
     * Answers kept (sites by filter, flows by mineral, basis and day), each with the transaction the supply reach was
     * written at when it was made: the reach is current only while nothing else has been written since, so an answer
     * is reused only while the graph is as it was.
     */
    private final Map<String, Object[]> kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object[]> eldest) {
            return size() > 64;
        }
    });

    /**
     * The flows of a mineral. With a current supply reach, from {@code flows.cypher} (one query for every buyer
     * country), and kept until the reach changes; otherwise from the supply paths of every country's firms, walked.
     * Both count the deals a company signs itself, flowing to its own country.
     */
    FlowsResponse flows(String mineral, String basis, LocalDate asOf) {
        return keep("flows|" + mineral + "|" + basis + "|" + asOf, () -> computeFlows(mineral, basis, asOf));
    }

    /** Whether an answer is kept for the key (sites|mineral|country|status, flows|mineral|basis|asOf) as the graph is. */
    boolean kept(String key) {
        Long at = reach.writtenAt();
        Object[] found = kept.get(key);
        return at != null && found != null && at.equals(found[0]);
    }

    @SuppressWarnings("unchecked")
    private <T> T keep(String key, Supplier<T> compute) {
        Long at = reach.writtenAt();
        if (at != null) {
            Object[] found = kept.get(key);
            if (found != null && at.equals(found[0])) {
                return (T) found[1];
            }
        }
        T answer = compute.get();
        if (at != null && at.equals(reach.writtenAt())) {
            kept.put(key, new Object[] {at, answer});
        }
        return answer;
    }

    private FlowsResponse computeFlows(String mineral, String basis, LocalDate asOf) {
        SupplyReach.Reading reading = reach.read();
        return queries.read(tx -> {
            NodeView mineralView =
                    Named.require(tx, Named.mineral("mineral", mineral)).get("mineral");
            List<FlowRow> rows =
                    reading.usable() ? fromReach(tx, mineral, basis, asOf) : walked(tx, mineral, basis, asOf, reading);
            return new FlowsResponse(
                    mineralView,
                    basis,
                    asOf == null ? null : asOf.toString(),
                    CountryFlows.of(rows, countryNames),
                    flowNotes(basis));
        });
    }

    static List<String> flowNotes(String basis) {
        List<String> notes = new ArrayList<>();
        notes.add(
                "origin".equals(basis)
                        ? "From the countries of the sites the deals reach, to the country of the company that signed them."
                        : "From the suppliers' countries of headquarters, to the country of the company that signed the deal.");
        notes.add("Tonnes are of product as contracted (not metal content), summed over the supply contracts (OFFTAKE)"
                + " that state a yearly volume; a deal whose supply lies in several countries counts in each flow, its"
                + " volume in none. Stakes (INVESTS_IN) carry no volume.");
        notes.add(
                "Several sources' accounts of one deal (one buyer, a common supplier or site) count once, with the"
                        + " seed article's figures where it gives an account, else the first's; the others are listed with it.");
        notes.add("Each flow lists its " + CountryFlows.DEALS_LISTED
                + " largest deals; flows within one country (from = to) are" + " the firms' supply at home.");
        return notes;
    }

    private static final String FLOWS = CypherQueries.load("flows");

    private static List<FlowRow> fromReach(TransactionContext tx, String mineral, String basis, LocalDate asOf) {
        Map<String, Object> parameters = new HashMap<>(SupplyPaths.forms(tx, mineral));
        parameters.put("basis", basis);
        parameters.put("asOf", asOf == null ? null : asOf.toString());
        return tx.run(FLOWS, parameters)
                .list(r -> new FlowRow(
                        r.get("deal").asString(),
                        r.get("type").asString(),
                        r.get("tonnesPerYear").isNull()
                                ? null
                                : r.get("tonnesPerYear").asDouble(),
                        r.get("product").asString(null),
                        r.get("source").asString(null),
                        r.get("buyer").asString(),
                        r.get("buyerName").asString(null),
                        r.get("home").asString(),
                        r.get("supplier").asString(),
                        r.get("supplierName").asString(null),
                        r.get("country").asString(),
                        r.get("sites").asList(Value::asString)));
    }

    /** The same rows from every buyer country's supply paths: slow on a big graph, used while the reach is rebuilt. */
    private static List<FlowRow> walked(
            TransactionContext tx, String mineral, String basis, LocalDate asOf, SupplyReach.Reading reading) {
        List<FlowRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String home : tx.run(BUYER_COUNTRIES).list(r -> r.get("id").asString())) {
            for (Found f :
                    SupplyPaths.search(tx, SupplyPaths.Question.ofCountry(home, mineral, null, 4, asOf), reading)) {
                if (!f.basis().equals(basis) || !f.ownDeal()) {
                    continue;
                }
                // The end as the reach's tails name it: the domiciled supplier (a site's operator, for a deal made
                // with the site), or the site the supply comes from.
                NodeView end = "domicile".equals(basis) ? f.supplier() : f.site();
                String deal = String.valueOf(f.dealValue("id"));
                if (!seen.add(deal + "|" + f.country().id() + "|" + (end == null ? "" : end.id()))) {
                    continue;
                }
                Object tonnes = f.dealValue("tonnesPerYear");
                rows.add(new FlowRow(
                        deal,
                        String.valueOf(f.dealValue("type")),
                        tonnes instanceof Number n ? n.doubleValue() : null,
                        (String) f.dealValue("product"),
                        (String) f.dealValue("source"),
                        f.company().id(),
                        f.company().name(),
                        home,
                        f.counterparty().id(),
                        f.counterparty().name(),
                        f.country().id(),
                        end == null ? List.of() : List.of(end.id())));
            }
        }
        return rows;
    }

    GeoJson.FlowCollection flowLines(FlowsResponse flows) {
        List<GeoJson.FlowFeature> features = new ArrayList<>();
        for (Flow flow : flows.flows()) {
            double[] from = centroid(flow.from());
            double[] to = centroid(flow.to());
            if (from != null && to != null) {
                features.add(new GeoJson.FlowFeature(
                        "Feature", flow.from() + "->" + flow.to(), GeoJson.LineString.between(from, to), flow));
            }
        }
        return new GeoJson.FlowCollection("FeatureCollection", features);
    }

    ProductionResponse production(String mineral) {
        ConcentrationResponse world = concentration.world(mineral, null, Concentration.Guidelines.parse("2023"));
        return new ProductionResponse(
                world.mineral(),
                world.year(),
                world.unit(),
                world.totalTonnes(),
                world.source(),
                world.vintage(),
                world.shares());
    }
}
