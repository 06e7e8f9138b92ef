package org.mineralsupplygraph.exposure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mineralsupplygraph.exposure.Dependency.Origin;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.PathView;
import org.mineralsupplygraph.graph.RelationshipView;
import org.mineralsupplygraph.reach.SupplyReach;
import org.mineralsupplygraph.system.CypherQueries;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Relationship;

/**
 * Finds supply paths and turns them into {@link Dependency} records. With a usable supply reach it runs
 * {@code cypher/queries/supply-reach-paths.cypher}, from the buyers' side or from the source country's, whichever is
 * smaller; otherwise it walks the graph with {@code cypher/queries/supply-paths.cypher}. Both give the same
 * dependencies (SupplyReachEquivalenceTest). Public for the analytics, which build their contracts and measures on
 * the same paths as the exposure endpoints.
 */
public final class SupplyPaths {

    private static final String WALK = CypherQueries.load("supply-paths");

    private static final String REACH = CypherQueries.load("supply-reach-paths");

    private static final String ORIGINS = CypherQueries.load("supply-origins");

    /**
     * What counts as the mineral, as the supply-path queries take it: the mineral and its products, and the agreements
     * that cover it (never an empty list: the extra id matches no agreement).
     */
    public static Map<String, List<String>> forms(TransactionContext tx, String mineral) {
        Record forms = tx.run(FORMS, Map.of("mineral", mineral)).single();
        List<String> products = new ArrayList<>();
        products.add(mineral);
        products.addAll(forms.get("products").asList(Value::asString));
        List<String> agreements = new ArrayList<>(forms.get("agreements").asList(Value::asString));
        agreements.add(NO_ID);
        return Map.of("products", products, "agreements", agreements);
    }

    /** What counts as the mineral: its products, and the agreements that cover it. */
    private static final String FORMS = """
            RETURN COLLECT { MATCH (p:Product)-[:FORM_OF]->(:Mineral {id: $mineral}) RETURN p.id } AS products,
                   COLLECT { MATCH (a:Agreement)-[:COVERS]->(:Mineral {id: $mineral}) RETURN a.id } AS agreements
            """;

    /** The two sides of a country-wide question, counted cheaply: the buyers, and the tails placed in the source. */
    private static final String SIDES = """
            RETURN COUNT { (:Country {id: $buyerCountry})<-[:HEADQUARTERED_IN]-(:Company) } AS buyers,
                   COUNT { MATCH (t:SupplyReach {country: $sourceCountry}) } AS tails
            """;

    private static final String BUYERS = """
            MATCH (:Country {id: $buyerCountry})<-[:HEADQUARTERED_IN]-(c:Company) RETURN c.id AS id ORDER BY id
            """;

    private static final String SUPPLIER_COUNTRIES = CypherQueries.load("supplier-countries");

    /**
     * Starting from the source country pays when its tails are fewer than this many times the buyers (a buyer costs
     * its deals and a look-up per supplier; a tail, the deals into its supplier). Set from one comparison at M
     * (Korea's 2,263 buyers against Australia's 12,900 tails: 155 ms from the buyers, 530 ms from the source), not
     * tuned further.
     */
    static final int SOURCE_SIDE_FACTOR = 2;

    /** An id no node has. */
    private static final String NO_ID = "\u0000";

    private SupplyPaths() {}

    /**
     * A question about supply paths.
     *
     * @param buyerCountry every company headquartered there is a buyer (when {@code buyers} is null)
     * @param buyers the buying companies' ids, or null for the buyer country's companies
     * @param mineral a mineral id, or null for all
     * @param sourceCountry a country id, or null for all
     * @param maxDepth hops from a buyer, 1..8
     * @param asOf only relationships in force on that day; null for all
     */
    public record Question(
            String buyerCountry,
            List<String> buyers,
            String mineral,
            String sourceCountry,
            int maxDepth,
            LocalDate asOf) {

        public static Question ofCountry(
                String buyerCountry, String mineral, String sourceCountry, int maxDepth, LocalDate asOf) {
            return new Question(buyerCountry, null, mineral, sourceCountry, maxDepth, asOf);
        }

        public static Question ofBuyers(
                List<String> buyers, String mineral, String sourceCountry, int maxDepth, LocalDate asOf) {
            return new Question(null, buyers, mineral, sourceCountry, maxDepth, asOf);
        }
    }

    /** Every dependency the question finds, with its evidence, in {@link Found#ORDER}. */
    public static List<Dependency> find(TransactionContext tx, Question question, SupplyReach.Reading reading) {
        return complete(tx, search(tx, question, reading));
    }

    /** The dependencies of the given buyers, with their evidence (the supply reach used when it is usable). */
    public static List<Dependency> find(
            TransactionContext tx,
            List<String> buyers,
            String mineral,
            String sourceCountry,
            int maxDepth,
            LocalDate asOf,
            SupplyReach.Reading reading) {
        return find(tx, Question.ofBuyers(buyers, mineral, sourceCountry, maxDepth, asOf), reading);
    }

