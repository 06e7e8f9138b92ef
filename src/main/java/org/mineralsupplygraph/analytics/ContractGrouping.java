package org.mineralsupplygraph.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.mineralsupplygraph.exposure.Found;
import org.mineralsupplygraph.graph.InForce;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;

/**
 * How supplies become contracts: each supply is an account of a deal (an OFFTAKE, or a chain of holdings down to one
 * site); accounts of one buyer from different sources that reach a common supplier or site are one contract, told by
 * its preferred account (the seed article's first) with the sites, minerals and volume of all.
 */
final class ContractGrouping {

    /** The path shown for an account: one that reaches a site first, then the shortest. */
    private static final Comparator<Supply> EVIDENCE_ORDER =
            Comparator.comparing((Supply d) -> !"origin".equals(d.basis())).thenComparingInt(Supply::length);

    /** The order of a buyer country's contracts: buyer, kind, supplier, first site, deal id. */
    static final Comparator<Contract> CONTRACT_ORDER = Comparator.comparing(
                    (Contract c) -> c.buyer().name())
            .thenComparing(c -> c.buyer().id())
            .thenComparing(Contract::kind)
            .thenComparing(c -> c.supplier().name())
            .thenComparing(
                    c -> c.sites().isEmpty() ? "" : c.sites().get(0).site().id())
            .thenComparing(c -> String.valueOf(c.deal().properties().get("id")));

    private ContractGrouping() {}

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

        /** What one more path of this account says: its minerals, its site or its supplier's country. */
        void add(Supply d) {
            minerals.addAll(d.minerals());
            if ("origin".equals(d.basis())) {
                sites.putIfAbsent(d.site().id(), new Contract.Site(d.site(), d.country()));
                if (supplierCountry == null) {
                    supplierCountry = d.supplierCountry();
                }
            } else {
                supplierCountry = d.country();
            }
            if (shortest == null || EVIDENCE_ORDER.compare(d, shortest) < 0) {
                shortest = d;
            }
        }
    }

    /**
     * Groups supplies into contracts, in {@link #CONTRACT_ORDER}; the contracts made from supply routes keep the route
     * their evidence is read from.
     */
    static SupplyContracts.Supplies group(
            List<Supply> supplies, LocalDate asOf, Map<String, List<RelationshipView>> production) {
        Map<Contract, Found> routes = new IdentityHashMap<>();
        List<Contract> contracts = new ArrayList<>();
        for (List<Account> group : SupplyContracts.oneDeal(
                accounts(supplies), a -> a.buyer.id(), Account::source, ContractGrouping::sameContract)) {
            Account preferred = ordered(group).get(0);
            Contract c = contract(group, asOf, production);
            contracts.add(c);
            if (preferred.shortest.route() != null) {
                routes.put(c, preferred.shortest.route());
            }
        }
        contracts.sort(CONTRACT_ORDER);
        return new SupplyContracts.Supplies(contracts, routes);
    }

    /**
     * The accounts the contracts and holdings among the supplies are paths of: a contract is one account however many
     * sites it reaches; a holding, one per site (and per chain: two chains to one site are two accounts, each with its
     * own stake, the first preferred).
     */
    private static Iterable<Account> accounts(List<Supply> supplies) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (Supply d : supplies) {
            if (d.contract() || d.holding() != null) {
                accounts.computeIfAbsent(d.key(), k -> new Account(d)).add(d);
            }
        }
        return accounts.values();
    }

    /** The accounts of one contract in order of preference: the seed article's, then by deal id. */
    private static List<Account> ordered(List<Account> group) {
        List<Account> ordered = new ArrayList<>(group);
        ordered.sort(Comparator.comparing((Account a) -> !SupplyContracts.SEED.equals(a.source()))
                .thenComparing(a -> String.valueOf(a.deal.properties().get("id"))));
        return ordered;
    }

    /** Accounts of one buyer from different sources that reach a common supplier or site are one contract. */
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
        Volume volume = volume(ordered, asOf, production);
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

    /** The volume of the first account, in order of preference, that states one (else the first account's). */
    private static Volume volume(
            List<Account> ordered, LocalDate asOf, Map<String, List<RelationshipView>> production) {
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
        return volume;
    }
}
