package org.mineralsupplygraph.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mineralsupplygraph.exposure.SupplyRoutes;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.InForce;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;
import org.mineralsupplygraph.reach.SupplyReach;
import org.mineralsupplygraph.system.Cursor;
import org.mineralsupplygraph.system.CypherQueries;
import org.mineralsupplygraph.system.Named;
import org.mineralsupplygraph.system.ReadQueries;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/** Early warnings: single points of supply, concentrated sourcing, contracts ending, reviews due, stockpile targets. */
@Service
class AlertsService {

    static final int HORIZON_MONTHS = 12;

    /** A contract ending within this many months is a high-severity warning; later within the horizon, medium. */
    static final int URGENT_MONTHS = 3;

    /** The countries whose firms are buyers: the one asked for, or every country with a company. */
    private static final String BUYER_COUNTRIES = """
            MATCH (k:Country)
            WHERE ($country IS NULL OR k.id = $country) AND EXISTS { (k)<-[:HEADQUARTERED_IN]-(:Company) }
            RETURN k ORDER BY k.name
            """;

    private static final String MINERALS = "MATCH (m:Mineral) RETURN m ORDER BY m.name";

    private static final String REVIEWS = CypherQueries.include("""
            MATCH (a:Agreement)
            WHERE a.reviewIntervalYears IS NOT NULL
              AND /*<in-force-from a>*/coalesce(a.validFrom, a.startDate, a.signed, a.announced)/*</in-force-from>*/
                  IS NOT NULL
            MATCH (a)<-[p:PARTY_TO]-(party)
            OPTIONAL MATCH (party)-[:PART_OF]->{0,1}(:Government)-[:GOVERNS]->(k:Country)
            WITH a, collect(DISTINCT k.id) AS countries, collect({r: p, from: party.id}) AS parties
            WHERE $country IS NULL OR $country IN countries
            RETURN a, parties ORDER BY a.name
            """);

    private static final String STOCKPILES = """
            MATCH (p:Policy)
            WHERE p.stockpileTargetDays IS NOT NULL
            MATCH (p)<-[e:ENACTED]-(actor)
            OPTIONAL MATCH (actor)-[:PART_OF]->{0,1}(:Government)-[:GOVERNS]->(k:Country)
            WITH p, collect(DISTINCT k) AS countries, collect({r: e, from: actor.id}) AS enacted
            WHERE $country IS NULL OR any(k IN countries WHERE k.id = $country)
            RETURN p, countries, enacted,
                   COLLECT { MATCH (p)-[c:COVERS]->(m:Mineral) RETURN {r: c, to: m.id, name: m.name} } AS covers
            ORDER BY p.name
            """;

    private final ReadQueries queries;
    private final SupplyReach reach;

    AlertsService(ReadQueries queries, SupplyReach reach) {
        this.queries = queries;
        this.reach = reach;
    }

    /** Contracts an alert lists at most; its facts say how many there are in all. */
    static final int CONTRACTS_PER_ALERT = 20;

    /** The order of the alerts: high severity first, then by kind and subject. */
    private static final Comparator<Alert> ORDER = Comparator.comparingInt(
                    (Alert a) -> List.of("high", "medium", "low").indexOf(a.severity()))
            .thenComparing(Alert::kind)
            .thenComparing(a -> a.subject().name());

    AlertsResponse alerts(String country, LocalDate asOf, int limit, String cursor) {
        String question = country + "|" + asOf;
        int offset = Cursor.offset(cursor, question, "country and asOf");
        SupplyReach.Reading reading = reach.read();
        return queries.read(tx -> {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("country", country);
            Named.require(tx, Named.country("country", country));
            List<Record> buyerRows = tx.run(BUYER_COUNTRIES, parameters).list();
            Map<String, NodeView> minerals = minerals(tx);
            List<Alert> alerts = new ArrayList<>();
            Map<String, List<Contract>> contractsByCountry = new HashMap<>();
            Map<Contract, SupplyContracts.Supplies> owners = new IdentityHashMap<>();
            for (Record row : buyerRows) {
                NodeView buyerCountry = GraphViews.node(row.get("k"));
                // Every mineral at once: one search of the supply routes per country, each mineral weighed apart.
                SupplyContracts.Supplies supplies =
                        SupplyContracts.find(tx, buyerCountry.id(), null, asOf, reading, false);
                supplies.all().forEach(c -> owners.put(c, supplies));
                contractsByCountry.put(buyerCountry.id(), supplies.all());
                alerts.addAll(SupplyAlerts.of(buyerCountry, supplies.all(), minerals, asOf));
            }
            alerts.addAll(reviews(tx, parameters, asOf));
            alerts.addAll(stockpiles(tx, parameters, contractsByCountry));
            alerts.sort(ORDER);
            List<Alert> page = shown(tx, Cursor.page(alerts, offset, limit), owners);
            return new AlertsResponse(
                    country,
                    asOf.toString(),
                    HORIZON_MONTHS,
                    page,
                    RULES,
                    alerts.size(),
                    limit,
                    Cursor.next(offset, limit, alerts.size(), question));
        });
    }

