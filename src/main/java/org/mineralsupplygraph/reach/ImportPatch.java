package org.mineralsupplygraph.reach;

import static org.mineralsupplygraph.reach.ReachState.BULK;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mineralsupplygraph.system.CypherQueries;
import org.mineralsupplygraph.system.Neo4jSessions;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

/**
 * The patch after an import: the tails, routes and holdings that may run through the nodes a document touched are
 * deleted and written anew, with the reach's state, in one transaction.
 */
final class ImportPatch {

    private static final String AFFECTED = CypherQueries.withBounds(
            CypherQueries.load("supply-reach-affected"), Map.of("tailDepth", SupplyReach.TAIL_DEPTH));
    private static final String ROUTES_AFFECTED = CypherQueries.load("supply-routes-affected");
    private static final String SUPPLIERS_AMONG = """
            UNWIND $ids AS id
            MATCH (s:Entity {id: id}) WHERE EXISTS { ()-[:OFFTAKE|INVESTS_IN]->(s) }
            RETURN s.id AS id
            """;
    private static final String CONSORTIA_AMONG = """
            UNWIND $ids AS id
            MATCH (c:Entity {id: id}) WHERE c.kind = 'consortium'
            RETURN c.id AS id
            """;
    private static final String DELETE_TAILS_FOR =
            "UNWIND $suppliers AS s MATCH (t:SupplyReach {supplier: s}) DELETE t";
    private static final String DELETE_ROUTES_FOR = """
            UNWIND $buyers AS b
            CALL (b) { MATCH (r:SupplyRoute {buyer: b}) DELETE r }
            CALL (b) { MATCH (h:SupplyHolding {buyer: b}) DELETE h }
            """;

    /** What a patch wrote: its suppliers, the tails and routes (with holdings) it created, the nodes it deleted. */
    record Patched(int suppliers, long tails, long routes, long deleted) {

        /** Whether it wrote anything (and so the state with it). */
        boolean changed() {
            return deleted != 0 || tails != 0 || routes != 0;
        }
    }

    /** The tails written anew: their suppliers, and what was deleted and created. */
    private record Tails(Set<String> affected, int suppliers, long deleted, long created) {}

    private final Neo4jSessions sessions;
    private final ReachState state;

    ImportPatch(Neo4jSessions sessions, ReachState state) {
        this.sessions = sessions;
        this.state = state;
    }

    /**
     * Writes anew what may run through the touched nodes, and the state when anything changed, in one transaction.
     *
     * @param touched the nodes the document wrote, and both ends of every relationship it wrote other than a deal
     * @param dealers the buyers or investors of the deals it wrote
     * @param transaction the committed transaction the patch is to be (the one after the import's own)
     */
    Patched write(Collection<String> touched, Collection<String> dealers, long transaction) {
        List<String> heads = List.copyOf(new LinkedHashSet<>(dealers));
        try (Session session = sessions.session()) {
            return session.executeWrite(
                    tx -> {
                        Patched patched = patch(tx, touched, heads);
                        if (patched.changed()) {
                            state.writeIn(tx, transaction);
                        }
                        return patched;
                    },
                    BULK);
        }
    }

    private static Patched patch(TransactionContext tx, Collection<String> touched, List<String> heads) {
        // A consortium's deals are part of its tails (supply-reach-build.cypher): its deals touch them.
        Set<String> touchedAll = new LinkedHashSet<>(touched);
        touchedAll.addAll(ids(tx, CONSORTIA_AMONG, Map.of("ids", heads)));
        List<String> ids = List.copyOf(touchedAll);
        Tails tails = writeTails(tx, ids);
        // The routes whose head or tail runs through what changed: their buyers' routes are written anew.
        Set<String> around = new LinkedHashSet<>(ids);
        around.addAll(tails.affected());
        List<String> buyers = ids(tx, ROUTES_AFFECTED, Map.of("ids", List.copyOf(around), "heads", heads));
        int deletedRoutes = tx.run(DELETE_ROUTES_FOR, Map.of("buyers", buyers))
                .consume()
                .counters()
                .nodesDeleted();
        long routes = 0;
        for (List<String> batch : ReachBatches.of(buyers, ReachBatches.ROUTE_BATCH)) {
            routes += created(tx, ReachBatches.ROUTES_BUILD, Map.of("buyers", batch));
            routes += created(tx, ReachBatches.HOLDINGS_BUILD, Map.of("buyers", batch));
        }
        return new Patched(tails.suppliers(), tails.created(), routes, tails.deleted() + deletedRoutes);
    }

    /** Deletes and writes anew the tails of the suppliers whose tails may run through the touched nodes. */
    private static Tails writeTails(TransactionContext tx, List<String> touched) {
        Set<String> affected = new LinkedHashSet<>(ids(tx, AFFECTED, Map.of("touched", touched)));
        List<String> suppliers = ids(tx, SUPPLIERS_AMONG, Map.of("ids", List.copyOf(affected)));
        int deleted = tx.run(DELETE_TAILS_FOR, Map.of("suppliers", List.copyOf(affected)))
                .consume()
                .counters()
                .nodesDeleted();
        long created = 0;
        for (List<String> batch : ReachBatches.of(suppliers, ReachBatches.BATCH)) {
            created += created(tx, ReachBatches.BUILD, Map.of("suppliers", batch));
        }
        return new Tails(affected, suppliers.size(), deleted, created);
    }

    private static List<String> ids(TransactionContext tx, String statement, Map<String, Object> parameters) {
        return tx.run(statement, parameters).list(r -> r.get("id").asString());
    }

    private static int created(TransactionContext tx, String statement, Map<String, Object> parameters) {
        return tx.run(statement, parameters).consume().counters().nodesCreated();
    }
}
