package org.mineralsupplygraph.exposure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.PathView;
import org.mineralsupplygraph.graph.RelationshipView;
import org.mineralsupplygraph.system.CypherQueries;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Relationship;

/**
 * Country-wide questions about one mineral, answered from the supply routes (cypher/queries/supply-routes.cypher) and
 * holdings (supply-holdings.cypher): one index look-up that returns a row of text per dependency. The evidence (the
 * route's nodes and relationships with their properties) is read only for the dependencies an answer shows
 * ({@link #evidence}); the deals' own properties, for those an analysis weighs ({@link #deals}).
 */
public final class SupplyRoutes {

    private static final String ROUTES = CypherQueries.load("supply-routes");

    private static final String HOLDINGS = CypherQueries.load("supply-holdings");

    private static final String COUNTRY_NAMES = "MATCH (c:Country) RETURN c.id AS id, c.name AS name";

    /** The relationships of the routes shown, by element id, in order from the buyer. */
    private static final String RELS = """
            UNWIND $routes AS route
            MATCH (r) WHERE elementId(r) = route
            RETURN route, r.rels AS rels
            """;

    /**
     * The evidence: each relationship by its element id with the ids of its ends, and the nodes of those ends and of
     * the other nodes named (countries, sites), with their properties.
     */
    private static final String EVIDENCE = """
            UNWIND $rels AS id
            MATCH (a)-[r]->(b) WHERE elementId(r) = id
            WITH collect([id, r, a.id, b.id]) AS rels, collect(a) + collect(b) AS ends
            RETURN rels, ends + COLLECT { UNWIND $nodes AS node MATCH (n:Entity {id: node}) RETURN n } AS nodes
            """;

    /** Deals by element id, with the ids of their ends. */
    private static final String DEALS = """
            UNWIND $deals AS id
            MATCH (a)-[r]->(b) WHERE elementId(r) = id
            RETURN r, a.id AS from, b.id AS to
            """;

    private SupplyRoutes() {}

    /** The routes query in the parameter shapes the endpoints give it, with ids that match nothing (QueryWarmUp). */
    static List<Map.Entry<String, Map<String, Object>>> warmUpStatements() {
        List<Map.Entry<String, Map<String, Object>>> statements = new ArrayList<>();
        for (String asOf : new String[] {null, "2000-01-01"}) {
            Map<String, Object> each = new HashMap<>();
            each.put("buyerCountry", "XX");
            each.put("mineral", null);
            each.put("sourceCountry", null);
            each.put("maxDepth", 4);
            each.put("asOf", asOf);
            statements.add(Map.entry(ROUTES, each));
            for (String source : new String[] {null, "XX"}) {
                Map<String, Object> parameters = new HashMap<>();
                parameters.put("buyerCountry", "XX");
                parameters.put("mineral", "\u0000warm-up");
                parameters.put("sourceCountry", source);
                parameters.put("maxDepth", 4);
                parameters.put("asOf", asOf);
                statements.add(Map.entry(ROUTES, parameters));
            }
            Map<String, Object> holdings = new HashMap<>();
            holdings.put("buyerCountry", "XX");
            holdings.put("mineral", "\u0000warm-up");
            holdings.put("asOf", asOf);
            statements.add(Map.entry(HOLDINGS, holdings));
        }
        statements.add(Map.entry(RELS, Map.of("routes", List.of("\u0000"))));
        statements.add(Map.entry(EVIDENCE, Map.of("rels", List.of("\u0000"), "nodes", List.of("\u0000"))));
        statements.add(Map.entry(DEALS, Map.of("deals", List.of("\u0000"))));
        return statements;
    }

    /** Whether a question is one the routes answer: a buyer country's firms and one mineral. */
    static boolean answers(SupplyPaths.Question question) {
        return question.buyers() == null && question.buyerCountry() != null && question.mineral() != null;
    }

