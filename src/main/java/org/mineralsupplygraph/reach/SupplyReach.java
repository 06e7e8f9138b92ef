package org.mineralsupplygraph.reach;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.mineralsupplygraph.system.Neo4jSessions;
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

    /**
     * Relationship types whose writing changes which mineral a route is about anywhere (a product's mineral, an
     * agreement's): an import that writes one has the reach rebuilt in the background.
     */
    static final Set<String> MINERAL_NAMES = Set.of("FORM_OF", "COVERS");

    /** More touched nodes than this, and the whole reach is rebuilt (in the background) rather than patched. */
    static final int INCREMENTAL_MAX_TOUCHED = 20_000;

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

    private final CommitMarker marker;
    private final ReachState state;
    private final FullBuild fullBuild;
    private final ImportPatch patch;
    private final BackgroundRebuild rebuilds;
    private final AtomicInteger importing = new AtomicInteger();
    /** Held by every write to the reach: start, full builds, patches. */
    private final Object writes = new Object();

    private volatile boolean started;
    private volatile boolean enabled = true;
    private volatile Outcome last;
    /** The committed transaction when the running import started. */
    private volatile Long atImportStart;

    public SupplyReach(Neo4jSessions sessions, CommitMarker marker) {
        this.marker = marker;
        this.state = new ReachState(sessions, marker);
        this.fullBuild = new FullBuild(sessions, marker, state);
        this.patch = new ImportPatch(sessions, state);
        this.rebuilds = new BackgroundRebuild(writes, this::rebuildNow, () -> state.currentAt(null));
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
            state.createTokens();
            Long now = marker.last();
            ReachState.Stored stored = state.stored();
            if (stored.currentAt(now)) {
                state.currentAt(now == null ? stored.transaction().asLong() : now);
                state.noteMineralNames();
                log.info(
                        "Supply reach current (built {}, at transaction {})",
                        stored.builtAt().asString(""),
                        stored.transaction().asLong());
            } else if (build) {
                log.info("Supply reach {}: building it", stored.staleness(now));
                rebuildNow();
            } else {
                log.info("Supply reach {}: it is built once the data sets are loaded", stored.staleness(now));
                return false;
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
        Long at = state.current();
        return read() == Reading.CURRENT ? at : null;
    }

    /** The state a question finds the reach in; a reach found older than the graph is rebuilt in the background. */
    public Reading read() {
        if (!enabled) {
            return Reading.DISABLED;
        }
        if (!started || rebuilds.building()) {
            return Reading.REBUILDING;
        }
        Long now = marker.last();
        if (now == null) {
            return Reading.UNVERIFIED;
        }
        Long current = state.current();
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
                if (now != null && now.equals(atImportStart) && now.equals(state.current())) {
                    return; // the import changed nothing
                }
                // Which minerals products and agreements are about changes the routes anywhere: rebuilt whole.
                renamed = types.stream().anyMatch(MINERAL_NAMES::contains) && !state.mineralNamesUnchanged();
                if (now != null
                        && !rebuilds.busy()
                        && state.current() != null
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

    /** Rebuilds the whole reach in the background; returns at once. */
    public void scheduleRebuild(String why) {
        rebuilds.schedule(why);
    }

    /** Waits for a background rebuild, for tests and tools. */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        return rebuilds.awaitIdle(limit);
    }

    /** Rebuilds the whole reach now, in the calling thread. */
    public Outcome rebuildNow() {
        return rebuilds.now(() -> {
            for (int attempt = 1; ; attempt++) {
                Outcome outcome = fullBuild.run();
                if (outcome != null) {
                    last = outcome;
                }
                if (outcome != null || attempt == 3) {
                    return outcome;
                }
                log.info("The graph was written while the supply reach was built; building it again");
            }
        });
    }

    /**
     * Writes anew the tails and routes that may run through the touched nodes, in one transaction.
     *
     * @param before the committed transaction after the import's own
     */
    private void update(Collection<String> touched, Collection<String> dealers, long before) {
        long started = System.nanoTime();
        Long current = state.current();
        if (current == null || atImportStart == null || current < atImportStart) {
            // Someone else wrote before this import: patching would keep their changes out of the reach. (A rebuild
            // that ended after the import began, current > atImportStart, read the graph as it was then: patched.)
            scheduleRebuild("the graph was written outside the importer before this import");
            return;
        }
        ImportPatch.Patched patched = patch.write(touched, dealers, before + 1);
        Long now = marker.last();
        if (patched.changed() && now != null && now != before + 1) {
            scheduleRebuild("the graph was written while the supply reach was updated");
            return;
        }
        state.currentAt(now);
        last = new Outcome(
                "update",
                patched.suppliers(),
                patched.tails(),
                patched.routes(),
                (System.nanoTime() - started) / 1_000_000);
        log.debug(
                "Supply reach updated in {} ms: {} tails of {} suppliers, {} routes",
                last.millis(),
                patched.tails(),
                patched.suppliers(),
                patched.routes());
    }

    /** Stops the background rebuild thread. */
    public void close() {
        rebuilds.close();
    }
}
