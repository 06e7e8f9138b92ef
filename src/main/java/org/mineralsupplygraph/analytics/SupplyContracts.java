package org.mineralsupplygraph.analytics;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mineralsupplygraph.exposure.Dependency;
import org.mineralsupplygraph.exposure.SupplyPaths;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;
import org.mineralsupplygraph.reach.SupplyReach;
import org.neo4j.driver.TransactionContext;

/**
 * The supply contracts of a set of buyers for a mineral, read from the same supply paths as the exposure endpoints:
 * each OFFTAKE deal on a path is an account of a contract; accounts of one buyer from different sources that reach
 * the same supplier or the same site are one contract (ADR 2 keeps them apart in the graph).
 */
final class SupplyContracts {

    /** The first data set's source: its account of a deal or stake is preferred to the others. */
    static final String SEED = "seed-article";

    /** The path shown for an account: one that reaches a site first, then the shortest. */
    private static final Comparator<Dependency> EVIDENCE_ORDER = Comparator
            .comparing((Dependency d) -> !"origin".equals(d.basis()))
            .thenComparing(d -> d.path().relationships().size());

    private SupplyContracts() {}

    /** The contracts of every firm of a country for a mineral (null: every mineral), on the supply paths. */
    static List<Contract> ofCountry(TransactionContext tx, String buyerCountry, String mineral, LocalDate asOf,
            SupplyReach.Reading reading) {
        // Only supply contracts count: the stakes' dependencies are not read in full.
        List<SupplyPaths.Found> found = SupplyPaths.search(tx,
                SupplyPaths.Question.ofCountry(buyerCountry, mineral, null, 4, asOf), reading).stream()
                .filter(SupplyPaths.Found::isOfftake).toList();
        return group(SupplyPaths.complete(tx, found), asOf);
    }

    /** One account: an OFFTAKE relationship and what the paths through it say. */
    private static final class Account {
        final RelationshipView deal;
        final NodeView buyer;
        final NodeView supplier;
        NodeView supplierCountry;
        final Map<String, Contract.Site> sites = new LinkedHashMap<>();
        final Set<String> minerals = new LinkedHashSet<>();
        Dependency shortest;

