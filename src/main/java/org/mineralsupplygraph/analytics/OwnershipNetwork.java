package org.mineralsupplygraph.analytics;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mineralsupplygraph.analytics.OwnershipResponse.Control;
import org.mineralsupplygraph.analytics.OwnershipResponse.OwnershipPath;
import org.mineralsupplygraph.analytics.OwnershipResponse.Stake;
import org.mineralsupplygraph.analytics.OwnershipService.Link;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;
import org.mineralsupplygraph.system.CypherQueries;
import org.mineralsupplygraph.system.UnprocessableException;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Relationship;

/**
 * The ownership network around a node, as {@link OwnershipService} computes on it. Read in one bounded breadth-first
 * query (cypher/queries/ownership-network.cypher, APOC's subgraphAll) as text rows, the nodes by id and name and the
 * links with what the computation weighs; the properties of what an answer shows are read afterwards
 * ({@link #complete}). Where the database has no APOC (an external server without the plugin), one query per level
 * (ownership-holdings.cypher, ownership-owners.cypher) reads it with every property.
 *
 * @param nodes the nodes by id: the subject first
 * @param links the links, owner to owned
 * @param elements each link's relationship by its element id, for {@link #complete}; null when read by level
 */
record OwnershipNetwork(Map<String, NodeView> nodes, List<Link> links, Map<RelationshipView, String> elements) {

    private static final String NETWORK = CypherQueries.load("ownership-network");

    private static final String HOLDINGS = CypherQueries.load("ownership-holdings");

    private static final String OWNERS = CypherQueries.load("ownership-owners");

    private static final String HAS_APOC =
            "SHOW PROCEDURES YIELD name WHERE name = 'apoc.path.subgraphAll' RETURN count(*) > 0 AS has";

    private static final String RELATIONSHIPS = """
            UNWIND $ids AS id
            MATCH (a)-[r]->(b) WHERE elementId(r) = id
            RETURN id, r
            """;

    private static final String NODES = "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n";

    /** Whether the database has APOC's breadth-first expansion (asked once). */
    static boolean apoc(TransactionContext tx) {
        return tx.run(HAS_APOC).single().get("has").asBoolean();
    }

    /** The network around the subject in one query (APOC). */
    static OwnershipNetwork read(TransactionContext tx, NodeView subject, boolean holdings) {
        Record row = tx.run(
                        NETWORK,
                        Map.of(
                                "id",
                                subject.id(),
                                "limit",
                                OwnershipService.MAX_NODES + 1,
                                "filter",
                                holdings ? "INVESTS_IN>|OWNS>|<SUBSIDIARY_OF" : "<INVESTS_IN|<OWNS|SUBSIDIARY_OF>"))
                .single();
        Map<String, NodeView> nodes = new LinkedHashMap<>();
        nodes.put(subject.id(), subject);
        for (Value v : row.get("nodes").values()) {
            String[] node = v.asString().split("\t", -1);
            nodes.putIfAbsent(node[0], new NodeView(node[0], List.of(), node[1], Map.of()));
        }
        if (nodes.size() > OwnershipService.MAX_NODES) {
            throw tooLarge(subject.id(), holdings);
        }
        List<Link> links = new ArrayList<>();
        Map<RelationshipView, String> elements = new IdentityHashMap<>();
        for (Value v : row.get("links").values()) {
            String[] r = v.asString().split("\t", -1);
            Map<String, Object> properties = new TreeMap<>();
            properties.put("id", r[3]);
            if (!r[4].isEmpty()) {
                properties.put("source", r[4]);
            }
            if (!r[5].isEmpty()) {
                properties.put("stakePct", number(r[5]));
            }
            RelationshipView relationship = new RelationshipView(r[0], r[1], r[2], properties);
            elements.put(relationship, r[6]);
            // SUBSIDIARY_OF points from the held company to its parent: the parent is the owner.
            boolean up = "SUBSIDIARY_OF".equals(r[0]);
            links.add(new Link(up ? r[2] : r[1], up ? r[1] : r[2], relationship));
        }
        return new OwnershipNetwork(nodes, links, elements);
    }

