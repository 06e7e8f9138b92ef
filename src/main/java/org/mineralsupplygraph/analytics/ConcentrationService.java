package org.mineralsupplygraph.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mineralsupplygraph.analytics.ConcentrationResponse.Excluded;
import org.mineralsupplygraph.analytics.ConcentrationResponse.Share;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.reach.SupplyReach;
import org.mineralsupplygraph.system.Cursor;
import org.mineralsupplygraph.system.CypherQueries;
import org.mineralsupplygraph.system.Named;
import org.mineralsupplygraph.system.NotFoundException;
import org.mineralsupplygraph.system.ReadQueries;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/** World production concentration, and the concentration of one country's contracted supply. */
@Service
class ConcentrationService {

    private static final String WORLD = CypherQueries.load("world-production");

    private final ReadQueries queries;
    private final SupplyReach reach;

    ConcentrationService(ReadQueries queries, SupplyReach reach) {
        this.queries = queries;
        this.reach = reach;
    }

    ConcentrationResponse world(String mineral, LocalDate asOf, Concentration.Guidelines guidelines) {
        return queries.read(tx -> {
            List<Record> rows = tx.run(WORLD, Map.of("mineral", mineral)).list();
            if (rows.isEmpty()) {
                throw Named.mineral("mineral", mineral).missing();
            }
            NodeView mineralView = GraphViews.node(rows.get(0).get("mineral"));
            List<Record> figures = rows.stream()
                    .filter(r -> !r.get("figure").isNull())
                    .filter(r -> asOf == null || year(r) <= asOf.getYear())
                    .toList();
            if (figures.isEmpty()) {
                throw new NotFoundException(
                        asOf == null ? "mineral" : "asOf",
                        asOf == null ? mineral : asOf.toString(),
                        "The graph holds no world production figures for " + mineralView.name()
                                + (asOf == null ? "" : " dated " + asOf.getYear() + " or earlier"));
            }
            // The latest year, and of it one source's vintage (the newest): two vintages' figures for the same year
            // (a revision) would otherwise count each country twice.
            Map<String, Object> first =
                    figures.get(0).get("figure").asRelationship().asMap();
            long year = year(figures.get(0));
            List<Record> latest = figures.stream()
                    .filter(r -> year(r) == year)
                    .filter(r -> Objects.equals(
                            r.get("figure").asRelationship().get("source").asObject(), first.get("source")))
                    .filter(r -> Objects.equals(
                            r.get("figure").asRelationship().get("vintage").asObject(), first.get("vintage")))
                    .toList();
            double world = ((Number) first.get("worldTotalTonnes")).doubleValue();
            List<Share> shares = new ArrayList<>();
            double named = 0;
            for (Record r : latest) {
                NodeView country = GraphViews.node(r.get("country"));
                double tonnes =
                        ((Number) r.get("figure").asRelationship().get("tonnes").asObject()).doubleValue();
                named += tonnes;
                shares.add(new Share(
                        country,
                        tonnes,
                        Concentration.round(100 * tonnes / world, 2),
                        GraphViews.relationship(r.get("figure").asRelationship(), country.id(), mineral),
                        null));
            }
            Concentration measures = Concentration.ofShares(
                    latest.stream()
                            .map(r -> 100
                                    * ((Number) r.get("figure")
                                                    .asRelationship()
                                                    .get("tonnes")
                                                    .asObject())
                                            .doubleValue()
                                    / world)
                            .toList(),
                    guidelines);
            List<String> notes = new ArrayList<>();
            String worldText = String.format(Locale.ENGLISH, "%,.0f", world);
            notes.add("HHI over the " + shares.size() + " countries the source names, each as a share of the published"
                    + " world total (" + worldText + " t), not of their sum.");
            notes.add(
                    named <= world
                            ? "The rest of the world ("
                                    + String.format(Locale.ENGLISH, "%.1f", 100 - 100 * named / world)
                                    + "%) is not named by country and is left out, so the HHI is a lower bound."
                            : "The named countries add up to more than the published world total ("
                                    + String.format(Locale.ENGLISH, "%.1f", 100 * named / world)
                                    + "%): the source's figures disagree; check them before relying on the HHI.");
            if (first.get("caveat") instanceof String caveat) {
                notes.add(caveat);
            }
            return new ConcentrationResponse(
                    mineralView,
                    "world",
                    null,
                    null,
                    asOf == null ? null : asOf.toString(),
                    (String) first.get("unit"),
                    year,
                    world,
                    Concentration.round(100 * named / world, 2),
                    shares,
                    measures,
                    sourceName(tx, (String) first.get("source")),
                    (String) first.get("vintage"),
                    null,
                    null,
                    notes,
                    null,
                    null,
                    null,
                    null);
        });
    }

