package org.mineralsupplygraph.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;

/**
 * The alerts read from one country's contracts: a buyer with one supplier or one origin country for a mineral, the
 * country's firms' sourcing of a mineral concentrated by origin, and contracts ending within the horizon.
 */
final class SupplyAlerts {

    private SupplyAlerts() {}

    /** Supplier, origin, concentration and ending warnings for one country's buyers, in that order. */
    static List<Alert> of(
            NodeView buyerCountry, List<Contract> contracts, Map<String, NodeView> minerals, LocalDate asOf) {
        List<Alert> alerts = new ArrayList<>(buyerAlerts(contracts, minerals));
        alerts.addAll(concentrationAlerts(buyerCountry, contracts, minerals, asOf));
        alerts.addAll(endingAlerts(contracts, asOf));
        return alerts;
    }

    /** Each buyer's single-supplier and single-origin-country warnings, mineral by mineral. */
    private static List<Alert> buyerAlerts(List<Contract> contracts, Map<String, NodeView> minerals) {
        List<Alert> alerts = new ArrayList<>();
        for (Map<String, List<Contract>> perMineral :
                byBuyerAndMineral(contracts).values()) {
            perMineral.forEach((mineral, own) -> {
                String mineralName = name(minerals, mineral);
                if (singleSupplier(own)) {
                    alerts.add(singleSupplierAlert(own, mineral, mineralName));
                }
                Map<String, String> origins = origins(own);
                if (origins.size() == 1) {
                    alerts.add(singleOriginAlert(own, mineral, mineralName, origins));
                }
            });
        }
        return alerts;
    }

    /** The minerals (of the graph's) whose contracted supply to the country's firms is highly concentrated. */
    private static List<Alert> concentrationAlerts(
            NodeView buyerCountry, List<Contract> contracts, Map<String, NodeView> minerals, LocalDate asOf) {
        List<Alert> alerts = new ArrayList<>();
        byMineral(contracts).forEach((id, own) -> {
            NodeView mineral = minerals.get(id);
            if (mineral != null) {
                ConcentrationResponse sourcing = ConcentrationService.buyerConcentration(
                        mineral, buyerCountry, "origin", asOf, own, Concentration.DEFAULT);
                Concentration measures = sourcing.concentration();
                if (measures != null && measures.hhi() > Concentration.HIGH) {
                    alerts.add(concentrationAlert(buyerCountry, mineral, sourcing));
                }
            }
        });
        return alerts;
    }

    /** The contracts that end between asOf and the horizon, in order. */
    private static List<Alert> endingAlerts(List<Contract> contracts, LocalDate asOf) {
        LocalDate horizon = asOf.plusMonths(AlertsService.HORIZON_MONTHS);
        return contracts.stream()
                .filter(c -> c.until() != null)
                .filter(c -> {
                    LocalDate until = LocalDate.parse(c.until());
                    return !until.isBefore(asOf) && !until.isAfter(horizon);
                })
                .map(c -> endingAlert(c, asOf))
                .toList();
    }

