package org.mineralsupplygraph.exposure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mineralsupplygraph.graph.Conflict;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.RelationshipView;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * The conflicts among the accounts of the found dependencies' deals (ADR 2): every relationship of a deal's type
 * between its two ends, read for all the dependencies in one query, and compared.
 */
final class DealConflicts {

    /**
     * Every account of the given deals' facts: the relationships of the deal's type between its two ends (ADR 2),
     * for the conflicts among them.
     */
    private static final String DEAL_ACCOUNTS = """
            UNWIND $deals AS deal
            MATCH (a:Entity {id: deal[1]})-[r]->(b:Entity {id: deal[2]})
            WHERE type(r) = deal[0]
            WITH deal, collect(r) AS accounts
            WHERE size(accounts) > 1
            RETURN deal, accounts
            """;

    private DealConflicts() {}

    /** The dependencies, each with the conflicts among its deal's accounts (one query for all of them). */
    static List<Dependency> withConflicts(TransactionContext tx, List<Dependency> dependencies) {
        return withConflicts(tx, dependencies, List.of());
    }

    /**
     * As {@link #withConflicts(TransactionContext, List)}; deals a supply route knows to have one account only are not
     * looked up.
     */
    static List<Dependency> withConflicts(TransactionContext tx, List<Dependency> dependencies, List<Found> routes) {
        Set<String> single = new HashSet<>();
        routes.stream()
                .filter(f -> Boolean.FALSE.equals(f.accounts))
                .forEach(f -> single.add(f.dealType + "|" + f.dealId));
        Set<List<String>> deals = new LinkedHashSet<>();
        for (Dependency d : dependencies) {
            if (d.deal() != null
                    && !single.contains(
                            d.deal().type() + "|" + d.deal().properties().get("id"))) {
                deals.add(List.of(d.deal().type(), d.deal().from(), d.deal().to()));
            }
        }
        if (deals.isEmpty()) {
            return dependencies;
        }
        Map<List<String>, List<Conflict>> conflicts = new HashMap<>();
        tx.run(DEAL_ACCOUNTS, Map.of("deals", List.copyOf(deals))).forEachRemaining(row -> {
            List<String> deal = row.get("deal").asList(Value::asString);
            List<RelationshipView> accounts = row.get("accounts")
                    .asList(r -> GraphViews.relationship(r.asRelationship(), deal.get(1), deal.get(2)));
            List<Conflict> found = Conflict.among(accounts);
            if (!found.isEmpty()) {
                conflicts.put(deal, found);
            }
        });
        if (conflicts.isEmpty()) {
            return dependencies;
        }
        List<Dependency> result = new ArrayList<>(dependencies.size());
        for (Dependency d : dependencies) {
            List<Conflict> found = d.deal() == null
                    ? null
                    : conflicts.get(
                            List.of(d.deal().type(), d.deal().from(), d.deal().to()));
            result.add(found == null ? d : d.withConflicts(found));
        }
        return result;
    }
}