    /** Every dependency the question finds, without the tails' evidence, in {@link Found#ORDER}. */
    public static List<Found> search(TransactionContext tx, Question question, SupplyReach.Reading reading) {
        return search(tx, question, reading, null);
    }

    /** As {@link #search(TransactionContext, Question, SupplyReach.Reading)}, from the given side (null: chosen). */
    static List<Found> search(
            TransactionContext tx, Question question, SupplyReach.Reading reading, Boolean sourceSide) {
        if (question.buyers() != null && question.buyers().isEmpty()) {
            return List.of();
        }
        if (reading.usable() && sourceSide == null && SupplyRoutes.answers(question)) {
            List<Found> routed = new ArrayList<>(SupplyRoutes.search(tx, question));
            routed.sort(Found.ORDER);
            return routed;
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("sourceCountry", question.sourceCountry());
        parameters.put("asOf", question.asOf() == null ? null : question.asOf().toString());
        parameters.put("products", null);
        parameters.put("agreements", null);
        if (question.mineral() != null) {
            // Never an empty list of agreements: a parameter's type is part of the plan cache's key, and an empty
            // list would need a plan of its own (planning these queries takes seconds).
            parameters.putAll(forms(tx, question.mineral()));
        }
        Map<String, Integer> bounds =
                Map.of("maxDepth", question.maxDepth(), "tailDepth", Math.max(1, question.maxDepth() - 1));
        List<Found> found = new ArrayList<>();
        if (reading.usable()) {
            parameters.put("buyers", question.buyers());
            parameters.put("buyerCountry", question.buyerCountry());
            parameters.put("fromSource", sourceSide != null ? sourceSide : fromSource(tx, question));
            // The reach's depth is a filter, not a pattern bound: a parameter, so that one plan serves every depth.
            parameters.put("maxDepth", question.maxDepth());
            tx.run(REACH, parameters).forEachRemaining(row -> found.add(new Found(row, false)));
        } else {
            List<String> buyers = question.buyers() != null
                    ? question.buyers()
                    : tx.run(BUYERS, Map.of("buyerCountry", question.buyerCountry()))
                            .list(r -> r.get("id").asString());
            if (buyers.isEmpty()) {
                return List.of();
            }
            parameters.put("buyers", buyers);
            tx.run(CypherQueries.withBounds(WALK, bounds), parameters)
                    .forEachRemaining(row -> found.add(new Found(row, true)));
        }
        found.sort(Found.ORDER);
        return found;
    }

    /** Whether the question is cheaper from the source country's side. */
    private static boolean fromSource(TransactionContext tx, Question question) {
        if (question.buyerCountry() == null || question.sourceCountry() == null || question.buyers() != null) {
            return false;
        }
        Record sides = tx.run(
                        SIDES,
                        Map.of("buyerCountry", question.buyerCountry(), "sourceCountry", question.sourceCountry()))
                .single();
        return sides.get("tails").asLong()
                < SOURCE_SIDE_FACTOR * sides.get("buyers").asLong();
    }

    /** The found dependencies with their evidence: the tails' nodes and relationships, origins, supplier countries. */
    public static List<Dependency> complete(TransactionContext tx, List<Found> found) {
        return complete(tx, found, null);
    }

    /**
     * As {@link #complete(TransactionContext, List)}, with the domiciled suppliers' origins already read (null: read
     * them here).
     */
    public static List<Dependency> complete(
            TransactionContext tx, List<Found> found, Map<String, List<Origin>> knownOrigins) {
        Set<String> domicileSuppliers = new LinkedHashSet<>();
        Set<String> originSuppliers = new LinkedHashSet<>();
        for (Found f : found) {
            if (!"domicile".equals(f.basis) && f.supplierCountry == null) {
                originSuppliers.add(f.supplier.id());
            } else if (f.sites == null || !f.sites.isEmpty()) {
                domicileSuppliers.add(f.supplier.id());
            }
        }
        Map<String, List<Origin>> origins = knownOrigins != null ? knownOrigins : origins(tx, domicileSuppliers);
        Map<String, NodeView> supplierCountries = supplierCountries(tx, originSuppliers);
        if (found.stream().anyMatch(f -> f.route != null)) {
            return DealConflicts.withConflicts(tx, SupplyRoutes.complete(tx, found, origins, supplierCountries), found);
        }
        ReachTails tails = ReachTails.read(tx, found);
        List<Dependency> dependencies = new ArrayList<>(found.size());
        for (Found f : found) {
            dependencies.add(dependency(f, tails, origins, supplierCountries));
        }
        return DealConflicts.withConflicts(tx, dependencies);
    }

    /** Where the domiciled suppliers' ore comes from (supply-origins.cypher), by supplier id. */
    public static Map<String, List<Origin>> origins(TransactionContext tx, Set<String> suppliers) {
        Map<String, List<Origin>> origins = new LinkedHashMap<>();
        if (suppliers.isEmpty()) {
            return origins;
        }
        for (Record row :
                tx.run(ORIGINS, Map.of("suppliers", List.copyOf(suppliers))).list()) {
            Map<String, String> ids = new HashMap<>();
            row.get("nodes")
                    .asList(Value::asNode)
                    .forEach(n -> ids.put(n.elementId(), n.get("id").asString()));
            List<RelationshipView> relationships = row.get("rels").asList(Value::asRelationship).stream()
                    .map(r -> GraphViews.relationship(r, ids))
                    .toList();
            origins.computeIfAbsent(row.get("supplierId").asString(), s -> new ArrayList<>())
                    .add(new Origin(
                            GraphViews.node(row.get("site")),
                            GraphViews.node(row.get("country")),
                            row.get("province").asString(null),
                            relationships));
        }
        return origins;
    }

    private static Dependency dependency(
            Found f, ReachTails tails, Map<String, List<Origin>> origins, Map<String, NodeView> supplierCountries) {
        List<Node> nodes;
        List<Relationship> relationships;
        if (f.walkedNodes != null) {
            nodes = f.walkedNodes;
            relationships = f.walkedRels;
        } else {
            nodes = new ArrayList<>(f.headNodes);
            relationships = new ArrayList<>(f.headRels);
            tails.addTo(f, nodes, relationships);
        }
        PathView path = GraphViews.path(nodes, relationships);
        RelationshipView deal = null;
        Map<String, Object> figures = Map.of();
        if (f.deal != null) {
            String dealId = f.deal.get("id").asString();
            deal = path.relationships().stream()
                    .filter(r ->
                            dealId.equals(r.properties().get("id")) && r.type().equals(f.deal.type()))
                    .findFirst()
                    .orElseThrow();
            figures = deal.properties();
        }
        boolean domicile = "domicile".equals(f.basis);
        return new Dependency(
                path.nodes().get(0),
                f.basis,
                f.supplier,
                domicile ? null : f.end,
                f.country,
                path.relationships().stream().map(RelationshipView::type).toList(),
                f.minerals,
                (Number) figures.get("tonnesPerYear"),
                (Number) figures.get("tonnesTotal"),
                (Number) figures.get("sharePct"),
                (Number) figures.get("stakePct"),
                deal,
                domicile ? origins.getOrDefault(f.supplier.id(), List.of()) : List.of(),
                domicile ? null : supplierCountries.get(f.supplier.id()),
                path,
                List.of());
    }

    private static Map<String, NodeView> supplierCountries(TransactionContext tx, Set<String> suppliers) {
        Map<String, NodeView> countries = new HashMap<>();
        if (!suppliers.isEmpty()) {
            tx.run(SUPPLIER_COUNTRIES, Map.of("suppliers", List.copyOf(suppliers)))
                    .forEachRemaining(
                            r -> countries.put(r.get("supplierId").asString(), GraphViews.node(r.get("country"))));
        }
        return countries;
    }

    /**
     * The supply-path statements with ids that match nothing, in the parameter shapes the endpoints use: run once at
     * start-up so that their plans are in Neo4j's query cache before the first requests. Planned cold by 32
     * concurrent requests at once, the supply-path query ran past the 10 s time-out (docs/benchmarks.md, "Load").
     */
    static List<Map.Entry<String, Map<String, Object>>> warmUpStatements() {
        String none = "\u0000warm-up";
        String reach = REACH;
        List<Map.Entry<String, Map<String, Object>>> statements = new ArrayList<>();
        // exposure (a country, a mineral, a source), analytics (a country and a mineral), alerts (a country), a
        // company's dependencies (one buyer, with and without a mineral). Walking the graph (while the reach is
        // rebuilt) is left to plan itself.
        Object[][] shapes = {
            {true, true, true, false},
            {true, true, false, false},
            {true, false, false, true},
            {false, true, false, false},
            {false, false, false, false}
        };
        for (Object[] shape : shapes) {
            boolean country = (Boolean) shape[0];
            boolean mineral = (Boolean) shape[1];
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("buyers", country ? null : List.of(none));
            parameters.put("buyerCountry", country ? "XX" : null);
            parameters.put("fromSource", false);
            parameters.put("sourceCountry", (Boolean) shape[2] ? "XX" : null);
            parameters.put("products", mineral ? List.of(none, none + 1, none + 2, none + 3) : null);
            parameters.put("agreements", mineral ? List.of(none, none + 1, none + 2) : null);
            // Alerts always ask on a day; a parameter's type (null or a string) is part of the plan cache's key.
            parameters.put("asOf", (Boolean) shape[3] ? "2000-01-01" : null);
            parameters.put("maxDepth", 4);
            statements.add(Map.entry(reach, parameters));
        }
        statements.addAll(SupplyRoutes.warmUpStatements());
        statements.add(Map.entry(FORMS, Map.of("mineral", none)));

        statements.add(Map.entry(SIDES, Map.of("buyerCountry", none, "sourceCountry", none)));
        statements.add(Map.entry(ORIGINS, Map.of("suppliers", List.of(none))));
        statements.add(Map.entry(SUPPLIER_COUNTRIES, Map.of("suppliers", List.of(none))));
        return statements;
    }
}
