package org.mineralsupplygraph.analytics;

import java.util.List;

/** One page of a list: the entries from an offset, at most a limit of them. */
final class Pages {

    private Pages() {}

    static <T> List<T> of(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        return all.subList(from, Math.min(all.size(), from + limit));
    }
}
