package org.mineralsupplygraph.analytics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mineralsupplygraph.analytics.OwnershipResponse.Control;
import org.mineralsupplygraph.analytics.OwnershipService.Link;
import org.mineralsupplygraph.graph.NodeView;

/**
 * Control in an ownership network, for {@link OwnershipService}: what a node controls through majority stakes (its own
 * added to those of the nodes it already controls) or SUBSIDIARY_OF, to a fixed point. Who holds what, and whose
 * subsidiary is whose, is gathered once for every controller looked at.
 */
final class OwnershipControl {

    private final Map<String, NodeView> nodes;
    private final Map<String, List<Link>> out = new HashMap<>();
    private final Map<String, List<String>> subsidiariesOf = new HashMap<>();

    /**
     * @param nodes the network's nodes by id
     * @param stakes the counted stakes
     * @param subsidiaries the owner and owned ids of each SUBSIDIARY_OF pair, joined by a NUL character
     */
    OwnershipControl(Map<String, NodeView> nodes, Collection<Link> stakes, Set<String> subsidiaries) {
        this.nodes = nodes;
        stakes.forEach(
                l -> out.computeIfAbsent(l.owner(), k -> new ArrayList<>()).add(l));
        subsidiaries.forEach(pair -> {
            String[] ends = pair.split("\u0000");
            subsidiariesOf.computeIfAbsent(ends[0], k -> new ArrayList<>()).add(ends[1]);
        });
    }

    /** What a node controls: majority stakes of it and what it already controls, or SUBSIDIARY_OF, to a fixed point. */
    List<Control> controlledBy(String controller) {
        Set<String> group = new LinkedHashSet<>(List.of(controller));
        Map<String, Double> votes = new HashMap<>();
        Map<String, List<String>> through = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(controller));
        List<Control> control = new ArrayList<>();
        while (!queue.isEmpty()) {
            String member = queue.poll();
            for (Link l : out.getOrDefault(member, List.of())) {
                votes.merge(l.owned(), l.stakePct() / 100, Double::sum);
                through.computeIfAbsent(l.owned(), k -> new ArrayList<>()).add(member);
                if (!group.contains(l.owned()) && votes.get(l.owned()) > 0.5 + 1e-12) {
                    group.add(l.owned());
                    queue.add(l.owned());
                    control.add(control(controller, l.owned(), votes, through, "majority"));
                }
            }
            for (String child : subsidiariesOf.getOrDefault(member, List.of())) {
                if (group.add(child)) {
                    queue.add(child);
                    control.add(control(controller, child, votes, through, "subsidiary"));
                }
            }
        }
        return control;
    }

    private Control control(
            String controller,
            String controlled,
            Map<String, Double> votes,
            Map<String, List<String>> through,
            String basis) {
        Double v = votes.get(controlled);
        return new Control(
                nodes.get(controller),
                nodes.get(controlled),
                v == null ? null : Concentration.round(v * 100, 4),
                List.copyOf(through.getOrDefault(controlled, List.of())),
                basis);
    }

    /** Who controls the subject, among every other node of the network (which holds the subject, directly or not). */
    List<Control> controllersOf(String subject) {
        List<Control> control = new ArrayList<>();
        for (String candidate : nodes.keySet()) {
            if (!candidate.equals(subject)) {
                controlledBy(candidate).stream()
                        .filter(c -> c.controlled().id().equals(subject))
                        .forEach(control::add);
            }
        }
        return control;
    }
}
