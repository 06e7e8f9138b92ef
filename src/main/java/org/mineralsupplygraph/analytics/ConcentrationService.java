package org.mineralsupplygraph.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
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
            List<Record> latest = latest(figures(rows, mineral, mineralView, asOf));
            Map<String, Object> first =
                    latest.get(0).get("figure").asRelationship().asMap();
            double world = ((Number) first.get("worldTotalTonnes")).doubleValue();
            List<Share> shares = worldShares(latest, mineral, world);
            double named = named(shares);
            Concentration measures = Concentration.ofShares(
                    shares.stream().map(share -> 100 * share.tonnes() / world).toList(), guidelines);
            return new ConcentrationResponse(
                    mineralView,
                    "world",
                    null,
                    null,
                    asOf == null ? null : asOf.toString(),
                    (String) first.get("unit"),
                    year(latest.get(0)),
                    world,
                    Concentration.round(100 * named / world, 2),
                    shares,
                    measures,
                    sourceName(tx, (String) first.get("source")),
                    (String) first.get("vintage"),
                    null,
                    null,
                    worldNotes(first, shares.size(), world, named),
                    null,
                    null,
                    null,
                    null);
        });
    }

    /** The rows with a production figure dated in or before the year asked about; a 404 when there are none. */
    private static List<Record> figures(List<Record> rows, String mineral, NodeView mineralView, LocalDate asOf) {
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
        return figures;
    }

    /**
     * The latest year's figures, of one source's vintage (the first row's, the newest): two vintages' figures for the
     * same year (a revision) would otherwise count each country twice.
     */
    private static List<Record> latest(List<Record> figures) {
        Map<String, Object> first =
                figures.get(0).get("figure").asRelationship().asMap();
        long year = year(figures.get(0));
        return figures.stream()
                .filter(r -> year(r) == year)
                .filter(r -> Objects.equals(
                        r.get("figure").asRelationship().get("source").asObject(), first.get("source")))
                .filter(r -> Objects.equals(
                        r.get("figure").asRelationship().get("vintage").asObject(), first.get("vintage")))
                .toList();
    }

    /** Each named country's production, as a share of the published world total. */
    private static List<Share> worldShares(List<Record> latest, String mineral, double world) {
        List<Share> shares = new ArrayList<>();
        for (Record r : latest) {
            NodeView country = GraphViews.node(r.get("country"));
            double tonnes =
                    ((Number) r.get("figure").asRelationship().get("tonnes").asObject()).doubleValue();
            shares.add(new Share(
                    country,
                    tonnes,
                    Concentration.round(100 * tonnes / world, 2),
                    GraphViews.relationship(r.get("figure").asRelationship(), country.id(), mineral),
                    null));
        }
        return shares;
    }

    /** The tonnes of the named countries, added in order. */
    private static double named(List<Share> shares) {
        double named = 0;
        for (Share share : shares) {
            named += share.tonnes();
        }
        return named;
    }

    /** What the world HHI is over, what the named countries leave out (or exceed), and the source's caveat. */
    private static List<String> worldNotes(Map<String, Object> first, int countries, double world, double named) {
        List<String> notes = new ArrayList<>();
        String worldText = String.format(Locale.ENGLISH, "%,.0f", world);
        notes.add("HHI over the " + countries + " countries the source names, each as a share of the published"
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
        return notes;
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
        SupplyByCountry supply = SupplyByCountry.of(all, basis);
        double total = supply.total();
        List<String> notes = buyerNotes(buyerCountry, basis, supply);
        Concentration measures = total > 0 ? Concentration.ofShares(supply.percents(), guidelines) : null;
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
                supply.shares(),
                measures,
                null,
                null,
                supply.counted(),
                supply.excluded(),
                notes,
                supply.counted().size(),
                supply.excluded().size(),
                null,
                null);
    }

    /** What a buyer country's shares are of, and what could not be counted. */
    private static List<String> buyerNotes(NodeView buyerCountry, String basis, SupplyByCountry supply) {
        List<String> notes = new ArrayList<>();
        notes.add("Shares of the quantified tonnes a year of " + buyerCountry.name() + "'s firms' supply, contracted"
                + " (OFFTAKE) or held (the stake times a held site's stated production, else capacity), by the "
                + ("origin".equals(basis)
                        ? "country of the mines and facilities the supply comes from"
                        : "country the suppliers are headquartered in")
                + ". Tonnes are of product as contracted or produced (a concentrate and a chemical add up as tonnes of product,"
                + " not of contained metal).");
        if (!supply.excluded().isEmpty()) {
            notes.add(supply.excluded().size()
                    + " contract(s) or holding(s) could not be counted and are listed under notCounted with the"
                    + " reason; the shares describe only the "
                    + supply.counted().size() + " counted.");
        }
        return notes;
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
