package org.mineralsupplygraph.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mineralsupplygraph.analytics.DisruptionResponse.BuyerImpact;
import org.mineralsupplygraph.analytics.DisruptionResponse.Hit;
import org.mineralsupplygraph.exposure.SupplyRoutes;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.reach.SupplyReach;
import org.mineralsupplygraph.system.Cursor;
import org.mineralsupplygraph.system.Named;
import org.mineralsupplygraph.system.ReadQueries;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/** Takes countries, companies or sites out of the supply network, in thought only, and counts what buyers lose. */
@Service
class DisruptionService {

    private final ReadQueries queries;
    private final SupplyReach reach;

    DisruptionService(ReadQueries queries, SupplyReach reach) {
        this.queries = queries;
        this.reach = reach;
    }

    DisruptionResponse disrupt(DisruptionScenario scenario, int limit, String cursor) {
        String question = scenario.toString();
        int offset = Cursor.offset(cursor, question, "body");
        SupplyReach.Reading reading = reach.read();
        return queries.read(tx -> {
            Named.requireFields(tx, named(scenario));
            SupplyContracts.Supplies supplies = SupplyContracts.find(
                    tx, scenario.buyerCountry(), scenario.mineral(), scenario.asOf(), reading, true);
            // A removed company or site is looked for on every contract's path: then every path is read.
            boolean paths =
                    !scenario.companies().isEmpty() || !scenario.facilities().isEmpty();
            DisruptionResponse all = impact(scenario, paths ? supplies.allShown(tx) : supplies.all());
            return page(tx, supplies, all, offset, limit, question);
        });
    }

    /** One page of the affected and unaffected buyers, their contracts with their evidence. */
    private static DisruptionResponse page(
            TransactionContext tx,
            SupplyContracts.Supplies supplies,
            DisruptionResponse all,
            int offset,
            int limit,
            String question) {
        List<BuyerImpact> buyers = Cursor.page(all.buyers(), offset, limit);
        List<NodeView> unaffected = Cursor.page(all.unaffected(), offset, limit);
        List<Contract> shown = new ArrayList<>();
        for (BuyerImpact b : buyers) {
            b.lost().forEach(h -> shown.add(h.contract()));
            b.partlyAffected().forEach(h -> shown.add(h.contract()));
            shown.addAll(b.remaining());
        }
        Map<Contract, Contract> complete = supplies.shown(tx, shown);
        List<String> ids = new ArrayList<>(unaffected.stream().map(NodeView::id).toList());
        buyers.forEach(b -> ids.add(b.buyer().id()));
        Map<String, NodeView> nodes = SupplyRoutes.evidence(tx, List.of(), ids).nodes();
        List<BuyerImpact> completed = buyers.stream()
                .map(b -> new BuyerImpact(
                        nodes.getOrDefault(b.buyer().id(), b.buyer()),
                        hits(b.lost(), complete),
                        hits(b.partlyAffected(), complete),
                        b.tonnesPerYearLost(),
                        b.lostWithUnknownVolume(),
                        b.knownTonnesPerYear(),
                        b.shareOfKnownSupplyLostPct(),
                        b.remaining().stream()
                                .map(complete::get)
                                .filter(Objects::nonNull)
                                .toList(),
                        b.tonnesPerYearRemaining()))
                .toList();
        // The summary: the page's buyers' lines (one per affected buyer, in order), then the answer's closing line.
        List<String> summary = new ArrayList<>(
                Cursor.page(all.summary().subList(0, all.buyers().size()), offset, limit));
        summary.addAll(all.summary().subList(all.buyers().size(), all.summary().size()));
        if (all.buyers().size() > buyers.size()) {
            summary.add(
                    0,
                    String.format(
                            Locale.ENGLISH,
                            "%,d of %,d buyers lose supplies; this page tells of %,d of" + " them.",
                            all.buyers().size(),
                            all.buyers().size() + all.unaffected().size(),
                            buyers.size()));
        }
        return new DisruptionResponse(
                all.scenario(),
                completed,
                unaffected.stream().map(n -> nodes.getOrDefault(n.id(), n)).toList(),
                summary,
                all.notes(),
                all.buyers().size(),
                all.unaffected().size(),
                limit,
                Cursor.next(
                        offset,
                        limit,
                        Math.max(all.buyers().size(), all.unaffected().size()),
                        question));
    }