    /** A stake as the graph holds it: a number, else the text (which the computation does not count). */
    private static Object number(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** The network around the subject, one query per level, every property read (where there is no APOC). */
    static OwnershipNetwork byLevel(TransactionContext tx, NodeView subject, boolean holdings) {
        Map<String, NodeView> nodes = new LinkedHashMap<>();
        nodes.put(subject.id(), subject);
        List<Link> links = new ArrayList<>();
        List<String> frontier = List.of(subject.id());
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (Record row : tx.run(holdings ? HOLDINGS : OWNERS, Map.of(holdings ? "owners" : "owned", frontier))
                    .list()) {
                NodeView owner = GraphViews.node(row.get("owner"));
                NodeView owned = GraphViews.node(row.get("owned"));
                Relationship r = row.get("r").asRelationship();
                boolean up = "SUBSIDIARY_OF".equals(r.type());
                links.add(new Link(
                        owner.id(),
                        owned.id(),
                        GraphViews.relationship(r, up ? owned.id() : owner.id(), up ? owner.id() : owned.id())));
                NodeView far = holdings ? owned : owner;
                if (nodes.putIfAbsent(far.id(), far) == null) {
                    next.add(far.id());
                }
            }
            if (nodes.size() > OwnershipService.MAX_NODES) {
                throw tooLarge(subject.id(), holdings);
            }
            frontier = next;
        }
        return new OwnershipNetwork(nodes, links, null);
    }

    private static UnprocessableException tooLarge(String id, boolean holdings) {
        return new UnprocessableException(
                "id",
                id,
                "The ownership network " + (holdings ? "below" : "above")
                        + " '" + id + "' has more than " + OwnershipService.MAX_NODES
                        + " nodes; the effective stakes are"
                        + " computed for networks up to that size.");
    }

    /** The answer with the properties of the nodes and relationships it shows, read from the graph. */
    OwnershipResponse complete(TransactionContext tx, OwnershipResponse answer) {
        if (elements == null) {
            return answer;
        }
        Set<String> nodeIds = new LinkedHashSet<>();
        Set<String> relIds = new LinkedHashSet<>();
        nodeIds.add(answer.subject().id());
        for (Stake s : answer.stakes()) {
            nodeIds.add(s.node().id());
            s.paths().forEach(p -> p.relationships().forEach(r -> relIds.add(elements.get(r))));
        }
        for (Control c : answer.control()) {
            nodeIds.add(c.controller().id());
            nodeIds.add(c.controlled().id());
        }
        answer.unquantified().forEach(r -> relIds.add(elements.get(r)));
        answer.otherAccounts().forEach(r -> relIds.add(elements.get(r)));
        relIds.remove(null);
        Map<String, NodeView> full = new LinkedHashMap<>();
        tx.run(NODES, Map.of("ids", List.copyOf(nodeIds))).forEachRemaining(r -> {
            NodeView n = GraphViews.node(r.get("n"));
            full.put(n.id(), n);
        });
        Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
        tx.run(RELATIONSHIPS, Map.of("ids", List.copyOf(relIds)))
                .forEachRemaining(r -> properties.put(
                        r.get("id").asString(),
                        new TreeMap<>(r.get("r").asRelationship().asMap())));
        List<Stake> stakes = answer.stakes().stream()
                .map(s -> new Stake(
                        node(full, s.node()),
                        s.directPct(),
                        s.effectivePct(),
                        s.pathSumPct(),
                        s.paths().stream()
                                .map(p -> new OwnershipPath(
                                        p.pct(), p.nodes(), relationships(p.relationships(), properties)))
                                .toList()))
                .toList();
        List<Control> control = answer.control().stream()
                .map(c -> new Control(
                        node(full, c.controller()), node(full, c.controlled()), c.votesPct(), c.through(), c.basis()))
                .toList();
        return new OwnershipResponse(
                node(full, answer.subject()),
                answer.direction(),
                answer.method(),
                stakes,
                answer.stakeCount(),
                control,
                relationships(answer.unquantified(), properties),
                relationships(answer.otherAccounts(), properties),
                answer.notes());
    }

    private static NodeView node(Map<String, NodeView> full, NodeView node) {
        return full.getOrDefault(node.id(), node);
    }

    private List<RelationshipView> relationships(
            List<RelationshipView> light, Map<String, Map<String, Object>> properties) {
        return light.stream()
                .map(r -> {
                    Map<String, Object> read = properties.get(elements.get(r));
                    return read == null ? r : new RelationshipView(r.type(), r.from(), r.to(), read);
                })
                .toList();
    }
}
