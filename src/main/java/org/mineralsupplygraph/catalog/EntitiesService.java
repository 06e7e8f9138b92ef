package org.mineralsupplygraph.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mineralsupplygraph.catalog.CatalogViews.EntityResponse;
import org.mineralsupplygraph.catalog.CatalogViews.NeighbourhoodResponse;
import org.mineralsupplygraph.catalog.CatalogViews.SearchHit;
import org.mineralsupplygraph.catalog.CatalogViews.SearchResponse;
import org.mineralsupplygraph.graph.Conflict;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;
import org.mineralsupplygraph.system.CypherQueries;
import org.mineralsupplygraph.system.Named;
import org.mineralsupplygraph.system.ReadQueries;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Relationship;
import org.springframework.stereotype.Service;

/** Search over names and aliases, one node with all its relationships, and the neighbourhood of a node. */
@Service
class EntitiesService {

    private static final String SEARCH = """
            CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
            WHERE $label IS NULL OR $label IN labels(node)
            RETURN node, score
            LIMIT $limit
            """;

    private static final String ENTITY = """
            MATCH (n:Entity {id: $id})
            RETURN n, COLLECT { MATCH (n)-[r]-(other) RETURN {relationship: r, other: other}
                                ORDER BY type(r), other.name } AS links
            """;

    private static final String NEXT_RING = """
            UNWIND $ids AS id
            MATCH (a:Entity {id: id})-[]-(b:Entity)
            WHERE NOT b.id IN $seen
            RETURN DISTINCT b
            ORDER BY b.name
            LIMIT $cap
            """;

    private static final String INDUCED = """
            MATCH (a:Entity)-[r]->(b:Entity)
            WHERE a.id IN $ids AND b.id IN $ids
            RETURN r
            """;

    /** Characters with a meaning in Lucene's query syntax: a user's text must not be read as operators. */
    private static final String LUCENE_SPECIAL = "+-&|!(){}[]^\"~*?:\\/";

    private final ReadQueries queries;

    EntitiesService(ReadQueries queries) {
        this.queries = queries;
    }

    /** The text as a Lucene query: every word must match, the last one as a prefix; operators are escaped. */
    static String luceneQuery(String text) {
        String[] words = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            StringBuilder escaped = new StringBuilder();
            for (char c : words[i].toCharArray()) {
                if (LUCENE_SPECIAL.indexOf(c) >= 0) {
                    escaped.append('\\');
                }
                escaped.append(c);
            }
            String term = escaped.toString();
            if (term.equals("and") || term.equals("or") || term.equals("not")) {
                term = "\\" + term;
            }
            terms.add(i == words.length - 1 ? "(" + term + " OR " + term + "*)" : term);
        }
        return String.join(" AND ", terms);
    }

    SearchResponse search(String q, String label, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("query", luceneQuery(q));
        parameters.put("label", label);
        parameters.put("limit", limit);
        List<SearchHit> hits = queries.read(tx -> tx.run(SEARCH, parameters)
                .list(r -> new SearchHit(
                        GraphViews.node(r.get("node")), r.get("score").asDouble())));
        return new SearchResponse(q, label, limit, hits);
    }

    private static final String CONFLICTS = CypherQueries.load("conflicts");

    CatalogViews.ConflictsResponse conflicts() {
        return queries.read(tx -> {
            List<RelationshipView> accounts = new ArrayList<>();
            int[] facts = {0};
            tx.run(CONFLICTS).forEachRemaining(row -> {
                facts[0]++;
                String from = row.get("from").asString();
                String to = row.get("to").asString();
                row.get("accounts")
                        .values()
                        .forEach(r -> accounts.add(GraphViews.relationship(r.asRelationship(), from, to)));
            });
            return new CatalogViews.ConflictsResponse(Conflict.among(accounts), facts[0]);
        });
    }

    EntityResponse entity(String id) {
        return queries.read(tx -> {
            List<Record> rows = tx.run(ENTITY, Map.of("id", id)).list();
            if (rows.isEmpty()) {
                throw Named.node("id", id).missing();
            }
            Node node = rows.get(0).get("n").asNode();
            List<RelationshipView> relationships = new ArrayList<>();
            Map<String, NodeView> neighbours = new LinkedHashMap<>();
            rows.get(0).get("links").values().forEach(link -> {
                Node other = link.get("other").asNode();
                Map<String, String> ids = Map.of(
                        node.elementId(), id, other.elementId(), other.get("id").asString());
                relationships.add(
                        GraphViews.relationship(link.get("relationship").asRelationship(), ids));
                neighbours.putIfAbsent(other.elementId(), GraphViews.node(other));
            });
            return new EntityResponse(
                    GraphViews.node(node),
                    relationships,
                    List.copyOf(neighbours.values()),
                    Conflict.among(relationships));
        });
    }

    /**
     * The nodes within {@code depth} relationships of a node, ring by ring, nearest first, at most {@code limit} of
     * them, and every relationship among them.
     */
    NeighbourhoodResponse neighbourhood(Named node, int depth, int limit) {
        String id = node.id();
        return queries.read(tx -> {
            List<Record> start = tx.run("MATCH (n:Entity {id: $id}) RETURN n", Map.of("id", id))
                    .list();
            if (start.isEmpty()) {
                throw node.missing();
            }
            Node center = start.get(0).get("n").asNode();
            Map<String, Node> nodes = new LinkedHashMap<>();
            nodes.put(id, center);
            List<String> ring = List.of(id);
            boolean truncated = false;
            for (int d = 1; d <= depth && !ring.isEmpty() && !truncated; d++) {
                int room = limit - nodes.size();
                if (room <= 0) {
                    truncated = true;
                    break;
                }
                List<Node> next = nextRing(tx, ring, nodes.keySet(), room + 1);
                if (next.size() > room) {
                    truncated = true;
                    next = next.subList(0, room);
                }
                List<String> ids = new ArrayList<>();
                for (Node n : next) {
                    nodes.put(n.get("id").asString(), n);
                    ids.add(n.get("id").asString());
                }
                ring = ids;
            }
            List<Relationship> relationships = tx.run(INDUCED, Map.of("ids", List.copyOf(nodes.keySet())))
                    .list(r -> r.get("r").asRelationship());
            return new NeighbourhoodResponse(
                    GraphViews.node(center), depth, limit, truncated, GraphViews.graph(nodes.values(), relationships));
        });
    }

    private static List<Node> nextRing(TransactionContext tx, List<String> ring, Set<String> seen, int cap) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("ids", ring);
        parameters.put("seen", List.copyOf(new LinkedHashSet<>(seen)));
        parameters.put("cap", cap);
        return tx.run(NEXT_RING, parameters).list(r -> r.get("b").asNode());
    }
}