    private static List<Hit> hits(List<Hit> hits, Map<Contract, Contract> complete) {
        return hits.stream()
                .filter(h -> complete.containsKey(h.contract()))
                .map(h -> new Hit(complete.get(h.contract()), h.reason()))
                .toList();
    }

    /** What a scenario names, field by field, in the order its problems are told. */
    private static List<Named> named(DisruptionScenario scenario) {
        List<Named> names = new ArrayList<>();
        for (int i = 0; i < scenario.countries().size(); i++) {
            names.add(Named.country(
                    "remove.countries[" + i + "]", scenario.countries().get(i)));
        }
        for (int i = 0; i < scenario.companies().size(); i++) {
            names.add(Named.company(
                    "remove.companies[" + i + "]", scenario.companies().get(i)));
        }
        for (int i = 0; i < scenario.facilities().size(); i++) {
            names.add(Named.site(
                    "remove.facilities[" + i + "]", scenario.facilities().get(i)));
        }
        names.add(Named.mineral("mineral", scenario.mineral()));
        names.add(Named.country("buyerCountry", scenario.buyerCountry()));
        return names;
    }

    /** The impact of a scenario on a set of contracts (no database needed: tested directly). */
    static DisruptionResponse impact(DisruptionScenario scenario, List<Contract> contracts) {
        boolean origin = "origin".equals(scenario.basis());
        Map<String, List<Contract>> byBuyer = new LinkedHashMap<>();
        contracts.forEach(c ->
                byBuyer.computeIfAbsent(c.buyer().id(), k -> new ArrayList<>()).add(c));
        List<BuyerImpact> impacts = new ArrayList<>();
        List<NodeView> unaffected = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (List<Contract> own : byBuyer.values()) {
            BuyerImpact impact = buyerImpact(scenario, origin, own);
            if (impact == null) {
                unaffected.add(own.get(0).buyer());
            } else {
                impacts.add(impact);
                summary.add(summaryLine(impact, own));
            }
        }
        if (contracts.isEmpty()) {
            summary.add("No firm of " + scenario.buyerCountry() + " has a contract for " + scenario.mineral()
                    + " that the graph knows of" + (scenario.asOf() == null ? "" : " in force on " + scenario.asOf())
                    + ".");
        } else if (impacts.isEmpty()) {
            summary.add("No contract of a firm of " + scenario.buyerCountry() + " for " + scenario.mineral()
                    + " runs through what the scenario removes.");
        }
        return new DisruptionResponse(
                scenario,
                impacts,
                unaffected,
                summary,
                notes(scenario, origin),
                impacts.size(),
                unaffected.size(),
                impacts.size() + unaffected.size(),
                null);
    }

    /** What one buyer's supplies lose to the scenario, or null when it leaves them whole. */
    private static BuyerImpact buyerImpact(DisruptionScenario scenario, boolean origin, List<Contract> own) {
        List<Hit> lost = new ArrayList<>();
        List<Hit> partly = new ArrayList<>();
        List<Contract> remaining = new ArrayList<>();
        for (Contract c : own) {
            Outcome outcome = hit(scenario, origin, c);
            if (outcome == null) {
                remaining.add(c);
            } else if (outcome.partial()) {
                partly.add(outcome.hit());
                remaining.add(c);
            } else {
                lost.add(outcome.hit());
            }
        }
        if (lost.isEmpty() && partly.isEmpty()) {
            return null;
        }
        double lostTonnes = lost.stream().mapToDouble(h -> tonnes(h.contract())).sum();
        double known = own.stream().mapToDouble(DisruptionService::tonnes).sum();
        double kept = remaining.stream().mapToDouble(DisruptionService::tonnes).sum();
        int unknownVolume = (int)
                lost.stream().filter(h -> h.contract().tonnesPerYear() == null).count();
        Double share = known > 0 ? Concentration.round(100 * lostTonnes / known, 2) : null;
        return new BuyerImpact(
                own.get(0).buyer(), lost, partly, lostTonnes, unknownVolume, known, share, remaining, kept);
    }