    /** The dependencies the question finds, unordered. */
    static List<Found> search(TransactionContext tx, SupplyPaths.Question question) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("buyerCountry", question.buyerCountry());
        parameters.put("mineral", question.mineral());
        parameters.put("sourceCountry", question.sourceCountry());
        parameters.put("maxDepth", question.maxDepth());
        parameters.put("asOf", question.asOf() == null ? null : question.asOf().toString());
        return rows(tx, ROUTES, parameters, question.mineral());
    }

    /**
     * The dependencies of a country's firms about each mineral apart (a route about two minerals is found twice, once
     * for each), unordered: for questions about every mineral that weigh each on its own, such as alerts.
     */
    public static List<Found> searchEachMineral(
            TransactionContext tx, String buyerCountry, int maxDepth, LocalDate asOf) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("buyerCountry", buyerCountry);
        parameters.put("mineral", null);
        parameters.put("sourceCountry", null);
        parameters.put("maxDepth", maxDepth);
        parameters.put("asOf", asOf == null ? null : asOf.toString());
        return rows(tx, ROUTES, parameters, null);
    }

    /** The holdings of a country's firms in sites that produce the mineral (supply-holdings.cypher), unordered. */
    public static List<Found> holdings(TransactionContext tx, String buyerCountry, String mineral, LocalDate asOf) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("buyerCountry", buyerCountry);
        parameters.put("mineral", mineral);
        parameters.put("asOf", asOf == null ? null : asOf.toString());
        return rows(tx, HOLDINGS, parameters, mineral);
    }

    private static List<Found> rows(
            TransactionContext tx, String query, Map<String, Object> parameters, String mineral) {
        Map<String, String> countries = new HashMap<>();
        tx.run(COUNTRY_NAMES)
                .forEachRemaining(
                        r -> countries.put(r.get("id").asString(), r.get("name").asString()));
        List<Found> found = new ArrayList<>();
        tx.run(query, parameters)
                .forEachRemaining(row -> found.add(new Found(
                        row.get("row").asString().split("\t", -1),
                        row.get("route").asString(),
                        mineral != null ? mineral : row.get("mineral").asString(),
                        countries)));
        return found;
    }

    /** The deals (or a holding's own OWNS or OPERATES) of found routes, with their properties, by type and id. */
    public static Map<String, RelationshipView> deals(TransactionContext tx, Collection<Found> found) {
        Map<String, RelationshipView> deals = new HashMap<>();
        List<String> wanted = found.stream().map(f -> f.dealElement).distinct().toList();
        if (!wanted.isEmpty()) {
            tx.run(DEALS, Map.of("deals", wanted)).forEachRemaining(r -> {
                Relationship deal = r.get("r").asRelationship();
                deals.put(
                        deal.type() + "|" + deal.get("id").asString(),
                        new RelationshipView(
                                deal.type(),
                                r.get("from").asString(),
                                r.get("to").asString(),
                                new TreeMap<>(deal.asMap())));
            });
        }
        return deals;
    }

    /** The key of a found route's deal in {@link #deals}. */
    public static String dealKey(Found f) {
        return f.dealType + "|" + f.dealId;
    }

    /**
     * What the routes shown rest on: each route's path from the buyer, by route element id (absent when the graph
     * changed under it), and the nodes of those paths and the others named, by id, with their properties.
     */
    public record Evidence(Map<String, PathView> paths, Map<String, NodeView> nodes) {}

    /** Reads the evidence of found routes, and the nodes of the given ids beside. */
    public static Evidence evidence(TransactionContext tx, Collection<Found> found, Collection<String> otherNodes) {
        Map<String, List<String>> routes = new HashMap<>();
        Map<String, PathView> paths = new HashMap<>();
        Map<String, NodeView> nodes = new HashMap<>();
        if (found.isEmpty() && otherNodes.isEmpty()) {
            return new Evidence(paths, nodes);
        }
        tx.run(
                        RELS,
                        Map.of(
                                "routes",
                                found.stream().map(f -> f.route).distinct().toList()))
                .forEachRemaining(
                        r -> routes.put(r.get("route").asString(), r.get("rels").asList(Value::asString)));
        Set<String> rels = new LinkedHashSet<>();
        routes.values().forEach(rels::addAll);
        Map<String, RelationshipView> relationships = new HashMap<>();
        Record evidence = tx.run(EVIDENCE, Map.of("rels", List.copyOf(rels), "nodes", List.copyOf(otherNodes)))
                .single();
        for (Value v : evidence.get("rels").values()) {
            Relationship r = v.get(1).asRelationship();
            relationships.put(
                    v.get(0).asString(),
                    new RelationshipView(r.type(), v.get(2).asString(), v.get(3).asString(), new TreeMap<>(r.asMap())));
        }
        for (Value v : evidence.get("nodes").values()) {
            nodes.computeIfAbsent(v.asNode().get("id").asString(), id -> GraphViews.node(v));
        }
        for (Found f : found) {
            PathView path = path(f, routes.get(f.route), relationships, nodes);
            if (path != null) {
                paths.put(f.route, path);
            }
        }
        return new Evidence(paths, nodes);
    }

    /** The found routes with their evidence, as dependencies (without conflicts). */
    static List<Dependency> complete(
            TransactionContext tx,
            List<Found> found,
            Map<String, List<Dependency.Origin>> origins,
            Map<String, NodeView> supplierCountries) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> countries = new LinkedHashSet<>();
        found.forEach(f -> {
            countries.add(f.country.id());
            if (!f.supplierCountry.isEmpty()) {
                countries.add(f.supplierCountry);
            }
        });
        Evidence evidence = evidence(tx, found, countries);
        Map<String, NodeView> nodes = evidence.nodes();
        List<Dependency> dependencies = new ArrayList<>(found.size());
        for (Found f : found) {
            PathView path = evidence.paths().get(f.route);
            if (path == null) {
                continue; // rewritten under this answer: the graph changed (SupplyReach.read catches up)
            }
            RelationshipView deal = deal(f, path);
            boolean domicile = "domicile".equals(f.basis);
            Map<String, Object> figures = deal.properties();
            dependencies.add(new Dependency(
                    path.nodes().get(0),
                    f.basis,
                    nodes.getOrDefault(f.supplier.id(), f.supplier),
                    domicile ? null : nodes.getOrDefault(f.end.id(), f.end),
                    nodes.getOrDefault(f.country.id(), f.country),
                    path.relationships().stream().map(RelationshipView::type).toList(),
                    f.minerals,
                    (Number) figures.get("tonnesPerYear"),
                    (Number) figures.get("tonnesTotal"),
                    (Number) figures.get("sharePct"),
                    (Number) figures.get("stakePct"),
                    deal,
                    domicile ? origins.getOrDefault(f.supplier.id(), List.of()) : List.of(),
                    domicile || f.supplierCountry.isEmpty() ? null : nodes.get(f.supplierCountry),
                    path,
                    List.of()));
        }
        return dependencies;
    }

    /** A route's deal on its path: after the head's SUBSIDIARY_OF hops, the first relationship of its type and id. */
    public static RelationshipView deal(Found f, PathView path) {
        return path.relationships().stream()
                .filter(r -> r.type().equals(f.dealType)
                        && f.dealId.equals(r.properties().get("id")))
                .findFirst()
                .orElseThrow();
    }

    /** The route's path from the buyer: each next node the far end of the next relationship; null when incomplete. */
    private static PathView path(
            Found f, List<String> ids, Map<String, RelationshipView> relationships, Map<String, NodeView> nodes) {
        if (ids == null) {
            return null;
        }
        List<NodeView> pathNodes = new ArrayList<>();
        List<RelationshipView> pathRels = new ArrayList<>();
        String at = f.company.id();
        pathNodes.add(nodes.get(at));
        for (String id : ids) {
            RelationshipView r = relationships.get(id);
            if (r == null) {
                return null;
            }
            at = r.from().equals(at) ? r.to() : r.from();
            pathRels.add(r);
            pathNodes.add(nodes.get(at));
        }
        return pathNodes.contains(null) ? null : new PathView(pathNodes, pathRels);
    }
}
