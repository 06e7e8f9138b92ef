package org.mineralsupplygraph.importer;

import java.util.ArrayList;
import java.util.List;

/** The problems found in a document: the first {@link #MAX_PROBLEMS} kept for the report, beyond them only counted. */
final class Problems {

    /** Problems kept for the report; beyond them only the count grows. */
    static final int MAX_PROBLEMS = 1000;

    private final List<Problem> kept = new ArrayList<>();
    private long count;

    void add(Location at, String message) {
        count++;
        if (kept.size() < MAX_PROBLEMS) {
            kept.add(new Problem(at, message));
        }
    }

    /** Every problem found, kept or not. */
    long count() {
        return count;
    }

    /** The problems kept, in the order found. */
    List<Problem> kept() {
        return kept;
    }
}
