package org.mineralsupplygraph.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.mineralsupplygraph.exposure.Dependency;
import org.mineralsupplygraph.exposure.Found;
import org.mineralsupplygraph.exposure.SupplyPaths;
import org.mineralsupplygraph.exposure.SupplyRoutes;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.PathView;
import org.mineralsupplygraph.graph.RelationshipView;
import org.mineralsupplygraph.reach.SupplyReach;
import org.neo4j.driver.TransactionContext;

/**
 * The supply of a set of buyers for a mineral, read from the same supply paths as the exposure endpoints: each
 * OFFTAKE deal on a path is an account of a contract; accounts of one buyer from different sources that reach the
 * same supplier or the same site are one contract (ADR 2 keeps them apart in the graph). With holdings, a mine or
 * facility the buyer owns, operates or holds a stake in (directly, or down a chain of stakes and subsidiaries) is a
 * supply too: its share of the site's output.
 *
 * <p>Each path found is a {@link Supply}; {@link ContractGrouping} makes contracts of them, {@link Holding} tells a
 * holding and its stake, {@link HeldSites} reads what holdings need of the graph, {@link Volume} a contract's volume.
 */
public final class SupplyContracts {

    /** The first data set's source: its account of a deal or stake is preferred to the others. */
    static final String SEED = "seed-article";

    private SupplyContracts() {}

    /**
     * A country's contracts and holdings for a mineral, found without reading their evidence when they come from the
     * supply routes: {@link #shown} reads it (and the full nodes) for the ones an answer shows.
     */
    public static final class Supplies {
        private final List<Contract> contracts;
        private final Map<Contract, Found> routes;

        Supplies(List<Contract> contracts, Map<Contract, Found> routes) {
            this.contracts = contracts;
            this.routes = routes;
        }

        /** Every contract and holding, in order; those from the supply routes without their path yet. */
        public List<Contract> all() {
            return contracts;
        }

        /**
         * The given contracts (of {@link #all}) with their evidence path and their nodes' properties, each by the
         * contract it completes; a contract whose route the graph no longer holds is left out.
         */
        public Map<Contract, Contract> shown(TransactionContext tx, List<Contract> shown) {
            Map<Contract, Contract> complete = new IdentityHashMap<>();
            List<Found> found = shown.stream()
                    .map(routes::get)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
            if (found.isEmpty()) {
                shown.forEach(c -> complete.put(c, c));
                return complete;
            }
            Set<String> others = new LinkedHashSet<>();
            for (Contract c : shown) {
                if (c.supplierCountry() != null) {
                    others.add(c.supplierCountry().id());
                }
                c.sites().forEach(site -> {
                    others.add(site.site().id());
                    others.add(site.country().id());
                });
                others.add(c.supplier().id());
            }
            SupplyRoutes.Evidence evidence = SupplyRoutes.evidence(tx, found, others);
            Map<String, NodeView> nodes = evidence.nodes();
            for (Contract c : shown) {
                Found route = routes.get(c);
                PathView path = route == null ? c.path() : evidence.paths().get(route.route());
                if (path == null) {
                    continue; // the graph changed under the routes: left out (SupplyReach.read catches up)
                }
                complete.put(
                        c,
                        new Contract(
                                c.kind(),
                                full(nodes, c.buyer()),
                                full(nodes, c.supplier()),
                                c.supplierCountry() == null ? null : full(nodes, c.supplierCountry()),
                                c.sites().stream()
                                        .map(s -> new Contract.Site(full(nodes, s.site()), full(nodes, s.country())))
                                        .toList(),
                                c.product(),
                                c.minerals(),
                                c.tonnesPerYear(),
                                c.volume(),
                                c.from(),
                                c.until(),
                                c.stakePct(),
                                c.deal(),
                                c.otherAccounts(),
                                path));
            }
            return complete;
        }

        /** The supply route a contract (of {@link #all}) was read from, whose path it is shown with; or null. */
        Found route(Contract contract) {
            return routes.get(contract);
        }

