package org.mineralsupplygraph.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A mineral's deals grouped into flows from one country to the firms of another, for the map ({@link MapService}):
 * rows of one deal and one country its supply comes from, as the flows query or the supply paths give them, one deal
 * counted once however many sources give an account of it.
 */
final class CountryFlows {

    /** The deals each flow lists, largest first. */
    static final int DEALS_LISTED = 10;

    private CountryFlows() {}

    /** One deal and one country its supply comes from, as the flows query or the supply paths give it. */
    record FlowRow(
            String deal,
            String type,
            Double tonnesPerYear,
            String product,
            String source,
            String buyer,
            String buyerName,
            String home,
            String supplier,
            String supplierName,
            String country,
            List<String> sites) {}

    /** One source's account of a deal, with every country and site its supply was found in. */
    private static final class DealAccount {
        final FlowRow first;
        final Set<String> countries = new TreeSet<>();
        final Set<String> sites = new LinkedHashSet<>();

        DealAccount(FlowRow first) {
            this.first = first;
        }

        Set<String> reaches() {
            Set<String> ids = new HashSet<>(sites);
            ids.add(first.supplier());
            return ids;
        }
    }

    /**
     * One deal as the sources give it: its accounts (one per source) and the preferred one, the seed article's, else
     * the first by id, whose volume counts.
     */
    private record Deal(DealAccount preferred, List<DealAccount> accounts, Set<String> countries, List<String> sites) {

        /** One group of accounts as one deal: every country and site any of them reaches. */
        static Deal of(List<DealAccount> group) {
            DealAccount preferred = group.stream()
                    .filter(a -> SupplyContracts.SEED.equals(a.first.source()))
                    .findFirst()
                    .orElse(group.stream()
                            .min(Comparator.comparing(a -> a.first.deal()))
                            .orElseThrow());
            Set<String> countries = new TreeSet<>();
            Set<String> sites = new LinkedHashSet<>();
            group.forEach(a -> {
                countries.addAll(a.countries);
                sites.addAll(a.sites);
            });
            return new Deal(preferred, group, countries, List.copyOf(sites));
        }
    }

    /**
     * Rows (one per deal and country, or per deal, country and site) grouped into flows, largest first. Accounts of
     * one buyer's deal from different sources that reach a common supplier or site are one deal, as
     * {@code SupplyContracts} groups a country's contracts (an article's account of SK On's offtake with Lake Resources
     * and Creamer Media's with Kachi itself): counted once, with the preferred account's volume.
     *
     * @param countryNames the map's country names by id
     */
    static List<Flow> of(List<FlowRow> rows, Map<String, String> countryNames) {
        Map<String, DealAccount> accounts = new TreeMap<>();
        for (FlowRow row : rows) {
            DealAccount account = accounts.computeIfAbsent(row.deal(), k -> new DealAccount(row));
            account.countries.add(row.country());
            account.sites.addAll(row.sites());
        }
        // Per buyer and kind of deal; accounts in id order, so that the grouping is the same however rows arrived.
        Map<String, FlowBuilder> flows = new TreeMap<>();
        for (List<DealAccount> group : SupplyContracts.oneDeal(
                accounts.values(),
                a -> a.first.buyer() + "|" + a.first.type(),
                a -> String.valueOf(a.first.source()),
                (a, b) -> a.reaches().stream().anyMatch(b.reaches()::contains))) {
            Deal deal = Deal.of(group);
            String home = deal.preferred().first.home();
            for (String country : deal.countries()) {
                flows.computeIfAbsent(country + "->" + home, k -> new FlowBuilder(country, home))
                        .add(deal);
            }
        }
        return flows.values().stream()
                .map(b -> b.build(countryNames))
                .sorted(Comparator.comparing((Flow f) -> f.tonnesPerYear() == null ? -1 : f.tonnesPerYear())
                        .reversed()
                        .thenComparing(f -> -(f.contracts() + f.stakes()))
                        .thenComparing(Flow::from)
                        .thenComparing(Flow::to))
                .toList();
    }

    /** One flow as its deals are added: their counts, the known tonnes, and the deals listed. */
    private static final class FlowBuilder {
        final String from;
        final String to;
        double tonnes;
        boolean anyTonnes;
        int contracts;
        int stakes;
        int unquantified;
        final List<Flow.Deal> deals = new ArrayList<>();

        FlowBuilder(String from, String to) {
            this.from = from;
            this.to = to;
        }

        void add(Deal deal) {
            FlowRow row = deal.preferred().first;
            boolean shared = deal.countries().size() > 1;
            boolean contract = "OFFTAKE".equals(row.type());
            if (contract) {
                contracts++;
                if (row.tonnesPerYear() == null) {
                    unquantified++;
                } else if (!shared) {
                    tonnes += row.tonnesPerYear();
                    anyTonnes = true;
                }
            } else {
                stakes++;
            }
            List<String> others = deal.accounts().stream()
                    .filter(a -> a != deal.preferred())
                    .map(a -> a.first.deal())
                    .sorted()
                    .toList();
            deals.add(new Flow.Deal(
                    contract ? "contract" : "stake",
                    row.buyer(),
                    row.buyerName() == null ? row.buyer() : row.buyerName(),
                    row.supplier(),
                    row.supplierName() == null ? row.supplier() : row.supplierName(),
                    deal.sites(),
                    row.product(),
                    row.tonnesPerYear(),
                    shared && row.tonnesPerYear() != null,
                    row.deal(),
                    row.source(),
                    others));
        }

        Flow build(Map<String, String> names) {
            List<Flow.Deal> listed = deals.stream()
                    .sorted(Comparator.comparing((Flow.Deal d) -> d.tonnesPerYear() == null ? -1 : d.tonnesPerYear())
                            .reversed()
                            .thenComparing(Flow.Deal::relationship))
                    .limit(DEALS_LISTED)
                    .toList();
            return new Flow(
                    from,
                    names.getOrDefault(from, from),
                    to,
                    names.getOrDefault(to, to),
                    anyTonnes ? tonnes : null,
                    contracts,
                    stakes,
                    unquantified,
                    listed);
        }
    }
}