    /** The graph's minerals by id, in order of name. */
    private static Map<String, NodeView> minerals(TransactionContext tx) {
        Map<String, NodeView> minerals = new LinkedHashMap<>();
        tx.run(MINERALS).forEachRemaining(r -> {
            NodeView m = GraphViews.node(r.get("m"));
            minerals.put(m.id(), m);
        });
        return minerals;
    }

    /**
     * The alerts of a page as shown: their contracts (at most CONTRACTS_PER_ALERT each, with a fact saying how many
     * there are) with their evidence read, and their subjects with their properties.
     */
    private static List<Alert> shown(
            TransactionContext tx, List<Alert> page, Map<Contract, SupplyContracts.Supplies> owners) {
        Map<SupplyContracts.Supplies, List<Contract>> wanted = new IdentityHashMap<>();
        List<String> subjects = new ArrayList<>();
        for (Alert a : page) {
            subjects.add(a.subject().id());
            if (a.contracts() != null) {
                a.contracts().stream().limit(CONTRACTS_PER_ALERT).forEach(c -> {
                    SupplyContracts.Supplies owner = owners.get(c);
                    if (owner != null) {
                        wanted.computeIfAbsent(owner, k -> new ArrayList<>()).add(c);
                    }
                });
            }
        }
        Map<Contract, Contract> complete = new IdentityHashMap<>();
        wanted.forEach((owner, contracts) -> complete.putAll(owner.shown(tx, contracts)));
        Map<String, NodeView> nodes =
                SupplyRoutes.evidence(tx, List.of(), subjects).nodes();
        List<Alert> shown = new ArrayList<>(page.size());
        for (Alert a : page) {
            List<Contract> contracts = a.contracts();
            List<RelationshipView> evidence = a.evidence();
            List<String> facts = a.facts();
            if (contracts != null) {
                if (contracts.size() > CONTRACTS_PER_ALERT) {
                    facts = new ArrayList<>(facts);
                    facts.add(String.format(
                            Locale.ENGLISH,
                            "%,d contracts in all; the first %d are listed.",
                            contracts.size(),
                            CONTRACTS_PER_ALERT));
                }
                if (evidence != null && evidence.size() > CONTRACTS_PER_ALERT) {
                    evidence = evidence.subList(0, CONTRACTS_PER_ALERT);
                }
                contracts = contracts.stream()
                        .limit(CONTRACTS_PER_ALERT)
                        .map(c -> complete.getOrDefault(c, c))
                        .filter(c -> c.path() != null)
                        .toList();
            }
            shown.add(new Alert(
                    a.kind(),
                    a.severity(),
                    a.message(),
                    nodes.getOrDefault(a.subject().id(), a.subject()),
                    a.mineral(),
                    a.date(),
                    facts,
                    evidence,
                    contracts));
        }
        return shown;
    }

    static final List<String> RULES = List.of(
            "single-supplier (high): a buyer's contracts in force for a mineral all have one supplier.",
            "single-origin-country (high; medium when some contracts' origin is unknown): every known site of a"
                    + " buyer's contracts for a mineral lies in one country.",
            "sourcing-concentration (high): the HHI of a country's firms' contracted supply of a mineral by origin"
                    + " country is above " + (int) Concentration.HIGH + " (highly concentrated by the 2023 U.S. Merger"
                    + " Guidelines).",
            "contract-ending (high within " + URGENT_MONTHS + " months, else medium): a contract in force ends within "
                    + HORIZON_MONTHS + " months of asOf.",
            "agreement-review (low): an agreement reviewed every N years from its start has a review within "
                    + HORIZON_MONTHS + " months of asOf.",
            "stockpile-target (medium when the graph knows no contracted supply of the covered minerals, else low):"
                    + " a policy sets a stockpile target; the graph holds no stockpile levels to compare.");

