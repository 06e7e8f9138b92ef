package org.mineralsupplygraph.analytics;

import java.util.List;
import java.util.Set;
import org.mineralsupplygraph.exposure.Dependency;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;

/**
 * A dependency that is a holding: an origin-basis path from the buyer down to a site through stakes, ownership,
 * operation and subsidiaries only (no offtake, no feeding plant), each pointing down the chain.
 *
 * @param stake the buyer's share of the site, the product of the stakes; null when one is not stated
 * @param missing why the stake is unknown, or null
 */
record Holding(Double stake, String missing) {

    /** Relationships a holding's chain may run through, from the buyer down to the site. */
    private static final Set<String> HOLDING_TYPES = Set.of("INVESTS_IN", "OWNS", "OPERATES", "SUBSIDIARY_OF");

    /** The dependency's holding, or null when its path is not a chain of holdings down to its site. */
    static Holding of(Dependency d) {
        if (!"origin".equals(d.basis()) || d.site() == null) {
            return null;
        }
        List<NodeView> nodes = d.path().nodes();
        List<RelationshipView> rels = d.path().relationships();
        if (rels.isEmpty()
                || !nodes.get(nodes.size() - 1).id().equals(d.site().id())
                || "SUBSIDIARY_OF".equals(rels.get(rels.size() - 1).type())) {
            return null;
        }
        double stake = 1;
        String missing = null;
        for (int i = 0; i < rels.size(); i++) {
            RelationshipView r = rels.get(i);
            String down = nodes.get(i + 1).id();
            // Down the chain: a holder's relationship points to what it holds; a subsidiary points to its parent.
            boolean subsidiary = "SUBSIDIARY_OF".equals(r.type());
            if (!HOLDING_TYPES.contains(r.type()) || !(subsidiary ? r.from().equals(down) : r.to().equals(down))) {
                return null;
            }
            if (missing != null) {
                continue;
            }
            if (r.properties().get("stakePct") instanceof Number pct) {
                stake *= pct.doubleValue() / 100;
            } else {
                missing = nodes.get(i).name()
                        + ("OPERATES".equals(r.type()) ? " operates " : subsidiary ? " has as subsidiary " : " holds ")
                        + nodes.get(i + 1).name()
                        + " with no stated stake (" + r.properties().get("id") + ")";
            }
        }
        return new Holding(missing == null ? stake : null, missing);
    }
}