        /** Every contract with its evidence (for questions that look into the paths, such as a removed company). */
        public List<Contract> allShown(TransactionContext tx) {
            Map<Contract, Contract> complete = shown(tx, contracts);
            return contracts.stream()
                    .map(complete::get)
                    .filter(Objects::nonNull)
                    .toList();
        }

        private static NodeView full(Map<String, NodeView> nodes, NodeView node) {
            return nodes.getOrDefault(node.id(), node);
        }
    }

    /**
     * The contracts of every firm of a country for a mineral (null: every mineral), on the supply paths; with
     * {@code holdings} (a mineral given) their holdings of sites too. From the supply routes when they answer (a
     * mineral given, the reach usable): then without their evidence until {@link Supplies#shown}.
     */
    public static Supplies find(
            TransactionContext tx,
            String buyerCountry,
            String mineral,
            LocalDate asOf,
            SupplyReach.Reading reading,
            boolean holdings) {
        boolean withHoldings = holdings && mineral != null;
        if (mineral == null && reading.usable()) {
            return eachMineral(tx, buyerCountry, asOf);
        }
        // Only supply counts: the stakes' dependencies are read in full only where they may reach a site held.
        List<Found> found =
                SupplyPaths.search(tx, SupplyPaths.Question.ofCountry(buyerCountry, mineral, null, 4, asOf), reading)
                        .stream()
                        .filter(f -> f.isOfftake() || (withHoldings && f.mayBeHolding()))
                        .toList();
        List<Supply> supplies = found.stream().anyMatch(f -> f.route() != null) || (mineral != null && reading.usable())
                ? fromRoutes(tx, found, buyerCountry, mineral, asOf, withHoldings)
                : fromPaths(tx, found, buyerCountry, mineral, asOf, withHoldings);
        Map<String, List<RelationshipView>> production = Map.of();
        if (withHoldings) {
            List<String> sites = supplies.stream()
                    .filter(d -> d.holding() != null)
                    .map(d -> d.site().id())
                    .distinct()
                    .toList();
            production = HeldSites.production(tx, sites, mineral);
        }
        return ContractGrouping.group(supplies, asOf, production);
    }

    /**
     * The supplies of the routes found, with the country's holdings from the supply routes when asked for, each with
     * its deal as read (a route whose deal the graph no longer holds is left out); their paths are read when shown.
     */
    private static List<Supply> fromRoutes(
            TransactionContext tx,
            List<Found> found,
            String buyerCountry,
            String mineral,
            LocalDate asOf,
            boolean withHoldings) {
        List<Found> routes = new ArrayList<>(found);
        if (withHoldings) {
            List<Found> held = new ArrayList<>(SupplyRoutes.holdings(tx, buyerCountry, mineral, asOf));
            held.sort(Comparator.comparing((Found f) -> f.company().id())
                    .thenComparing(f -> f.site().id())
                    .thenComparingInt(Found::length));
            routes.addAll(held);
        }
        Map<String, RelationshipView> deals = SupplyRoutes.deals(tx, routes);
        List<Supply> supplies = new ArrayList<>();
        for (Found f : routes) {
            RelationshipView deal = deals.get(SupplyRoutes.dealKey(f));
            if (deal != null && (f.isOfftake() || f.holding())) {
                supplies.add(Supply.of(f, deal));
            }
        }
        return supplies;
    }

    /** The supplies of the dependencies found, walked in full, with the sites the country's firms hold when asked. */
    private static List<Supply> fromPaths(
            TransactionContext tx,
            List<Found> found,
            String buyerCountry,
            String mineral,
            LocalDate asOf,
            boolean withHoldings) {
        List<Supply> supplies = new ArrayList<>();
        for (Dependency d : SupplyPaths.complete(tx, found)) {
            supplies.add(Supply.of(d, withHoldings));
        }
        if (withHoldings) {
            HeldSites.read(tx, buyerCountry, mineral, asOf).forEach(d -> supplies.add(Supply.of(d, true)));
        }
        return supplies;
    }

