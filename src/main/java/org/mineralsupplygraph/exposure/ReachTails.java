package org.mineralsupplygraph.exposure;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mineralsupplygraph.system.CypherQueries;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Relationship;

/**
 * The hops of the supply reach tails that found dependencies name, read from the graph in one query
 * ({@code cypher/queries/supply-reach-evidence.cypher}): what completes a dependency's path after its head.
 */
final class ReachTails {

    private static final String EVIDENCE = CypherQueries.load("supply-reach-evidence");

    /** A tail's nodes after the supplier, and its relationships. */
    private record Tail(List<Node> nodes, List<Relationship> relationships) {}

    /** Every distinct tail of length > 0 that could be read, by {@link #key}. */
    private final Map<String, Tail> tails;

    private ReachTails(Map<String, Tail> tails) {
        this.tails = tails;
    }

    /** The tails of the found dependencies. */
    static ReachTails read(TransactionContext tx, List<Found> found) {
        Map<String, Map<String, Object>> wanted = new LinkedHashMap<>();
        for (Found f : found) {
            if (f.tailRels != null && !f.tailRels.isEmpty()) {
                wanted.putIfAbsent(key(f), Map.of("nodes", f.tailNodes, "types", f.tailTypes, "rels", f.tailRels));
            }
        }
        Map<String, Tail> read = new HashMap<>();
        if (wanted.isEmpty()) {
            return new ReachTails(read);
        }
        List<String> keys = List.copyOf(wanted.keySet());
        List<Map<String, Object>> list = List.copyOf(wanted.values());
        Map<String, Node[]> nodes = new HashMap<>();
        Map<String, Relationship[]> rels = new HashMap<>();
        tx.run(EVIDENCE, Map.of("tails", list)).forEachRemaining(row -> {
            int i = row.get("tailIndex").asInt();
            int hop = row.get("hop").asInt();
            String key = keys.get(i);
            int size = ((List<?>) list.get(i).get("rels")).size();
            nodes.computeIfAbsent(key, k -> new Node[size])[hop] = row.get("b").asNode();
            rels.computeIfAbsent(key, k -> new Relationship[size])[hop] =
                    row.get("r").asRelationship();
        });
        for (String key : keys) {
            Node[] n = nodes.get(key);
            Relationship[] r = rels.get(key);
            if (n == null || Arrays.asList(n).contains(null) || Arrays.asList(r).contains(null)) {
                // The graph no longer holds a hop the reach names: it changed under the reach; the reach is rebuilt
                // by the next question that looks (SupplyReach.read), this one keeps the tail it could read.
                continue;
            }
            read.put(key, new Tail(List.of(n), List.of(r)));
        }
        return new ReachTails(read);
    }

    /** Adds a found dependency's tail to its head's nodes and relationships (nothing when it could not be read). */
    void addTo(Found f, List<Node> nodes, List<Relationship> relationships) {
        Tail tail = f.tailRels.isEmpty() ? null : tails.get(key(f));
        if (tail != null) {
            nodes.addAll(tail.nodes());
            relationships.addAll(tail.relationships());
        }
    }

    private static String key(Found f) {
        return String.join("\u0001", f.tailRels) + "\u0002" + String.join("\u0001", f.tailNodes);
    }
}