        Account(Dependency d) {
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

    static List<Contract> group(List<Dependency> dependencies, LocalDate asOf) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (Dependency d : dependencies) {
            if (d.deal() == null || !"OFFTAKE".equals(d.deal().type())) {
                continue;
            }
            Account a = accounts.computeIfAbsent(d.company().id() + "|" + d.deal().properties().get("id"),
                    k -> new Account(d));
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
        // Accounts of one buyer from different sources that reach a common supplier or site are one contract. Only
        // one buyer's accounts can be one contract, so each buyer's are grouped apart (a country's firms hold
        // thousands of accounts at scale; comparing all with all took seconds).
        Map<String, List<List<Account>>> groupsByBuyer = new LinkedHashMap<>();
        for (Account account : accounts.values()) {
            List<List<Account>> groups = groupsByBuyer.computeIfAbsent(account.buyer.id(), k -> new ArrayList<>());
            // Joined groups must not bring two accounts of one source together (two contracts that a third
            // source's account happens to match both stay two).
            Set<List<Account>> joined = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            List<List<Account>> joinedInOrder = new ArrayList<>();
            Set<String> sources = new java.util.HashSet<>(Set.of(account.source()));
            for (List<Account> g : groups) {
                if (g.stream().anyMatch(other -> sameContract(account, other))
                        && g.stream().noneMatch(other -> sources.contains(other.source()))) {
                    joined.add(g);
                    joinedInOrder.add(g);
                    g.forEach(other -> sources.add(other.source()));
                }
            }
            List<Account> merged = new ArrayList<>();
            joinedInOrder.forEach(merged::addAll);
            merged.add(account);
            groups.removeIf(joined::contains);
            groups.add(merged);
        }
        List<Contract> contracts = new ArrayList<>();
        for (List<List<Account>> groups : groupsByBuyer.values()) {
            for (List<Account> group : groups) {
                contracts.add(contract(group, asOf));
            }
        }
        contracts.sort(Comparator.comparing((Contract c) -> c.buyer().name()).thenComparing(c -> c.buyer().id())
                .thenComparing(c -> c.supplier().name()));
        return contracts;
    }

    private static boolean sameContract(Account a, Account b) {
        return a.buyer.id().equals(b.buyer.id())
                && !a.source().equals(b.source())
                && a.reaches().stream().anyMatch(b.reaches()::contains);
    }

    private static Contract contract(List<Account> group, LocalDate asOf) {
        List<Account> ordered = new ArrayList<>(group);
        ordered.sort(Comparator.comparing((Account a) -> !SEED.equals(a.source()))
                .thenComparing(a -> String.valueOf(a.deal.properties().get("id"))));
        Account preferred = ordered.get(0);
        Map<String, Contract.Site> sites = new LinkedHashMap<>();
        ordered.forEach(a -> a.sites.forEach(sites::putIfAbsent));
        Set<String> minerals = new java.util.TreeSet<>();
        ordered.forEach(a -> minerals.addAll(a.minerals));
        NodeView supplierCountry = ordered.stream().map(a -> a.supplierCountry).filter(Objects::nonNull)
                .findFirst().orElse(null);
        // The volume comes from the first account, in order of preference, that states one.
        Volume volume = null;
        for (Account a : ordered) {
            Volume v = Volume.of(a.deal, asOf);
            if (volume == null || (volume.tonnesPerYear() == null && v.tonnesPerYear() != null)) {
                volume = v;
            }
        }
        InForce inForce = InForce.of(preferred.deal.properties());
        return new Contract(preferred.buyer, preferred.supplier, supplierCountry, List.copyOf(sites.values()),
                (String) preferred.deal.properties().get("product"), List.copyOf(minerals), volume.tonnesPerYear(),
                volume.how(),
                inForce.from() == null ? null : inForce.from().toString(),
                inForce.until() == null ? null : inForce.until().toString(),
                preferred.deal, ordered.stream().skip(1).map(a -> a.deal).toList(), preferred.shortest.path());
    }

    /** A yearly volume read from an account, and how; tonnesPerYear null when the account gives none. */
    record Volume(Double tonnesPerYear, String how) {

        static Volume of(RelationshipView deal, LocalDate asOf) {
            Map<String, Object> p = deal.properties();
            String id = " (" + p.get("id") + ")";
            if (p.get("tonnesPerYear") instanceof Number perYear) {
                if (asOf != null && p.get("initialTonnesPerYear") instanceof Number initial
                        && p.get("initialYears") instanceof Number years && p.get("startDate") instanceof String start
                        && asOf.isBefore(InForce.firstDay(start).plusYears(years.longValue()))) {
                    return new Volume(initial.doubleValue(), "initialTonnesPerYear " + number(initial)
                            + " in the first " + years + " years from " + start + id);
                }
                return new Volume(perYear.doubleValue(), "tonnesPerYear " + number(perYear) + id);
            }
            if (p.get("tonnesTotal") instanceof Number total) {
                if (p.get("termYears") instanceof Number years && years.doubleValue() > 0) {
                    return new Volume(total.doubleValue() / years.doubleValue(),
                            "tonnesTotal " + number(total) + " / termYears " + years + id);
                }
                String start = (String) p.get("startDate");
                String end = (String) p.get("endDate");
                if (start != null && end != null && InForce.months(start, end) > 0) {
                    long months = InForce.months(start, end);
                    return new Volume(total.doubleValue() * 12 / months, "tonnesTotal " + number(total) + " over "
                            + start + ".." + end + " (" + months + " months)" + id);
                }
                return new Volume(null, "unknown: tonnesTotal " + number(total) + " over no stated term" + id);
            }
            if (p.get("sharePct") instanceof Number share) {
                return new Volume(null, "unknown: " + number(share) + "% of the supplier's output, whose size the"
                        + " graph does not hold" + id);
            }
            return new Volume(null, "unknown: the account states no volume" + id);
        }

        private static String number(Number n) {
            return NumberFormat.getInstance(Locale.ENGLISH).format(n);
        }
    }
}
