package org.mineralsupplygraph.exposure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mineralsupplygraph.exposure.PathsResponse.Connection;
import org.mineralsupplygraph.graph.GraphModel;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.PathView;
import org.mineralsupplygraph.graph.RelationshipView;
import org.mineralsupplygraph.system.CypherQueries;
import org.mineralsupplygraph.system.InvalidParameterException;
import org.mineralsupplygraph.system.Named;
import org.mineralsupplygraph.system.ReadQueries;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;

/**
 * Paths between any two nodes, shortest first: by default through the relationships that carry influence or supply
 * ({@code cypher/queries/paths.cypher}), with {@code through=all} through every relationship
 * ({@code paths-through-all.cypher}).
 */
@Service
class PathsService {

    /** The relationships a path follows by default: influence and supply. */
    static final List<String> INFLUENCE = List.of(
            "INVESTS_IN",
            "OFFTAKE",
            "SUBSIDIARY_OF",
            "OWNS",
            "OPERATES",
            "FEEDS",
            "PARTY_TO",
            "ENACTED",
            "PART_OF",
            "GOVERNS");

    /** The relationships that move material: counted per path, and a path with more of them comes first. */
    static final Set<String> SUPPLY = Set.of("OFFTAKE", "FEEDS");

    private static final String INFLUENCE_QUERY = CypherQueries.load("paths");
    private static final String ALL_QUERY = CypherQueries.load("paths-through-all");

    /** Shortest first, then more supply relationships first, then by the ids of the nodes and relationships. */
    static final Comparator<Connection> ORDER = Comparator.comparingInt(Connection::length)
            .thenComparing(
                    Comparator.comparingInt(Connection::supplyRelationships).reversed())
            .thenComparing(c ->
                    String.join("\u0000", c.nodes().stream().map(NodeView::id).toList()))
            .thenComparing(c -> String.join(
                    "\u0000",
                    c.relationships().stream()
                            .map(r -> String.valueOf(r.properties().get("id")))
                            .toList()));

    private final ReadQueries queries;

    PathsService(ReadQueries queries) {
        this.queries = queries;
    }

    /**
     * The relationship types a request follows: without {@code types} the default ones ("influence") or every one
     * ("all"); with it, the types it names, any of the model's ({@code through} then says only whether a path may pass
     * through a Country, Mineral, Product, Region or Source). 400 naming the parameter otherwise.
     */
    static List<String> types(String through, String types) {
        if (!"influence".equals(through) && !"all".equals(through)) {
            throw new InvalidParameterException(
                    "through",
                    through,
                    "Parameter 'through' must be 'influence' (the"
                            + " default: " + String.join(", ", INFLUENCE)
                            + ", never through a Country, Mineral, Product,"
                            + " Region or Source) or 'all' (every relationship), not '" + through + "'.");
        }
        boolean all = "all".equals(through);
        if (types == null) {
            return all ? null : INFLUENCE;
        }
        List<String> named = new ArrayList<>();
        for (String part : types.split(",", -1)) {
            String type = part.strip().toUpperCase(Locale.ROOT);
            if (!GraphModel.relationshipTypes().containsKey(type)) {
                throw new InvalidParameterException(
                        "types",
                        types,
                        "Parameter 'types' names '" + part.strip()
                                + "', which is not a relationship type of the model ("
                                + String.join(
                                        ", ", GraphModel.relationshipTypes().keySet()) + ").");
            }
            if (!named.contains(type)) {
                named.add(type);
            }
        }
        return List.copyOf(named);
    }

    PathsResponse paths(String from, String to, int maxDepth, int limit, String through, List<String> types) {
        boolean all = "all".equals(through);
        return queries.read(tx -> {
            Map<String, NodeView> ends = Named.require(tx, Named.node("from", from), Named.node("to", to));
            List<Connection> paths = new ArrayList<>();
            if (!from.equals(to)) {
                Map<String, Object> parameters = new HashMap<>();
                parameters.put("from", from);
                parameters.put("to", to);
                parameters.put("types", types);
                String query = CypherQueries.withBounds(
                        all ? ALL_QUERY : INFLUENCE_QUERY, Map.of("limit", limit, "maxDepth", maxDepth));
                for (Record row : tx.run(query, parameters).list()) {
                    PathView path = GraphViews.path(row.get("p").asPath());
                    List<String> countries = row.get("countries").asList(v -> v.isNull() ? null : v.asString());
                    paths.add(connection(path, countries));
                }
            }
            paths.sort(ORDER);
            List<String> notes = new ArrayList<>();
            if (paths.isEmpty() && !from.equals(to)) {
                notes.add("No path of at most " + maxDepth + " relationships"
                        + (all
                                ? ""
                                : " through " + String.join(", ", types)
                                        + " (never through a Country, Mineral, Product, Region or Source)")
                        + (all
                                ? "."
                                : "; through=all also follows shared countries, minerals and products, and"
                                        + " maxDepth up to 8 finds longer paths."));
            }
            return new PathsResponse(
                    ends.get("from"), ends.get("to"), all ? "all" : "influence", types, maxDepth, limit, paths, notes);
        });
    }

    static Connection connection(PathView path, List<String> countries) {
        List<RelationshipView> relationships = path.relationships();
        int supply = (int)
                relationships.stream().filter(r -> SUPPLY.contains(r.type())).count();
        return new Connection(
                relationships.size(),
                supply,
                PathSentence.of(path.nodes(), relationships, countries),
                path.nodes(),
                relationships);
    }
}