    /**
     * The contracts of a country's firms for every mineral from the supply routes, each mineral's grouped apart (as
     * one question per mineral would), then one contract for all the minerals of the same deal.
     */
    private static Supplies eachMineral(TransactionContext tx, String buyerCountry, LocalDate asOf) {
        List<Found> found = new ArrayList<>(SupplyRoutes.searchEachMineral(tx, buyerCountry, 4, asOf).stream()
                .filter(Found::isOfftake)
                .toList());
        found.sort(Found.ORDER);
        Map<String, RelationshipView> deals = SupplyRoutes.deals(tx, found);
        Map<String, List<Supply>> byMineral = new TreeMap<>();
        for (Found f : found) {
            RelationshipView deal = deals.get(SupplyRoutes.dealKey(f));
            if (deal != null) {
                byMineral
                        .computeIfAbsent(f.minerals().get(0), k -> new ArrayList<>())
                        .add(Supply.of(f, deal));
            }
        }
        Map<String, Contract> merged = new LinkedHashMap<>();
        Map<Contract, Found> mergedRoutes = new IdentityHashMap<>();
        for (List<Supply> supplies : byMineral.values()) {
            Supplies ofMineral = ContractGrouping.group(supplies, asOf, Map.of());
            for (Contract c : ofMineral.all()) {
                String key = c.buyer().id() + "|" + c.deal().type() + "|"
                        + c.deal().properties().get("id");
                Contract before = merged.get(key);
                Contract now = before == null ? c : before.withMineralsAndSites(c);
                merged.put(key, now);
                Found route = before == null ? ofMineral.route(c) : mergedRoutes.remove(before);
                if (route != null) {
                    mergedRoutes.put(now, route);
                }
            }
        }
        List<Contract> contracts = new ArrayList<>(merged.values());
        contracts.sort(ContractGrouping.CONTRACT_ORDER);
        return new Supplies(contracts, mergedRoutes);
    }

    /** The contracts of every firm of a country, each with its evidence (as {@link #find}, all shown). */
    static List<Contract> ofCountry(
            TransactionContext tx,
            String buyerCountry,
            String mineral,
            LocalDate asOf,
            SupplyReach.Reading reading,
            boolean holdings) {
        return find(tx, buyerCountry, mineral, asOf, reading, holdings).allShown(tx);
    }

    /**
     * Accounts grouped into the deals they are accounts of, in order: each account joins every group of the same key
     * (one buyer's, say) that holds an account of the same deal, unless that would bring two accounts of one source
     * together (two contracts that a third source's account happens to match both stay two). Only accounts of one key
     * are compared: a country's firms hold thousands of accounts at scale, and comparing all with all took seconds.
     * The flows of the map group their deals' accounts by the same rule.
     */
    static <A> List<List<A>> oneDeal(
            Iterable<A> accounts, Function<A, String> key, Function<A, String> source, BiPredicate<A, A> sameDeal) {
        Map<String, List<List<A>>> groupsByKey = new LinkedHashMap<>();
        for (A account : accounts) {
            List<List<A>> groups = groupsByKey.computeIfAbsent(key.apply(account), k -> new ArrayList<>());
            Set<List<A>> joined = Collections.newSetFromMap(new IdentityHashMap<>());
            List<List<A>> joinedInOrder = new ArrayList<>();
            Set<String> sources = new HashSet<>(Set.of(source.apply(account)));
            for (List<A> g : groups) {
                if (g.stream().anyMatch(other -> sameDeal.test(account, other))
                        && g.stream().noneMatch(other -> sources.contains(source.apply(other)))) {
                    joined.add(g);
                    joinedInOrder.add(g);
                    g.forEach(other -> sources.add(source.apply(other)));
                }
            }
            List<A> merged = new ArrayList<>();
            joinedInOrder.forEach(merged::addAll);
            merged.add(account);
            groups.removeIf(joined::contains);
            groups.add(merged);
        }
        List<List<A>> all = new ArrayList<>();
        groupsByKey.values().forEach(all::addAll);
        return all;
    }
}
