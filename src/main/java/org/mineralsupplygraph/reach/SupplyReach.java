package org.mineralsupplygraph.reach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.mineralsupplygraph.system.CypherQueries;
import org.mineralsupplygraph.system.Neo4jSessions;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supply reach: every tail of a supply path written down as a {@code :SupplyReach} node
 * ({@code cypher/queries/supply-reach-build.cypher}), so that a country-wide question reads tails by index instead of
 * walking them (ADR 10). It is kept correct three ways:
 *
 * <ul>
 *   <li>the importer tells it which nodes a document wrote or linked; the tails that could run through them are
 *       written anew in one transaction ({@link #afterImport}); a document too large for that gets a full rebuild;
 *   <li>at start-up it is built when missing, of another version, or older than the database's last committed
 *       transaction;
 *   <li>every question first {@link #read reads} its state: when the database's last committed transaction is not the
 *       one the reach was written at (an analyst edited the graph in Neo4j Browser, another program wrote), the reach is
 *       rebuilt in the background and, meanwhile, questions walk the graph as before: slower, never wrong.
 * </ul>
 */
public class SupplyReach {

    private static final Logger log = LoggerFactory.getLogger(SupplyReach.class);

    /** Raised when what a :SupplyReach node holds changes meaning; a reach of another version is rebuilt. */
    public static final int VERSION = 4;

    /** Tails of up to 7 hops: a path has at most 8 (maxDepth), one of which is the deal. */
    public static final int TAIL_DEPTH = 7;

    /** Suppliers per build statement; every statement gets exactly this many ids (padded), so one plan serves all. */
    static final int BATCH = 10_000;

    /** Buyers per route build statement (padded as the suppliers are): their routes are ordered in one statement. */
    static final int ROUTE_BATCH = 1_000;

    /**
     * Relationship types whose writing changes which mineral a route is about anywhere (a product's mineral, an
     * agreement's): an import that writes one has the reach rebuilt in the background.
     */
    static final Set<String> MINERAL_NAMES = Set.of("FORM_OF", "COVERS");

    /** More touched nodes than this, and the whole reach is rebuilt (in the background) rather than patched. */
    static final int INCREMENTAL_MAX_TOUCHED = 20_000;

    private static final String PAD = "\u0000none";

    private static final String BUILD =
            CypherQueries.withBounds(CypherQueries.load("supply-reach-build"), Map.of("tailDepth", TAIL_DEPTH));
    private static final String AFFECTED =
            CypherQueries.withBounds(CypherQueries.load("supply-reach-affected"), Map.of("tailDepth", TAIL_DEPTH));
    private static final String ROUTES_BUILD = CypherQueries.load("supply-routes-build");
    private static final String HOLDINGS_BUILD = CypherQueries.load("supply-holdings-build");
    private static final String ROUTES_AFFECTED = CypherQueries.load("supply-routes-affected");
    /** Every product's and agreement's mineral, in order: what the routes' minerals were read from. */
    private static final String MINERAL_NAMES_DIGEST = """
            RETURN COLLECT { MATCH (a)-[:FORM_OF|COVERS]->(m:Mineral) RETURN a.id + '>' + m.id AS pair ORDER BY pair }
                   AS pairs
            """;

    private static final String BUYERS =
            "MATCH (c:Company) WHERE EXISTS { (c)-[:HEADQUARTERED_IN]->(:Country) } RETURN c.id AS id";
    private static final String DELETE_ROUTES =
            "MATCH (r:SupplyRoute) WITH r LIMIT $limit DELETE r RETURN count(*) AS n";
    private static final String DELETE_HOLDINGS =
            "MATCH (h:SupplyHolding) WITH h LIMIT $limit DELETE h RETURN count(*) AS n";
    private static final String DELETE_ROUTES_FOR = """
            UNWIND $buyers AS b
            CALL (b) { MATCH (r:SupplyRoute {buyer: b}) DELETE r }
            CALL (b) { MATCH (h:SupplyHolding {buyer: b}) DELETE h }
            """;
    private static final String SUPPLIERS = "MATCH ()-[:OFFTAKE|INVESTS_IN]->(s:Entity) RETURN DISTINCT s.id AS id";
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
    private static final String DELETE_SOME = "MATCH (t:SupplyReach) WITH t LIMIT $limit DELETE t RETURN count(*) AS n";
    private static final String DELETE_FOR = "UNWIND $suppliers AS s MATCH (t:SupplyReach {supplier: s}) DELETE t";
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

    private static final TransactionConfig BULK =
            TransactionConfig.builder().withTimeout(Duration.ofHours(2)).build();

    /** How a question may use the reach. */
    public enum Reading {
        /** Written at the database's last committed transaction: use it. */
        CURRENT(true, null),
        /** The database cannot say whether others wrote since; use it, and say so. */
        UNVERIFIED(
                true,
                "The database does not report its last committed transaction, so writes made outside this"
                        + " application are not detected; after such writes, rebuild the supply reach"
                        + " (POST /api/supply-reach/rebuild)."),
        /** Being written after an import: answered by walking the graph. */
        UPDATING(false, "The supply reach is being updated after an import; this answer walked the graph instead."),
        /** Switched off (supplygraph.supply-reach.enabled=false): every question walks the graph. */
        DISABLED(
                false,
                "The supply reach is switched off (supplygraph.supply-reach.enabled=false); this answer"
                        + " walked the graph."),
        /** Older than the graph: being rebuilt; answered by walking the graph. */
        REBUILDING(
                false,
                "The graph changed outside the importer (or the supply reach is being built); the supply"
                        + " reach is being rebuilt and this answer walked the graph instead.");

        private final boolean usable;
        private final String note;

        Reading(boolean usable, String note) {
            this.usable = usable;
            this.note = note;
        }

        /** Whether the :SupplyReach nodes give the right answers. */
        public boolean usable() {
            return usable;
        }

        /** What an answer should say about how it was made, or null. */
        public String note() {
            return note;
        }

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a build or an update did. */
    public record Outcome(String kind, int suppliers, long tails, long routes, long millis) {}

    private final Neo4jSessions sessions;
    private final CommitMarker marker;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "supply-reach");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean building = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicInteger importing = new AtomicInteger();
    private final Object writes = new Object();
    private volatile boolean started;
    private volatile boolean enabled = true;
    /** A digest of every product's and agreement's minerals (FORM_OF, COVERS) as the reach was built with them. */
    private volatile Integer mineralNames;
    /** The committed transaction the reach was last written at, or null before it was. */
    private volatile Long current;

    private volatile Outcome last;
    /** The committed transaction when the running import started. */
    private volatile Long atImportStart;

    public SupplyReach(Neo4jSessions sessions, CommitMarker marker) {
        this.sessions = sessions;
        this.marker = marker;
    }

    /** At start-up: builds the reach unless it is there, of this version and current. Once only. */
    public void start() {
        start(true);
    }

    /**
     * At start-up, before the data sets are loaded: takes the reach as it is when it is there, of this version and
     * current (what loading the data sets then writes is patched in like any import's), and returns true; otherwise
     * leaves it to {@link #start()} once they are loaded (one build with them in, rather than one before and one after
     * they name new minerals) and returns false.
     */
    public boolean startIfCurrent() {
        return start(false);
    }

    private boolean start(boolean build) {
        synchronized (writes) {
            if (started) {
                return true;
            }
            try (Session session = sessions.session()) {
                session.executeWrite(tx -> tx.run(TOKENS).consume());
            }
            Long now = marker.last();
            Record state;
            try (Session session = sessions.session()) {
                state = session.executeRead(tx -> tx.run(STATE).single());
            }
            boolean present = !state.get("version").isNull();
            boolean sameVersion = present && state.get("version").asInt() == VERSION;
            boolean fresh = sameVersion
                    && (now == null || now == state.get("transaction").asLong());
            if (fresh) {
                current = now == null ? state.get("transaction").asLong() : now;
                mineralNames = mineralNames();
                log.info(
                        "Supply reach current (built {}, at transaction {})",
                        state.get("builtAt").asString(""),
                        state.get("transaction").asLong());
            } else {
                String why = !present
                        ? "missing"
                        : !sameVersion
                                ? "of version " + state.get("version").asInt() + ", not " + VERSION
                                : "built at transaction "
                                        + state.get("transaction").asLong() + ", the database is at " + now;
                if (!build) {
                    log.info("Supply reach {}: it is built once the data sets are loaded", why);
                    return false;
                }
                log.info("Supply reach {}: building it", why);
                rebuildNow();
            }
            started = true;
            return true;
        }
    }

    /**
     * The transaction the reach was written at, when it is current: a key for answers made from it, which hold as long
     * as it does. Null when the reach is not current or the database does not say.
     */
    public Long writtenAt() {
        Long at = current;
        return read() == Reading.CURRENT ? at : null;
    }

    /** The state a question finds the reach in; a reach found older than the graph is rebuilt in the background. */
    public Reading read() {
        if (!enabled) {
            return Reading.DISABLED;
        }
        if (!started || building.get()) {
            return Reading.REBUILDING;
        }
        Long now = marker.last();
        if (now == null) {
            return Reading.UNVERIFIED;
        }
        if (now.equals(current)) {
            return Reading.CURRENT;
        }
        if (importing.get() > 0) {
            return Reading.UPDATING;
        }
        scheduleRebuild("the database is at transaction " + now + ", the supply reach was written at " + current);
        return Reading.REBUILDING;
    }

    /**
     * Switches the reach's use on or off: off, every question walks the graph (the reach is still kept up to date).
     * For operators who distrust it, and for measuring it against the walk in one run.
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The last build's or update's figures, or null. */
    public Outcome lastOutcome() {
        return last;
    }

    /** Called by the importer before it writes (imports run one at a time). */
    public void beforeImport() {
        importing.incrementAndGet();
        atImportStart = marker.last();
    }

    /**
     * Called by the importer once a document is written (or failed): the tails that may run through the touched nodes
     * are written anew, in one transaction, when they are few; otherwise the whole reach is rebuilt in the background.
     *
     * @param touched ids of the nodes the document wrote, and of both ends of every relationship it wrote other than
     *     a deal
     * @param dealers the buyers or investors of the deals (OFFTAKE, INVESTS_IN) it wrote: a deal is the head of its
     *     dealer's routes, and part of a tail only when the dealer is a consortium
     * @param types the types of the relationships it wrote
     * @param complete false when more nodes were touched than were collected
     */
    public void afterImport(
            Collection<String> touched, Collection<String> dealers, Set<String> types, boolean complete) {
        try {
            if (!started) {
                return;
            }
            boolean renamed;
            synchronized (writes) {
                Long now = marker.last();
                if (now != null && now.equals(atImportStart) && now.equals(current)) {
                    return; // the import changed nothing
                }
                // Which minerals products and agreements are about changes the routes anywhere: rebuilt whole.
                renamed = types.stream().anyMatch(MINERAL_NAMES::contains) && !mineralNamesUnchanged();
                if (now != null
                        && !building.get()
                        && !scheduled.get()
                        && current != null
                        && complete
                        && touched.size() + dealers.size() <= INCREMENTAL_MAX_TOUCHED
                        && !renamed) {
                    update(touched, dealers, now);
                    return;
                }
            }
            scheduleRebuild(
                    renamed
                            ? "an import changed which minerals products or agreements are about"
                            : complete
                                    ? touched.size() + dealers.size() + " nodes touched by an import"
                                    : "a large import");

        } finally {
            importing.decrementAndGet();
        }
    }

    /** Whether the products' and agreements' minerals are as the reach was built with; notes them if not. */
    private boolean mineralNamesUnchanged() {
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

    /** Rebuilds the whole reach in the background; returns at once. */
    public void scheduleRebuild(String why) {
        if (scheduled.compareAndSet(false, true)) {
            building.set(true);
            log.info("Supply reach stale ({}): rebuilding it in the background", why);
            background.execute(() -> {
                try {
                    synchronized (writes) {
                        scheduled.set(false);
                        rebuildNow();
                    }
                } catch (RuntimeException e) {
                    if (background.isShutdown()) {
                        log.info("Supply reach rebuild stopped: the application is closing; it is rebuilt at the next"
                                + " start");
                    } else {
                        log.warn(
                                "Supply reach rebuild failed ({}); questions walk the graph until it is rebuilt",
                                e.getMessage());
                    }
                    current = null;
                } finally {
                    building.set(scheduled.get());
                }
            });
        }
    }

    /** Waits for a background rebuild, for tests and tools. */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (building.get() || scheduled.get()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }

    /** Rebuilds the whole reach now, in the calling thread. */
    public Outcome rebuildNow() {
        synchronized (writes) {
            building.set(true);
            try {
                for (int attempt = 1; ; attempt++) {
                    Outcome outcome = buildAll();
                    if (outcome != null || attempt == 3) {
                        return outcome;
                    }
                    log.info("The graph was written while the supply reach was built; building it again");
                }
            } finally {
                building.set(scheduled.get());
            }
        }
    }

    /** One full build; null when someone else wrote meanwhile (the reach may miss their writes). */
    private Outcome buildAll() {
        long started = System.nanoTime();
        Long before = marker.last();
        long[] ours = {0};
        List<String> suppliers;
        long tails;
        long routes;
        try (Session session = sessions.session()) {
            ours[0] += deleteAll(session, DELETE_SOME)
                    + deleteAll(session, DELETE_ROUTES)
                    + deleteAll(session, DELETE_HOLDINGS);
            suppliers = session.executeRead(
                    tx -> tx.run(SUPPLIERS).list(r -> r.get("id").asString()), BULK);
            tails = inBatches(session, BUILD, "suppliers", suppliers, BATCH, ours);
            List<String> buyers = session.executeRead(
                    tx -> tx.run(BUYERS).list(r -> r.get("id").asString()), BULK);
            long tailsDone = System.nanoTime();
            routes = inBatches(session, ROUTES_BUILD, "buyers", buyers, ROUTE_BATCH, ours)
                    + inBatches(session, HOLDINGS_BUILD, "buyers", buyers, ROUTE_BATCH, ours);
            log.info(
                    "Supply routes built in {} ms: {} routes and holdings of {} buyers",
                    (System.nanoTime() - tailsDone) / 1_000_000,
                    routes,
                    buyers.size());
            Long expected = before == null ? null : before + ours[0];
            Long now = marker.last();
            if (expected != null && !expected.equals(now)) {
                return null;
            }
            mineralNames = session.executeRead(tx -> tx.run(MINERAL_NAMES_DIGEST)
                    .single()
                    .get("pairs")
                    .asList(Value::asString)
                    .hashCode());
            writeState(session, now);
        }
        last = new Outcome("rebuild", suppliers.size(), tails, routes, (System.nanoTime() - started) / 1_000_000);
        log.info(
                "Supply reach built in {} ms: {} tails of {} suppliers, {} routes",
                last.millis(),
                tails,
                suppliers.size(),
                routes);
        return last;
    }

    /** Deletes every node a statement deletes, in transactions of 50,000; returns how many transactions wrote. */
    private static long deleteAll(Session session, String statement) {
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
        return transactions;
    }

    /**
     * Runs a build statement over the ids in padded batches, one transaction each; counts the transactions that wrote
     * in {@code transactions} and returns the nodes created.
     */
    private static long inBatches(
            Session session, String statement, String parameter, List<String> ids, int size, long[] transactions) {
        long created = 0;
        for (int from = 0; from < ids.size(); from += size) {
            List<String> batch = padded(ids.subList(from, Math.min(ids.size(), from + size)), size);
            int n = session.executeWrite(
                    tx -> tx.run(statement, Map.of(parameter, batch))
                            .consume()
                            .counters()
                            .nodesCreated(),
                    BULK);
            if (n > 0) {
                transactions[0]++;
                created += n;
            }
        }
        return created;
    }

    /**
     * Writes anew the tails of the suppliers whose tails may run through the touched nodes, in one transaction.
     *
     * @param before the committed transaction after the import's own
     */
    private void update(Collection<String> touched, Collection<String> dealers, long before) {
        long started = System.nanoTime();
        if (current == null || atImportStart == null || current < atImportStart) {
            // Someone else wrote before this import: patching would keep their changes out of the reach. (A rebuild
            // that ended after the import began, current > atImportStart, read the graph as it was then: patched.)
            scheduleRebuild("the graph was written outside the importer before this import");
            return;
        }
        List<String> heads = List.copyOf(new LinkedHashSet<>(dealers));
        long[] counts = new long[3];
        try (Session session = sessions.session()) {
            Boolean changed = session.executeWrite(
                    tx -> {
                        // A consortium's deals are part of its tails (supply-reach-build.cypher): its deals touch them.
                        Set<String> touchedAll = new LinkedHashSet<>(touched);
                        touchedAll.addAll(tx.run(CONSORTIA_AMONG, Map.of("ids", heads))
                                .list(r -> r.get("id").asString()));
                        List<String> ids = List.copyOf(touchedAll);
                        Set<String> affected = new LinkedHashSet<>(tx.run(AFFECTED, Map.of("touched", ids))
                                .list(r -> r.get("id").asString()));
                        List<String> suppliers = tx.run(SUPPLIERS_AMONG, Map.of("ids", List.copyOf(affected)))
                                .list(r -> r.get("id").asString());
                        int deleted = tx.run(DELETE_FOR, Map.of("suppliers", List.copyOf(affected)))
                                .consume()
                                .counters()
                                .nodesDeleted();
                        long created = 0;
                        for (int from = 0; from < suppliers.size(); from += BATCH) {
                            List<String> batch =
                                    padded(suppliers.subList(from, Math.min(suppliers.size(), from + BATCH)), BATCH);
                            created += tx.run(BUILD, Map.of("suppliers", batch))
                                    .consume()
                                    .counters()
                                    .nodesCreated();
                        }
                        // The routes whose head or tail runs through what changed: their buyers' routes are written
                        // anew.
                        Set<String> around = new LinkedHashSet<>(ids);
                        around.addAll(affected);
                        List<String> buyers = tx.run(
                                        ROUTES_AFFECTED, Map.of("ids", List.copyOf(around), "heads", heads))
                                .list(r -> r.get("id").asString());
                        deleted += tx.run(DELETE_ROUTES_FOR, Map.of("buyers", buyers))
                                .consume()
                                .counters()
                                .nodesDeleted();
                        long routes = 0;
                        for (int from = 0; from < buyers.size(); from += ROUTE_BATCH) {
                            List<String> batch = padded(
                                    buyers.subList(from, Math.min(buyers.size(), from + ROUTE_BATCH)), ROUTE_BATCH);
                            routes += tx.run(ROUTES_BUILD, Map.of("buyers", batch))
                                    .consume()
                                    .counters()
                                    .nodesCreated();
                            routes += tx.run(HOLDINGS_BUILD, Map.of("buyers", batch))
                                    .consume()
                                    .counters()
                                    .nodesCreated();
                        }
                        counts[0] = suppliers.size();
                        counts[1] = created;
                        counts[2] = routes;
                        if (deleted == 0 && created == 0 && routes == 0) {
                            return false;
                        }
                        tx.run(
                                        WRITE_STATE,
                                        Map.of(
                                                "version",
                                                VERSION,
                                                "transaction",
                                                before + 1,
                                                "builtAt",
                                                Instant.now().toString()))
                                .consume();
                        return true;
                    },
                    BULK);
            Long now = marker.last();
            if (changed && now != null && now != before + 1) {
                scheduleRebuild("the graph was written while the supply reach was updated");
                return;
            }
            current = now;
        }
        last = new Outcome("update", (int) counts[0], counts[1], counts[2], (System.nanoTime() - started) / 1_000_000);
        log.debug(
                "Supply reach updated in {} ms: {} tails of {} suppliers, {} routes",
                last.millis(),
                counts[1],
                counts[0],
                counts[2]);
    }

    private void writeState(Session session, Long now) {
        long transaction = now == null ? 0 : now + 1;
        session.executeWrite(
                tx -> tx.run(
                                WRITE_STATE,
                                Map.of(
                                        "version",
                                        VERSION,
                                        "transaction",
                                        transaction,
                                        "builtAt",
                                        Instant.now().toString()))
                        .consume(),
                BULK);
        Long after = marker.last();
        current = after == null ? transaction : after;
        if (after != null && after != transaction) {
            log.warn("Supply reach state written at transaction {}, expected {}", after, transaction);
        }
    }

    private static List<String> padded(List<String> ids, int size) {
        List<String> batch = new ArrayList<>(size);
        batch.addAll(ids);
        while (batch.size() < size) {

            batch.add(PAD);
        }
        return batch;
    }

    /** Stops the background rebuild thread. */
    public void close() {
        background.shutdownNow();
    }
}
