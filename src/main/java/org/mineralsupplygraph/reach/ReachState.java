package org.mineralsupplygraph.reach;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.mineralsupplygraph.system.Neo4jSessions;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supply reach's bookkeeping: the {@code :SupplyReachState} node (its version and the committed transaction it was
 * written at), the transaction it is current at as this application knows it, and a digest of the minerals the routes
 * were built with.
 */
final class ReachState {

    private static final Logger log = LoggerFactory.getLogger(SupplyReach.class);

    private static final String STATE = """
            OPTIONAL MATCH (s:SupplyReachState {id: 'supply-reach'})
            RETURN s.version AS version, s.transaction AS transaction, s.builtAt AS builtAt
            """;
    private static final String WRITE_STATE = """
            MERGE (s:SupplyReachState {id: 'supply-reach'})
            SET s.version = $version, s.transaction = $transaction, s.builtAt = $builtAt,
                s.tails = COUNT { (:SupplyReach) }, s.routes = COUNT { (:SupplyRoute) },
                s.holdings = COUNT { (:SupplyHolding) }
            """;
    /**
     * The label and property names the reach writes, created up front: Neo4j commits a new name in a transaction of
     * its own, which would make the reach look older than the graph right after it was written.
     */
    private static final String TOKENS = """
            CALL db.createLabel('SupplyReach') CALL db.createLabel('SupplyReachState') CALL db.createLabel('SupplyRoute')
            CALL db.createLabel('SupplyHolding')
            WITH 1 AS one
            UNWIND ['supplier', 'end', 'country', 'basis', 'length', 'nodes', 'types', 'rels', 'products',
                    'agreements', 'startMax', 'until', 'produces', 'id', 'version', 'transaction', 'builtAt', 'tails',
                    'routes', 'elements', 'buyer', 'buyerCountry', 'mineral', 'rank', 'row', 'holding', 'stakes',
                    'missing', 'holdings'] AS key
            CALL db.createProperty(key)
            RETURN count(*) AS n
            """;
    /** Every product's and agreement's mineral, in order: what the routes' minerals were read from. */
    private static final String MINERAL_NAMES_DIGEST = """
            RETURN COLLECT { MATCH (a)-[:FORM_OF|COVERS]->(m:Mineral) RETURN a.id + '>' + m.id AS pair ORDER BY pair }
                   AS pairs
            """;

    static final TransactionConfig BULK =
            TransactionConfig.builder().withTimeout(Duration.ofHours(2)).build();

    /** What the {@code :SupplyReachState} node holds; every value is null when there is none. */
    record Stored(Value version, Value transaction, Value builtAt) {

        /** Whether it was written by this version at the given committed transaction (null: the database cannot say). */
        boolean currentAt(Long now) {
            return sameVersion() && (now == null || now == transaction.asLong());
        }

        /** Why it is not current at the given committed transaction, in a few words for the log. */
        String staleness(Long now) {
            if (version.isNull()) {
                return "missing";
            }
            if (!sameVersion()) {
                return "of version " + version.asInt() + ", not " + SupplyReach.VERSION;
            }
            return "built at transaction " + transaction.asLong() + ", the database is at " + now;
        }

        private boolean sameVersion() {
            return !version.isNull() && version.asInt() == SupplyReach.VERSION;
        }
    }

    private final Neo4jSessions sessions;
    private final CommitMarker marker;
    /** A digest of every product's and agreement's minerals (FORM_OF, COVERS) as the reach was built with them. */
    private volatile Integer mineralNames;
    /** The committed transaction the reach was last written at, or null before it was. */
    private volatile Long current;

    ReachState(Neo4jSessions sessions, CommitMarker marker) {
        this.sessions = sessions;
        this.marker = marker;
    }

    /** The committed transaction the reach was last written at, or null before it was (or after a failed rebuild). */
    Long current() {
        return current;
    }

    /** Notes the committed transaction the reach is now current at. */
    void currentAt(Long transaction) {
        current = transaction;
    }

    /** Creates the label and property names the reach writes, so that writing them commits nothing of its own. */
    void createTokens() {
        try (Session session = sessions.session()) {
            session.executeWrite(tx -> tx.run(TOKENS).consume());
        }
    }

    /** What the {@code :SupplyReachState} node holds. */
    Stored stored() {
        Record state;
        try (Session session = sessions.session()) {
            state = session.executeRead(tx -> tx.run(STATE).single());
        }
        return new Stored(state.get("version"), state.get("transaction"), state.get("builtAt"));
    }

    /** Notes the products' and agreements' minerals as the reach is now built with them. */
    void noteMineralNames() {
        mineralNames = mineralNames();
    }

    /** Whether the products' and agreements' minerals are as the reach was built with; notes them if not. */
    boolean mineralNamesUnchanged() {
        Integer now = mineralNames();
        boolean same = now.equals(mineralNames);
        mineralNames = now;
        return same;
    }

    private Integer mineralNames() {
        try (Session session = sessions.session()) {
            return session.executeRead(tx -> tx.run(MINERAL_NAMES_DIGEST)
                    .single()
                    .get("pairs")
                    .asList(Value::asString)
                    .hashCode());
        }
    }

    /**
     * Writes the state after a full build, in a transaction of its own, and notes the reach current.
     *
     * @param now the committed transaction the build ended at, or null when the database does not say
     */
    void write(Session session, Long now) {
        long transaction = now == null ? 0 : now + 1;
        session.executeWriteWithoutResult(tx -> writeIn(tx, transaction), BULK);
        Long after = marker.last();
        current = after == null ? transaction : after;
        if (after != null && after != transaction) {
            log.warn("Supply reach state written at transaction {}, expected {}", after, transaction);
        }
    }

    /** Writes the state within a transaction that is to commit as the given one. */
    void writeIn(TransactionContext tx, long transaction) {
        tx.run(
                        WRITE_STATE,
                        Map.of(
                                "version",
                                SupplyReach.VERSION,
                                "transaction",
                                transaction,
                                "builtAt",
                                Instant.now().toString()))
                .consume();
    }
}
