package org.mineralsupplygraph.analytics;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.mineralsupplygraph.exposure.Dependency;
import org.mineralsupplygraph.exposure.Found;
import org.mineralsupplygraph.exposure.SupplyPaths;
import org.mineralsupplygraph.exposure.SupplyRoutes;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.InForce;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.PathView;
import org.mineralsupplygraph.graph.RelationshipView;
import org.mineralsupplygraph.reach.SupplyReach;
import org.mineralsupplygraph.system.CypherQueries;
import org.neo4j.driver.TransactionContext;

/**
 * The supply of a set of buyers for a mineral, read from the same supply paths as the exposure endpoints: each
 * OFFTAKE deal on a path is an account of a contract; accounts of one buyer from different sources that reach the
 * same supplier or the same site are one contract (ADR 2 keeps them apart in the graph). With holdings, a mine or
 * facility the buyer owns, operates or holds a stake in (directly, or down a chain of stakes and subsidiaries) is a
 * supply too: its share of the site's output.
 */
public final class SupplyContracts {

    /** The first data set's source: its account of a deal or stake is preferred to the others. */
    static final String SEED = "seed-article";

    /** The path shown for an account: one that reaches a site first, then the shortest. */
    private static final Comparator<Supply> EVIDENCE_ORDER =
            Comparator.comparing((Supply d) -> !"origin".equals(d.basis())).thenComparingInt(Supply::length);

    private SupplyContracts() {}

    /** Relationships a holding's chain may run through, from the buyer down to the site. */
    private static final Set<String> HOLDING_TYPES = Set.of("INVESTS_IN", "OWNS", "OPERATES", "SUBSIDIARY_OF");

    private static final String HELD_SITES = CypherQueries.load("held-sites");

    /** What the holdings' sites produce of the mineral (a product of it, or the mineral itself). */
    private static final String PRODUCTION = """
            UNWIND $sites AS id
            MATCH (site:Entity {id: id})-[p:PRODUCES]->(product)
            WHERE product.id = $mineral OR EXISTS { (product)-[:FORM_OF]->(:Mineral {id: $mineral}) }
            RETURN id, p, product.id AS product
            """;

