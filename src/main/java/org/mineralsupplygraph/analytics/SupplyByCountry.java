package org.mineralsupplygraph.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mineralsupplygraph.analytics.ConcentrationResponse.Excluded;
import org.mineralsupplygraph.analytics.ConcentrationResponse.Share;
import org.mineralsupplygraph.graph.NodeView;

/**
 * A buyer country's contracts and holdings placed in the country each comes from, on a basis (origin: the country of
 * its sites; domicile: its supplier's), for {@link ConcentrationService}: the tonnes a year of those counted summed
 * per country, and those that cannot be counted with the reason.
 */
final class SupplyByCountry {

    private final Map<String, NodeView> countries = new LinkedHashMap<>();
    private final Map<String, Double> tonnes = new LinkedHashMap<>();
    private final Map<String, List<String>> ids = new LinkedHashMap<>();
    private final List<Contract> counted = new ArrayList<>();
    private final List<Excluded> excluded = new ArrayList<>();

    /** Where a contract comes from, or why it cannot be counted. */
    private record Placed(NodeView country, String reason) {

        static Placed of(Contract c, String basis) {
            Placed placed = "origin".equals(basis) ? byOrigin(c) : byDomicile(c);
            if (placed.reason() == null && c.tonnesPerYear() == null) {
                return new Placed(null, "volume " + c.volume());
            }
            return placed;
        }

        private static Placed byOrigin(Contract c) {
            List<String> origins = c.originCountries();
            if (origins.isEmpty()) {
                return new Placed(null, "the graph knows no mine or facility of this supply, so no origin");
            }
            if (origins.size() > 1) {
                return new Placed(
                        null,
                        "its sites lie in several countries (" + String.join(", ", origins)
                                + ") and the contract does not split its volume");
            }
            return new Placed(c.sites().get(0).country(), null);
        }

        private static Placed byDomicile(Contract c) {
            if (c.supplierCountry() == null) {
                return new Placed(
                        null, "the graph does not say where " + c.supplier().name() + " is headquartered");
            }
            return new Placed(c.supplierCountry(), null);
        }
    }

    /** The contracts placed on the basis, in their order. */
    static SupplyByCountry of(List<Contract> all, String basis) {
        SupplyByCountry supply = new SupplyByCountry();
        for (Contract c : all) {
            Placed placed = Placed.of(c, basis);
            if (placed.reason() != null) {
                supply.excluded.add(new Excluded(c, placed.reason()));
            } else {
                supply.count(c, placed.country());
            }
        }
        return supply;
    }

    private void count(Contract c, NodeView country) {
        counted.add(c);
        countries.putIfAbsent(country.id(), country);
        tonnes.merge(country.id(), c.tonnesPerYear(), Double::sum);
        ids.computeIfAbsent(country.id(), k -> new ArrayList<>())
                .add(String.valueOf(c.deal().properties().get("id")));
    }

    List<Contract> counted() {
        return counted;
    }

    List<Excluded> excluded() {
        return excluded;
    }

    /** The tonnes a year counted, over every country. */
    double total() {
        return tonnes.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Each country's percentage of the total, in the order the countries were first met. */
    List<Double> percents() {
        double total = total();
        return tonnes.values().stream().map(t -> 100 * t / total).toList();
    }

    /** Each country's tonnes, share and contracts, largest first. */
    List<Share> shares() {
        double total = total();
        List<Share> shares = new ArrayList<>();
        tonnes.forEach((id, t) -> shares.add(
                new Share(countries.get(id), t, Concentration.round(100 * t / total, 2), null, ids.get(id))));
        shares.sort(Comparator.comparingDouble(Share::tonnes).reversed());
        return shares;
    }
}