    /** Each buyer's contracts by mineral (a contract of several minerals under each), buyers and minerals in order. */
    private static Map<String, Map<String, List<Contract>>> byBuyerAndMineral(List<Contract> contracts) {
        Map<String, Map<String, List<Contract>>> byBuyerAndMineral = new LinkedHashMap<>();
        for (Contract c : contracts) {
            for (String mineral : c.minerals()) {
                byBuyerAndMineral
                        .computeIfAbsent(c.buyer().id(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(mineral, k -> new ArrayList<>())
                        .add(c);
            }
        }
        return byBuyerAndMineral;
    }

    /** The country's contracts by mineral (a contract of several minerals under each), minerals in order. */
    private static Map<String, List<Contract>> byMineral(List<Contract> contracts) {
        Map<String, List<Contract>> byMineral = new LinkedHashMap<>();
        for (Contract c : contracts) {
            for (String mineral : c.minerals()) {
                byMineral.computeIfAbsent(mineral, k -> new ArrayList<>()).add(c);
            }
        }
        return byMineral;
    }

    private static boolean singleSupplier(List<Contract> own) {
        return own.stream().map(c -> c.supplier().name()).distinct().count() == 1;
    }

    /** A buyer's contracts for a mineral all with one supplier. */
    private static Alert singleSupplierAlert(List<Contract> own, String mineral, String mineralName) {
        NodeView buyer = own.get(0).buyer();
        String supplier = own.get(0).supplier().name();
        return new Alert(
                "single-supplier",
                "high",
                buyer.name() + " relies on one supplier for " + mineralName + ": " + supplier + ".",
                buyer,
                mineral,
                null,
                List.of(own.size() + " contract(s) in force, all with " + supplier + "."),
                deals(own),
                own);
    }

    /** The names of the known sites of the contracts, by the name of their country. */
    private static Map<String, String> origins(List<Contract> own) {
        Map<String, String> origins = new LinkedHashMap<>();
        own.forEach(c -> c.sites()
                .forEach(s -> origins.merge(
                        s.country().name(), s.site().name(), (a, b) -> a.contains(b) ? a : a + ", " + b)));
        return origins;
    }

    /** Every known site of a buyer's contracts for a mineral in one country (medium when some sites are unknown). */
    private static Alert singleOriginAlert(
            List<Contract> own, String mineral, String mineralName, Map<String, String> origins) {
        NodeView buyer = own.get(0).buyer();
        long unknown = own.stream().filter(c -> c.sites().isEmpty()).count();
        String place = origins.keySet().iterator().next();
        List<String> facts = new ArrayList<>();
        facts.add("Sites: " + origins.get(place) + " (" + place + ").");
        if (unknown > 0) {
            facts.add(unknown + " contract(s) with no known site: their origin is unknown.");
        }
        return new Alert(
                "single-origin-country",
                unknown > 0 ? "medium" : "high",
                "All of " + buyer.name() + "'s known " + mineralName + " supply comes from " + place + ".",
                buyer,
                mineral,
                null,
                facts,
                deals(own),
                own);
    }

    /** A country's firms' contracted supply of a mineral highly concentrated by origin country. */
    private static Alert concentrationAlert(NodeView buyerCountry, NodeView mineral, ConcentrationResponse sourcing) {
        Concentration measures = sourcing.concentration();
        List<String> facts = new ArrayList<>();
        sourcing.shares()
                .forEach(s -> facts.add(s.country().name() + ": " + String.format(Locale.ENGLISH, "%,.0f", s.tonnes())
                        + " t/yr, " + s.sharePct() + "%."));
        facts.add("HHI " + measures.hhi() + ", CR1 " + measures.cr1() + "%.");
        if (!sourcing.notCounted().isEmpty()) {
            facts.add(sourcing.notCounted().size() + " contract(s) not counted (unknown volume or origin).");
        }
        return new Alert(
                "sourcing-concentration",
                "high",
                buyerCountry.name() + "'s firms' contracted "
                        + mineral.name().toLowerCase(Locale.ROOT)
                        + " supply is highly concentrated by origin (HHI "
                        + measures.hhi() + ").",
                buyerCountry,
                mineral.id(),
                null,
                facts,
                deals(sourcing.contracts()),
                sourcing.contracts());
    }

    /** A contract in force that ends within the horizon (high within the urgent months). */
    private static Alert endingAlert(Contract c, LocalDate asOf) {
        LocalDate until = LocalDate.parse(c.until());
        long days = ChronoUnit.DAYS.between(asOf, until);
        List<String> facts = new ArrayList<>();
        facts.add("In force " + (c.from() == null ? "" : "from " + c.from() + " ") + "until " + c.until() + ", " + days
                + " days after " + asOf + ".");
        if (c.deal().properties().get("optionYears") instanceof Number options) {
            facts.add("The contract has an option to extend by " + options + " years.");
        }
        if (c.tonnesPerYear() != null) {
            facts.add("Volume: " + c.volume() + ".");
        }
        return new Alert(
                "contract-ending",
                until.isAfter(asOf.plusMonths(AlertsService.URGENT_MONTHS)) ? "medium" : "high",
                c.buyer().name() + "'s contract with " + c.supplier().name() + " for " + String.join(", ", c.minerals())
                        + " ends on " + c.until() + ".",
                c.buyer(),
                c.minerals().isEmpty() ? null : c.minerals().get(0),
                c.until(),
                facts,
                List.of(c.deal()),
                List.of(c));
    }

    private static List<RelationshipView> deals(List<Contract> contracts) {
        return contracts.stream().map(Contract::deal).toList();
    }

    private static String name(Map<String, NodeView> minerals, String id) {
        NodeView m = minerals.get(id);
        return m == null ? id : m.name().toLowerCase(Locale.ROOT);
    }
}
