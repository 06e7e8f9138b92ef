package org.mineralsupplygraph.analytics;

import java.util.List;
import org.mineralsupplygraph.exposure.Dependency;
import org.mineralsupplygraph.exposure.Found;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.PathView;
import org.mineralsupplygraph.graph.RelationshipView;

/**
 * One supply path as the grouping needs it: an account's buyer, basis, supplier, site and places, its deal (an
 * OFFTAKE, a stake, or a holder's OWNS or OPERATES), whether it is a holding, and its evidence: the path itself,
 * or the supply route or holding it was read from (whose path is read when the contract is shown).
 */
record Supply(
        NodeView company,
        String basis,
        NodeView supplier,
        NodeView site,
        NodeView country,
        NodeView supplierCountry,
        List<String> minerals,
        RelationshipView deal,
        Holding holding,
        int length,
        PathView path,
        Found route) {

    /** A walked dependency; its holding read off its path. */
    static Supply of(Dependency d, boolean holdings) {
        boolean contract = d.deal() != null && "OFFTAKE".equals(d.deal().type());
        Holding holding = contract || !holdings ? null : Holding.of(d);
        RelationshipView deal = holding == null
                ? d.deal()
                : d.path().relationships().stream()
                        .filter(r -> !"SUBSIDIARY_OF".equals(r.type()))
                        .findFirst()
                        .orElseThrow();
        return new Supply(
                d.company(),
                d.basis(),
                d.supplier(),
                d.site(),
                d.country(),
                d.supplierCountry(),
                d.minerals(),
                deal,
                holding,
                d.path().relationships().size(),
                d.path(),
                null);
    }

    /** A supply route or holding, with its deal as read; its holding as the route says. */
    static Supply of(Found f, RelationshipView deal) {
        Holding holding = f.holding() ? new Holding(f.holdingStake(), f.holdingMissing()) : null;
        return new Supply(
                f.company(),
                f.basis(),
                f.supplier(),
                f.site(),
                f.country(),
                f.supplierHome(),
                f.minerals(),
                deal,
                holding,
                f.length(),
                null,
                f);
    }

    boolean contract() {
        return holding == null && deal != null && "OFFTAKE".equals(deal.type());
    }

    /** An account's key: a contract is one however many sites it reaches; a holding, one per site and chain. */
    String key() {
        return contract()
                ? company.id() + "|" + deal.properties().get("id")
                : company.id() + "|holding|" + site.id() + "|"
                        + (route != null
                                ? route.route()
                                : path.relationships().stream()
                                        .map(r -> String.valueOf(r.properties().get("id")))
                                        .toList());
    }
}
