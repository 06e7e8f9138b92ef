package org.mineralsupplygraph.analytics;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mineralsupplygraph.graph.InForce;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;

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
                        "initialTonnesPerYear " + number(initial) + " in the first " + years + " years from " + start
                                + id);
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
                    "unknown: " + number(share) + "% of the supplier's output, whose size the" + " graph does not hold"
                            + id);
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
                                !SupplyContracts.SEED.equals(p.properties().get("source")))
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
        String key =
                figure.properties().get("tonnesPerYear") instanceof Number ? "tonnesPerYear" : "capacityTonnesPerYear";
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
