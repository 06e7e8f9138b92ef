package org.mineralsupplygraph.reach;

import static org.mineralsupplygraph.reach.ReachState.BULK;

import java.util.List;
import java.util.Map;
import org.mineralsupplygraph.system.Neo4jSessions;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full build of the supply reach: deletes every tail, route and holding and writes them anew from the graph, in
 * transactions of their own; it counts the transactions it wrote so as to tell whether someone else wrote meanwhile.
 */
final class FullBuild {

    private static final Logger log = LoggerFactory.getLogger(SupplyReach.class);

    private static final String SUPPLIERS = "MATCH ()-[:OFFTAKE|INVESTS_IN]->(s:Entity) RETURN DISTINCT s.id AS id";
    private static final String BUYERS =
            "MATCH (c:Company) WHERE EXISTS { (c)-[:HEADQUARTERED_IN]->(:Country) } RETURN c.id AS id";
    private static final String DELETE_TAILS =
            "MATCH (t:SupplyReach) WITH t LIMIT $limit DELETE t RETURN count(*) AS n";
    private static final String DELETE_ROUTES =
            "MATCH (r:SupplyRoute) WITH r LIMIT $limit DELETE r RETURN count(*) AS n";
    private static final String DELETE_HOLDINGS =
            "MATCH (h:SupplyHolding) WITH h LIMIT $limit DELETE h RETURN count(*) AS n";

    /** What some statements wrote: the transactions that changed something, and the nodes they created. */
    private record Written(long transactions, long created) {

        Written plus(Written other) {
            return new Written(transactions + other.transactions, created + other.created);
        }
    }

    private final Neo4jSessions sessions;
    private final CommitMarker marker;
    private final ReachState state;

    FullBuild(Neo4jSessions sessions, CommitMarker marker, ReachState state) {
        this.sessions = sessions;
        this.marker = marker;
        this.state = state;
    }

    /** One full build; null when someone else wrote meanwhile (the reach may miss their writes). */
    SupplyReach.Outcome run() {
        long started = System.nanoTime();
        Long before = marker.last();
        List<String> suppliers;
        Written tails;
        Written routes;
        try (Session session = sessions.session()) {
            Written deleted = deleteAll(session, DELETE_TAILS)
                    .plus(deleteAll(session, DELETE_ROUTES))
                    .plus(deleteAll(session, DELETE_HOLDINGS));
            suppliers = ids(session, SUPPLIERS);
            tails = inBatches(session, ReachBatches.BUILD, "suppliers", suppliers, ReachBatches.BATCH);
            routes = buildRoutes(session);
            long ours = deleted.plus(tails).plus(routes).transactions();
            Long expected = before == null ? null : before + ours;
            Long now = marker.last();
            if (expected != null && !expected.equals(now)) {
                return null;
            }
            state.noteMineralNames();
            state.write(session, now);
        }
        SupplyReach.Outcome outcome = new SupplyReach.Outcome(
                "rebuild",
                suppliers.size(),
                tails.created(),
                routes.created(),
                (System.nanoTime() - started) / 1_000_000);
        log.info(
                "Supply reach built in {} ms: {} tails of {} suppliers, {} routes",
                outcome.millis(),
                outcome.tails(),
                suppliers.size(),
                outcome.routes());
        return outcome;
    }

    /** Writes the routes and holdings of every buyer. */
    private static Written buildRoutes(Session session) {
        List<String> buyers = ids(session, BUYERS);
        long started = System.nanoTime();
        Written routes = inBatches(session, ReachBatches.ROUTES_BUILD, "buyers", buyers, ReachBatches.ROUTE_BATCH)
                .plus(inBatches(session, ReachBatches.HOLDINGS_BUILD, "buyers", buyers, ReachBatches.ROUTE_BATCH));
        log.info(
                "Supply routes built in {} ms: {} routes and holdings of {} buyers",
                (System.nanoTime() - started) / 1_000_000,
                routes.created(),
                buyers.size());
        return routes;
    }

    private static List<String> ids(Session session, String statement) {
        return session.executeRead(tx -> tx.run(statement).list(r -> r.get("id").asString()), BULK);
    }

    /** Deletes every node a statement deletes, in transactions of 50,000. */
    private static Written deleteAll(Session session, String statement) {
        long transactions = 0;
        while (session.executeWrite(
                        tx -> tx.run(statement, Map.of("limit", 50_000))
                                .single()
                                .get("n")
                                .asLong(),
                        BULK)
                > 0) {
            transactions++;
        }
        return new Written(transactions, 0);
    }

    /** Runs a build statement over the ids in padded batches, one transaction each. */
    private static Written inBatches(Session session, String statement, String parameter, List<String> ids, int size) {
        Written written = new Written(0, 0);
        for (List<String> batch : ReachBatches.of(ids, size)) {
            int n = session.executeWrite(
                    tx -> tx.run(statement, Map.of(parameter, batch))
                            .consume()
                            .counters()
                            .nodesCreated(),
                    BULK);
            if (n > 0) {
                written = written.plus(new Written(1, n));
            }
        }
        return written;
    }
}