    /**
     * One supply path as the grouping needs it: an account's buyer, basis, supplier, site and places, its deal (an
     * OFFTAKE, a stake, or a holder's OWNS or OPERATES), whether it is a holding, and its evidence: the path itself,
     * or the supply route or holding it was read from (whose path is read when the contract is shown).
     */
    private record Supply(
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
                                            .map(r -> String.valueOf(
                                                    r.properties().get("id")))
                                            .toList());
        }
    }

    /**
     * A country's contracts and holdings for a mineral, found without reading their evidence when they come from the
     * supply routes: {@link #shown} reads it (and the full nodes) for the ones an answer shows.
     */
    public static final class Supplies {
        private final List<Contract> contracts;
        private final Map<Contract, Found> routes;

        private Supplies(List<Contract> contracts, Map<Contract, Found> routes) {
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
        List<Supply> supplies = new ArrayList<>();
        if (found.stream().anyMatch(f -> f.route() != null) || (mineral != null && reading.usable())) {
            List<Found> routes = new ArrayList<>(found);
            if (withHoldings) {
                List<Found> held = new ArrayList<>(SupplyRoutes.holdings(tx, buyerCountry, mineral, asOf));
                held.sort(Comparator.comparing((Found f) -> f.company().id())
                        .thenComparing(f -> f.site().id())
                        .thenComparingInt(Found::length));
                routes.addAll(held);
            }
            Map<String, RelationshipView> deals = SupplyRoutes.deals(tx, routes);
            for (Found f : routes) {
                RelationshipView deal = deals.get(SupplyRoutes.dealKey(f));
                if (deal != null && (f.isOfftake() || f.holding())) {
                    supplies.add(Supply.of(f, deal));
                }
            }
        } else {
            for (Dependency d : SupplyPaths.complete(tx, found)) {
                supplies.add(Supply.of(d, withHoldings));
            }
            if (withHoldings) {
                heldSites(tx, buyerCountry, mineral, asOf).forEach(d -> supplies.add(Supply.of(d, true)));
            }
        }
        Map<String, List<RelationshipView>> production = new LinkedHashMap<>();
        if (withHoldings) {
            List<String> sites = supplies.stream()
                    .filter(d -> d.holding() != null)
                    .map(d -> d.site().id())
                    .distinct()
                    .toList();
            if (!sites.isEmpty()) {
                tx.run(PRODUCTION, Map.of("sites", sites, "mineral", mineral)).forEachRemaining(row -> {
                    String site = row.get("id").asString();
                    production
                            .computeIfAbsent(site, k -> new ArrayList<>())
                            .add(GraphViews.relationship(
                                    row.get("p").asRelationship(),
                                    site,
                                    row.get("product").asString()));
                });
            }
        }
        Map<Contract, Found> routes = new IdentityHashMap<>();
        List<Contract> contracts = group(supplies, asOf, production, routes);
        return new Supplies(contracts, routes);
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
        Map<Contract, Found> routes = new IdentityHashMap<>();
        Map<String, Contract> merged = new LinkedHashMap<>();
        Map<Contract, Found> mergedRoutes = new IdentityHashMap<>();
        for (List<Supply> supplies : byMineral.values()) {
            for (Contract c : group(supplies, asOf, Map.of(), routes)) {
                String key = c.buyer().id() + "|" + c.deal().type() + "|"
                        + c.deal().properties().get("id");
                Contract before = merged.get(key);
                Contract now = before == null ? c : before.withMineralsAndSites(c);
                merged.put(key, now);
                Found route = before == null ? routes.get(c) : mergedRoutes.remove(before);
                if (route != null) {
                    mergedRoutes.put(now, route);
                }
            }
        }
        List<Contract> contracts = new ArrayList<>(merged.values());
        contracts.sort(CONTRACT_ORDER);
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

    /** The sites the country's firms or their subsidiaries own or operate, as origin-basis dependencies. */
    private static List<Dependency> heldSites(
            TransactionContext tx, String buyerCountry, String mineral, LocalDate asOf) {
        List<Dependency> held = new ArrayList<>();
        tx.run(HELD_SITES, Map.of("buyerCountry", buyerCountry, "mineral", mineral))
                .forEachRemaining(row -> {
                    PathView path = GraphViews.path(row.get("path").asPath());
                    if (asOf != null
                            && !path.relationships().stream()
                                    .allMatch(r -> InForce.of(r.properties()).on(asOf))) {
                        return;
                    }
                    NodeView site = GraphViews.node(row.get("site"));
                    held.add(new Dependency(
                            path.nodes().get(0),
                            "origin",
                            site,
                            site,
                            GraphViews.node(row.get("country")),
                            path.relationships().stream()
                                    .map(RelationshipView::type)
                                    .toList(),
                            List.of(mineral),
                            null,
                            null,
                            null,
                            null,
                            null,
                            List.of(),
                            row.get("home").isNull() ? null : GraphViews.node(row.get("home")),
                            path,
                            List.of()));
                });
        return held;
    }

    /**
     * A dependency that is a holding: an origin-basis path from the buyer down to a site through stakes, ownership,
     * operation and subsidiaries only (no offtake, no feeding plant), each pointing down the chain.
     *
     * @param stake the buyer's share of the site, the product of the stakes; null when one is not stated
     * @param missing why the stake is unknown, or null
     */
    record Holding(Double stake, String missing) {

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
                            + ("OPERATES".equals(r.type())
                                    ? " operates "
                                    : subsidiary ? " has as subsidiary " : " holds ")
                            + nodes.get(i + 1).name()
                            + " with no stated stake (" + r.properties().get("id") + ")";
                }
            }
            return new Holding(missing == null ? stake : null, missing);
        }
    }

    /** One account: an OFFTAKE relationship, or a chain of holdings down to one site, and what its paths say. */
    private static final class Account {
        final RelationshipView deal;
        final NodeView buyer;
        final NodeView supplier;
        /** Null for a contract. */
        final Holding holding;

        NodeView supplierCountry;
        final Map<String, Contract.Site> sites = new LinkedHashMap<>();
        final Set<String> minerals = new LinkedHashSet<>();
        Supply shortest;

        Account(Supply d) {
            this.holding = d.holding();
            // A holding's deal: the buyer's first relationship down the chain that is not its subsidiary's.
            this.deal = d.deal();
            this.buyer = d.company();
            this.supplier = d.supplier();
        }

        String source() {
            return String.valueOf(deal.properties().get("source"));
        }

        Set<String> reaches() {
            Set<String> ids = new LinkedHashSet<>(sites.keySet());
            ids.add(supplier.id());
            return ids;
        }
    }

    /** Groups supplies into contracts; the contracts made from supply routes are noted in {@code routes}. */
    private static List<Contract> group(
            List<Supply> supplies,
            LocalDate asOf,
            Map<String, List<RelationshipView>> production,
            Map<Contract, Found> routes) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (Supply d : supplies) {
            if (!d.contract() && d.holding() == null) {
                continue;
            }
            // A contract is one account however many sites it reaches; a holding, one per site (and per chain: two
            // chains to one site are two accounts, each with its own stake, the first preferred).
            Account a = accounts.computeIfAbsent(d.key(), k -> new Account(d));
            a.minerals.addAll(d.minerals());
            if ("origin".equals(d.basis())) {
                a.sites.putIfAbsent(d.site().id(), new Contract.Site(d.site(), d.country()));
                if (a.supplierCountry == null) {
                    a.supplierCountry = d.supplierCountry();
                }
            } else {
                a.supplierCountry = d.country();
            }
            if (a.shortest == null || EVIDENCE_ORDER.compare(d, a.shortest) < 0) {
                a.shortest = d;
            }
        }
        // Accounts of one buyer from different sources that reach a common supplier or site are one contract.
        List<Contract> contracts = new ArrayList<>();
        for (List<Account> group :
                oneDeal(accounts.values(), a -> a.buyer.id(), Account::source, SupplyContracts::sameContract)) {
            Account preferred = preferred(group);
            Contract c = contract(group, asOf, production);
            contracts.add(c);
            if (preferred.shortest.route() != null) {
                routes.put(c, preferred.shortest.route());
            }
        }
        contracts.sort(CONTRACT_ORDER);
        return contracts;
    }

    /** The order of a buyer country's contracts: buyer, kind, supplier, first site, deal id. */
    private static final Comparator<Contract> CONTRACT_ORDER = Comparator.comparing(
                    (Contract c) -> c.buyer().name())
            .thenComparing(c -> c.buyer().id())
            .thenComparing(Contract::kind)
            .thenComparing(c -> c.supplier().name())
            .thenComparing(
                    c -> c.sites().isEmpty() ? "" : c.sites().get(0).site().id())
            .thenComparing(c -> String.valueOf(c.deal().properties().get("id")));

    /** The accounts of one contract in order of preference: the seed article's, then by deal id. */
    private static List<Account> ordered(List<Account> group) {
        List<Account> ordered = new ArrayList<>(group);
        ordered.sort(Comparator.comparing((Account a) -> !SEED.equals(a.source()))
                .thenComparing(a -> String.valueOf(a.deal.properties().get("id"))));
        return ordered;
    }

    private static Account preferred(List<Account> group) {
        return ordered(group).get(0);
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

    private static boolean sameContract(Account a, Account b) {
        // A holding is never one with a contract, nor with a holding of another site (one site per holding).
        if ((a.holding == null) != (b.holding == null)) {
            return false;
        }
        if (a.holding != null) {
            return a.buyer.id().equals(b.buyer.id())
                    && !a.source().equals(b.source())
                    && a.sites.keySet().equals(b.sites.keySet());
        }
        return a.buyer.id().equals(b.buyer.id())
                && !a.source().equals(b.source())
                && a.reaches().stream().anyMatch(b.reaches()::contains);
    }

    private static Contract contract(
            List<Account> group, LocalDate asOf, Map<String, List<RelationshipView>> production) {
        List<Account> ordered = ordered(group);
        Account preferred = ordered.get(0);
        Map<String, Contract.Site> sites = new LinkedHashMap<>();
        ordered.forEach(a -> a.sites.forEach(sites::putIfAbsent));
        Set<String> minerals = new TreeSet<>();
        ordered.forEach(a -> minerals.addAll(a.minerals));
        NodeView supplierCountry = ordered.stream()
                .map(a -> a.supplierCountry)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        // The volume comes from the first account, in order of preference, that states one.
        Volume volume = null;
        for (Account a : ordered) {
            Volume v = a.holding == null
                    ? Volume.of(a.deal, asOf)
                    : Volume.ofHolding(
                            a.holding,
                            a.sites.values().iterator().next().site(),
                            production.getOrDefault(a.sites.keySet().iterator().next(), List.of()));
            if (volume == null || (volume.tonnesPerYear() == null && v.tonnesPerYear() != null)) {
                volume = v;
            }
        }
        InForce inForce = InForce.of(preferred.deal.properties());
        String product =
                preferred.holding == null ? (String) preferred.deal.properties().get("product") : null;
        Double stakePct = preferred.holding == null || preferred.holding.stake() == null
                ? null
                : Concentration.round(preferred.holding.stake() * 100, 4);
        return new Contract(
                preferred.holding == null ? "contract" : "holding",
                preferred.buyer,
                preferred.supplier,
                supplierCountry,
                List.copyOf(sites.values()),
                product,
                List.copyOf(minerals),
                volume.tonnesPerYear(),
                volume.how(),
                inForce.from() == null ? null : inForce.from().toString(),
                inForce.until() == null ? null : inForce.until().toString(),
                stakePct,
                preferred.deal,
                ordered.stream().skip(1).map(a -> a.deal).toList(),
                preferred.shortest.path());
    }

    /** A yearly volume read from an account, and how; tonnesPerYear null when the account gives none. */
    record Volume(Double tonnesPerYear, String how) {

        static Volume of(RelationshipView deal, LocalDate asOf) {
            Map<String, Object> p = deal.properties();
            String id = " (" + p.get("id") + ")";
            if (p.get("tonnesPerYear") instanceof Number perYear) {
                if (asOf != null
                        && p.get("initialTonnesPerYear") instanceof Number initial
                        && p.get("initialYears") instanceof Number years
                        && p.get("startDate") instanceof String start
                        && asOf.isBefore(InForce.firstDay(start).plusYears(years.longValue()))) {
                    return new Volume(
                            initial.doubleValue(),
                            "initialTonnesPerYear " + number(initial) + " in the first " + years + " years from "
                                    + start + id);
                }
                return new Volume(perYear.doubleValue(), "tonnesPerYear " + number(perYear) + id);
            }
            if (p.get("tonnesTotal") instanceof Number total) {
                if (p.get("termYears") instanceof Number years && years.doubleValue() > 0) {
                    return new Volume(
                            total.doubleValue() / years.doubleValue(),
                            "tonnesTotal " + number(total) + " / termYears " + years + id);
                }
                String start = (String) p.get("startDate");
                String end = (String) p.get("endDate");
                if (start != null && end != null && InForce.months(start, end) > 0) {
                    long months = InForce.months(start, end);
                    return new Volume(
                            total.doubleValue() * 12 / months,
                            "tonnesTotal " + number(total) + " over " + start + ".." + end + " (" + months + " months)"
                                    + id);
                }
                return new Volume(null, "unknown: tonnesTotal " + number(total) + " over no stated term" + id);
            }
            if (p.get("sharePct") instanceof Number share) {
                return new Volume(
                        null,
                        "unknown: " + number(share) + "% of the supplier's output, whose size the"
                                + " graph does not hold" + id);
            }
            return new Volume(null, "unknown: the account states no volume" + id);
        }

        /**
         * A holding's share of its site's output: the stated production (tonnesPerYear), else capacity, of the
         * mineral's products, the seed article's figure first, times the stake.
         */
        static Volume ofHolding(Holding holding, NodeView site, List<RelationshipView> production) {
            RelationshipView figure = production.stream()
                    .filter(p -> p.properties().get("tonnesPerYear") instanceof Number
                            || p.properties().get("capacityTonnesPerYear") instanceof Number)
                    .min(Comparator.comparing((RelationshipView p) ->
                                    !SEED.equals(p.properties().get("source")))
                            .thenComparing(p -> !(p.properties().get("tonnesPerYear") instanceof Number))
                            .thenComparing(p -> String.valueOf(p.properties().get("id"))))
                    .orElse(null);
            if (holding.stake() == null) {
                return new Volume(null, "unknown: " + holding.missing());
            }
            String stake = number(Concentration.round(holding.stake() * 100, 4)) + "% of " + site.name();
            if (figure == null) {
                return new Volume(
                        null, "unknown: " + stake + ", whose output of the mineral the graph does not" + " state");
            }
            String key = figure.properties().get("tonnesPerYear") instanceof Number
                    ? "tonnesPerYear"
                    : "capacityTonnesPerYear";
            Number tonnes = (Number) figure.properties().get(key);
            return new Volume(
                    tonnes.doubleValue() * holding.stake(),
                    stake + " x " + key + " " + number(tonnes) + " ("
                            + figure.properties().get("id") + ")");
        }

        private static String number(Number n) {
            return NumberFormat.getInstance(Locale.ENGLISH).format(n);
        }
    }
}