    private static List<Alert> reviews(TransactionContext tx, Map<String, Object> parameters, LocalDate asOf) {
        List<Alert> alerts = new ArrayList<>();
        for (Record row : tx.run(REVIEWS, parameters).list()) {
            NodeView agreement = GraphViews.node(row.get("a"));
            Map<String, Object> p = agreement.properties();
            InForce inForce = InForce.of(p);
            String start = InForce.start(p);
            long interval = ((Number) p.get("reviewIntervalYears")).longValue();
            // No review cycle to speak of, or an agreement no longer (or not yet) in force: nothing is due.
            if (interval <= 0 || !inForce.on(asOf)) {
                continue;
            }
            LocalDate first = inForce.from();
            long elapsed = Math.max(0, ChronoUnit.YEARS.between(first, asOf));
            LocalDate next = first.plusYears(Math.max(interval, (elapsed / interval) * interval));
            while (next.isBefore(asOf)) {
                next = next.plusYears(interval);
            }
            if (next.isAfter(asOf.plusMonths(HORIZON_MONTHS))) {
                continue;
            }
            List<RelationshipView> evidence = new ArrayList<>();
            row.get("parties")
                    .asList(v -> v)
                    .forEach(v -> evidence.add(GraphViews.relationship(
                            v.get("r").asRelationship(), v.get("from").asString(), agreement.id())));
            alerts.add(new Alert(
                    "agreement-review",
                    "low",
                    agreement.name() + " is due for review on or about " + next + ".",
                    agreement,
                    null,
                    next.toString(),
                    List.of(
                            "Reviewed every " + interval + " years from " + start + " (" + p.get("source") + ").",
                            "Next review " + ChronoUnit.DAYS.between(asOf, next) + " days after " + asOf + "."),
                    evidence,
                    null));
        }
        return alerts;
    }

    private static List<Alert> stockpiles(
            TransactionContext tx, Map<String, Object> parameters, Map<String, List<Contract>> contractsByCountry) {
        List<Alert> alerts = new ArrayList<>();
        for (Record row : tx.run(STOCKPILES, parameters).list()) {
            NodeView policy = GraphViews.node(row.get("p"));
            Map<String, Object> p = policy.properties();
            List<RelationshipView> evidence = new ArrayList<>();
            row.get("enacted")
                    .asList(v -> v)
                    .forEach(v -> evidence.add(GraphViews.relationship(
                            v.get("r").asRelationship(), v.get("from").asString(), policy.id())));
            List<String> covered = new ArrayList<>();
            List<String> coveredNames = new ArrayList<>();
            row.get("covers").asList(v -> v).forEach(v -> {
                evidence.add(GraphViews.relationship(
                        v.get("r").asRelationship(), policy.id(), v.get("to").asString()));
                covered.add(v.get("to").asString());
                coveredNames.add(v.get("name").asString().toLowerCase(Locale.ROOT));
            });
            List<String> countries =
                    row.get("countries").asList(v -> v.get("id").asString());
            String names = String.join(
                    ", ", row.get("countries").asList(v -> v.get("name").asString()));
            List<Contract> supply = new ArrayList<>();
            countries.forEach(k -> contractsByCountry.getOrDefault(k, List.of()).stream()
                    .filter(c -> c.minerals().stream().anyMatch(covered::contains))
                    .forEach(supply::add));
            List<String> facts = new ArrayList<>();
            facts.add("Target: " + p.get("stockpileTargetDays") + " days of supply"
                    + (p.get("previousStockpileDays") == null ? "" : ", up from " + p.get("previousStockpileDays"))
                    + (p.get("announced") == null ? "" : " (announced " + p.get("announced") + ")") + ".");
            facts.add(
                    "Covers: " + (coveredNames.isEmpty() ? "no mineral named" : String.join(", ", coveredNames)) + ".");
            facts.add("The graph holds no stockpile levels to compare with the target.");
            facts.add(
                    supply.isEmpty()
                            ? "The graph knows no contract in force of firms of " + names + " for the covered minerals."
                            : "Contracts in force of firms of " + names + " for the covered minerals: " + supply.size()
                                    + ".");
            alerts.add(new Alert(
                    "stockpile-target",
                    supply.isEmpty() ? "medium" : "low",
                    policy.name() + " sets a"
                            + " stockpile target of " + p.get("stockpileTargetDays")
                            + " days; the graph cannot say how far"
                            + " the stockpile is from it.",
                    policy,
                    null,
                    null,
                    facts,
                    evidence,
                    supply.isEmpty() ? null : supply));
        }
        return alerts;
    }
}
