package org.mineralsupplygraph.reach;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mineralsupplygraph.system.CypherQueries;

/**
 * The statements that write the reach for a batch of ids (tails for suppliers, routes and holdings for buyers), the
 * batch sizes they run in, and the padding that gives every statement exactly that many ids, so that one plan serves
 * all: shared by the full build and the patch after an import.
 */
final class ReachBatches {

    /** Suppliers per build statement; every statement gets exactly this many ids (padded), so one plan serves all. */
    static final int BATCH = 10_000;

    /** Buyers per route build statement (padded as the suppliers are): their routes are ordered in one statement. */
    static final int ROUTE_BATCH = 1_000;

    /** Writes the tails of {@code $suppliers}. */
    static final String BUILD = CypherQueries.withBounds(
            CypherQueries.load("supply-reach-build"), Map.of("tailDepth", SupplyReach.TAIL_DEPTH));
    /** Writes the routes of {@code $buyers}. */
    static final String ROUTES_BUILD = CypherQueries.load("supply-routes-build");
    /** Writes the holdings of {@code $buyers}. */
    static final String HOLDINGS_BUILD = CypherQueries.load("supply-holdings-build");

    private static final String PAD = "\u0000none";

    private ReachBatches() {}

    /**
     * The ids cut into batches of the given size, the last padded with an id no node has; each batch is made when it is
     * read, so a build holds one at a time.
     */
    static List<List<String>> of(List<String> ids, int size) {
        int count = (ids.size() + size - 1) / size;
        return new AbstractList<>() {
            @Override
            public List<String> get(int index) {
                int from = index * size;
                return padded(ids.subList(from, Math.min(ids.size(), from + size)), size);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    private static List<String> padded(List<String> ids, int size) {
        List<String> batch = new ArrayList<>(size);
        batch.addAll(ids);
        while (batch.size() < size) {
            batch.add(PAD);
        }
        return batch;
    }
}
