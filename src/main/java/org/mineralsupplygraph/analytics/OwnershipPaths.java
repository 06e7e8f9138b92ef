package org.mineralsupplygraph.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mineralsupplygraph.analytics.OwnershipResponse.OwnershipPath;
import org.mineralsupplygraph.analytics.OwnershipService.Link;
import org.mineralsupplygraph.graph.RelationshipView;

/**
 * The simple paths of stakes from a subject, walked depth first for {@link OwnershipService}: the evidence listed with
 * each stake, and their sum (equal to the integrated stake where there is no cycle). The walk stops after
 * {@link OwnershipService#MAX_PATHS_WALKED} paths and lists none longer than {@link OwnershipService#MAX_PATH_LENGTH}
 * stakes; {@link #notes} says when either bound was met.
 */
final class OwnershipPaths {

    /** holdings: down from the subject to what it holds; owners: up to its holders. */
    private final boolean holdings;

    private final Map<String, List<Link>> adjacent = new HashMap<>();

    /** The path being walked: its nodes (the subject first), the same as a set, and its relationships. */
    private final List<String> path = new ArrayList<>();

    private final Set<String> onPath = new HashSet<>();
    private final List<RelationshipView> relationships = new ArrayList<>();

    private final Map<String, List<OwnershipPath>> paths = new LinkedHashMap<>();
    private final Map<String, Double> sums = new HashMap<>();
    private int walked;
    private boolean longerLeftOut;

    private OwnershipPaths(boolean holdings, Collection<Link> stakes) {
        this.holdings = holdings;
        stakes.forEach(l -> adjacent.computeIfAbsent(holdings ? l.owner() : l.owned(), k -> new ArrayList<>())
                .add(l));
    }

    /** The simple paths from the subject along the counted stakes, down (holdings) or up (owners). */
    static OwnershipPaths walk(String subject, boolean holdings, Collection<Link> stakes) {
        OwnershipPaths walk = new OwnershipPaths(holdings, stakes);
        walk.path.add(subject);
        walk.onPath.add(subject);
        walk.from(subject, 1.0);
        return walk;
    }

    private void from(String at, double product) {
        for (Link link : adjacent.getOrDefault(at, List.of())) {
            if (walked >= OwnershipService.MAX_PATHS_WALKED) {
                return;
            }
            String far = holdings ? link.owned() : link.owner();
            if (onPath.contains(far)) {
                continue;
            }
            if (relationships.size() >= OwnershipService.MAX_PATH_LENGTH) {
                longerLeftOut = true;
                continue;
            }
            double next = product * link.stakePct() / 100;
            enter(far, link.relationship());
            walked++;
            sums.merge(far, next, Double::sum);
            paths.computeIfAbsent(far, k -> new ArrayList<>())
                    .add(new OwnershipPath(
                            Concentration.round(next * 100, 4), List.copyOf(path), List.copyOf(relationships)));
            from(far, next);
            leave(far);
        }
    }

    private void enter(String node, RelationshipView relationship) {
        path.add(node);
        onPath.add(node);
        relationships.add(relationship);
    }

    private void leave(String node) {
        path.remove(path.size() - 1);
        onPath.remove(node);
        relationships.remove(relationships.size() - 1);
    }

    /** The largest paths to a node, up to {@link OwnershipService#MAX_PATHS_SHOWN}. */
    List<OwnershipPath> shown(String node) {
        return paths.getOrDefault(node, List.of()).stream()
                .sorted(Comparator.comparingDouble(OwnershipPath::pct).reversed())
                .limit(OwnershipService.MAX_PATHS_SHOWN)
                .toList();
    }

    /** The sum of the products along the paths walked to a node (a fraction). */
    double sum(String node) {
        return sums.getOrDefault(node, 0.0);
    }

    /** What the walk's bounds left out, for the answer's notes. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (walked >= OwnershipService.MAX_PATHS_WALKED) {
            notes.add("More than " + OwnershipService.MAX_PATHS_WALKED + " simple paths: pathSumPct counts the first "
                    + OwnershipService.MAX_PATHS_WALKED + " found.");
        }
        if (longerLeftOut) {
            notes.add("Simple paths are listed (and summed in pathSumPct) up to " + OwnershipService.MAX_PATH_LENGTH
                    + " stakes long; effectivePct counts chains of any length.");
        }
        return notes;
    }
}