    /** The summary's sentence for an affected buyer. */
    private static String summaryLine(BuyerImpact b, List<Contract> own) {
        double known = b.knownTonnesPerYear();
        return b.buyer().name() + " loses " + b.lost().size() + " of " + own.size() + " " + supplies(own)
                + (known > 0
                        ? ": " + format(b.tonnesPerYearLost()) + " of " + format(known) + " t/yr known ("
                                + b.shareOfKnownSupplyLostPct() + "%)"
                        : "; the graph knows none of their volumes")
                + (b.lostWithUnknownVolume() > 0
                        ? ", plus " + b.lostWithUnknownVolume() + " lost of unknown volume"
                        : "")
                + (b.partlyAffected().isEmpty() ? "" : "; " + b.partlyAffected().size() + " more partly affected")
                + ".";
    }

    /** How to read the answer: what a supply is, and what a removed country, company or site takes. */
    private static List<String> notes(DisruptionScenario scenario, boolean origin) {
        return List.of(
                "A buyer's supplies are its contracts (OFFTAKE deals, each source's account of"
                        + " one contract grouped) and its holdings (mines and facilities it owns, operates or holds a stake in,"
                        + " directly or down a chain of stakes and subsidiaries: the stake times the site's stated production,"
                        + " else capacity); docs/analytics.md. On the " + scenario.basis() + " basis a country removes "
                        + (origin ? "the mines and facilities located in it" : "the suppliers headquartered in it")
                        + "; a company or site removes every contract whose evidence runs through it.",
                "The scenario is computed in a read-only transaction; the graph is unchanged.");
    }

    /** What the scenario does to a contract: takes it, or some of its sites only (partial). */
    private record Outcome(Hit hit, boolean partial) {

        static Outcome lost(Contract c, String reason) {
            return new Outcome(new Hit(c, reason), false);
        }
    }

    /** Why the scenario takes this contract (or part of it), or null. */
    private static Outcome hit(DisruptionScenario scenario, boolean origin, Contract c) {
        for (String company : scenario.companies()) {
            if (!company.equals(c.buyer().id()) && c.runsThrough(company)) {
                return Outcome.lost(c, "its supply runs through " + company);
            }
        }
        if (!origin
                && c.supplierCountry() != null
                && scenario.countries().contains(c.supplierCountry().id())) {
            return Outcome.lost(
                    c,
                    c.supplier().name() + " is headquartered in "
                            + c.supplierCountry().name());
        }
        List<String> removedSites = c.sites().stream()
                .filter(s -> scenario.facilities().contains(s.site().id())
                        || (origin && scenario.countries().contains(s.country().id())))
                .map(s -> s.site().name() + " (" + s.country().name() + ")")
                .toList();
        for (String facility : scenario.facilities()) {
            boolean isSite = c.sites().stream().anyMatch(s -> s.site().id().equals(facility));
            if (!isSite && c.runsThrough(facility)) {
                return Outcome.lost(c, "its supply runs through " + facility);
            }
        }
        if (!removedSites.isEmpty() && removedSites.size() == c.sites().size()) {
            return Outcome.lost(c, "every site it comes from is removed: " + String.join(", ", removedSites));
        }
        if (!removedSites.isEmpty()) {
            return new Outcome(
                    new Hit(
                            c,
                            "some of its sites are removed (" + String.join(", ", removedSites)
                                    + "), not all; its volume is not split by site, so it is counted as remaining"),
                    true);
        }
        return null;
    }

    /** "contract(s)" when they are all contracts, else "supplies (n contract(s), m holding(s))". */
    private static String supplies(List<Contract> own) {
        long holdings = own.stream().filter(c -> "holding".equals(c.kind())).count();
        return holdings == 0
                ? "contract(s)"
                : "supplies (" + (own.size() - holdings) + " contract(s), " + holdings + " holding(s))";
    }

    private static double tonnes(Contract c) {
        return c.tonnesPerYear() == null ? 0 : c.tonnesPerYear();
    }

    private static String format(double tonnes) {
        return String.format(Locale.ENGLISH, "%,.0f", tonnes);
    }
}