    ConcentrationResponse buyers(
            String mineral,
            String buyerCountry,
            String basis,
            LocalDate asOf,
            Concentration.Guidelines guidelines,
            int limit,
            String cursor) {
        String question = String.join("|", mineral, buyerCountry, basis, String.valueOf(asOf), guidelines.name());
        int offset = Cursor.offset(cursor, question, "mineral, buyerCountry, basis, asOf and bands");
        SupplyReach.Reading reading = reach.read();
        return queries.read(tx -> {
            Map<String, NodeView> found =
                    Named.require(tx, Named.mineral("mineral", mineral), Named.country("buyerCountry", buyerCountry));
            SupplyContracts.Supplies supplies = SupplyContracts.find(tx, buyerCountry, mineral, asOf, reading, true);
            ConcentrationResponse all = buyerConcentration(
                    found.get("mineral"), found.get("buyerCountry"), basis, asOf, supplies.all(), guidelines);
            // Shares over every contract; the lists a page at a time, with their evidence read for that page only.
            List<Contract> counted = Cursor.page(all.contracts(), offset, limit);
            List<Excluded> excluded = Cursor.page(all.notCounted(), offset, limit);
            List<Contract> shown = new ArrayList<>(counted);
            excluded.forEach(e -> shown.add(e.contract()));
            Map<Contract, Contract> complete = supplies.shown(tx, shown);
            return all.page(
                    counted.stream().map(complete::get).filter(Objects::nonNull).toList(),
                    excluded.stream()
                            .filter(e -> complete.containsKey(e.contract()))
                            .map(e -> new Excluded(complete.get(e.contract()), e.reason()))
                            .toList(),
                    limit,
                    Cursor.next(
                            offset,
                            limit,
                            Math.max(all.contracts().size(), all.notCounted().size()),
                            question));
        });
    }

    /** The concentration of a set of contracts by the country each comes from, on the given basis. */
    static ConcentrationResponse buyerConcentration(
            NodeView mineral,
            NodeView buyerCountry,
            String basis,
            LocalDate asOf,
            List<Contract> all,
            Concentration.Guidelines guidelines) {
        Map<String, NodeView> countries = new LinkedHashMap<>();
        Map<String, Double> tonnes = new LinkedHashMap<>();
        Map<String, List<String>> ids = new LinkedHashMap<>();
        List<Contract> counted = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        for (Contract c : all) {
            String reason = null;
            NodeView country = null;
            if ("origin".equals(basis)) {
                List<String> origins = c.originCountries();
                if (origins.isEmpty()) {
                    reason = "the graph knows no mine or facility of this supply, so no origin";
                } else if (origins.size() > 1) {
                    reason = "its sites lie in several countries (" + String.join(", ", origins)
                            + ") and the contract does not split its volume";
                } else {
                    country = c.sites().get(0).country();
                }
            } else if (c.supplierCountry() == null) {
                reason = "the graph does not say where " + c.supplier().name() + " is headquartered";
            } else {
                country = c.supplierCountry();
            }
            if (reason == null && c.tonnesPerYear() == null) {
                reason = "volume " + c.volume();
            }
            if (reason != null) {
                excluded.add(new Excluded(c, reason));
                continue;
            }
            counted.add(c);
            countries.putIfAbsent(country.id(), country);
            tonnes.merge(country.id(), c.tonnesPerYear(), Double::sum);
            ids.computeIfAbsent(country.id(), k -> new ArrayList<>())
                    .add(String.valueOf(c.deal().properties().get("id")));
        }
        double total = tonnes.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Share> shares = new ArrayList<>();
        tonnes.forEach((id, t) -> shares.add(
                new Share(countries.get(id), t, Concentration.round(100 * t / total, 2), null, ids.get(id))));
        shares.sort(Comparator.comparingDouble(Share::tonnes).reversed());
        List<String> notes = new ArrayList<>();
        notes.add("Shares of the quantified tonnes a year of " + buyerCountry.name() + "'s firms' supply, contracted"
                + " (OFFTAKE) or held (the stake times a held site's stated production, else capacity), by the "
                + ("origin".equals(basis)
                        ? "country of the mines and facilities the supply comes from"
                        : "country the suppliers are headquartered in")
                + ". Tonnes are of product as contracted or produced (a concentrate and a chemical add up as tonnes of product,"
                + " not of contained metal).");
        if (!excluded.isEmpty()) {
            notes.add(excluded.size()
                    + " contract(s) or holding(s) could not be counted and are listed under notCounted with the"
                    + " reason; the shares describe only the " + counted.size() + " counted.");
        }
        Concentration measures = total > 0
                ? Concentration.ofShares(
                        tonnes.values().stream().map(t -> 100 * t / total).toList(), guidelines)
                : null;
        if (measures == null) {
            notes.add("No contract with a known volume and place: no concentration can be computed.");
        }
        return new ConcentrationResponse(
                mineral,
                "buyer",
                buyerCountry.id(),
                basis,
                asOf == null ? null : asOf.toString(),
                "t/yr of contracted product",
                null,
                total,
                null,
                shares,
                measures,
                null,
                null,
                counted,
                excluded,
                notes,
                counted.size(),
                excluded.size(),
                null,
                null);
    }

    private static long year(Record r) {
        return r.get("figure").asRelationship().get("year").asLong(0);
    }

    private static String sourceName(TransactionContext tx, String sourceId) {
        Record r = tx.run("OPTIONAL MATCH (s:Source {id: $id}) RETURN s.title AS title", Map.of("id", sourceId))
                .single();
        return r.get("title").isNull()
                ? sourceId
                : sourceId + ": " + r.get("title").asString();
    }
}
