package org.mineralsupplygraph.exposure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mineralsupplygraph.exposure.Dependency.Origin;
import org.mineralsupplygraph.graph.Conflict;
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

    private static final String EVIDENCE = CypherQueries.load("supply-reach-evidence");

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
            return withConflicts(tx, SupplyRoutes.complete(tx, found, origins, supplierCountries), found);
        }
        Map<String, List<Object>> tails = tails(tx, found);
        List<Dependency> dependencies = new ArrayList<>(found.size());
        for (Found f : found) {
            dependencies.add(dependency(f, tails, origins, supplierCountries));
        }
        return withConflicts(tx, dependencies);
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

    /** For every distinct reach tail of length > 0: [nodes after the supplier..., relationships...], keyed. */
    private static Map<String, List<Object>> tails(TransactionContext tx, List<Found> found) {
        Map<String, Map<String, Object>> wanted = new LinkedHashMap<>();
        for (Found f : found) {
            if (f.tailRels != null && !f.tailRels.isEmpty()) {
                wanted.putIfAbsent(key(f), Map.of("nodes", f.tailNodes, "types", f.tailTypes, "rels", f.tailRels));
            }
        }
        Map<String, List<Object>> read = new HashMap<>();
        if (wanted.isEmpty()) {
            return read;
        }
        List<String> keys = List.copyOf(wanted.keySet());
        List<Map<String, Object>> list = List.copyOf(wanted.values());
        Map<String, Node[]> nodes = new HashMap<>();
        Map<String, Relationship[]> rels = new HashMap<>();
        tx.run(EVIDENCE, Map.of("tails", list)).forEachRemaining(row -> {
            int i = row.get("tailIndex").asInt();
            int hop = row.get("hop").asInt();
            String key = keys.get(i);
            int size = ((List<?>) list.get(i).get("rels")).size();
            nodes.computeIfAbsent(key, k -> new Node[size])[hop] = row.get("b").asNode();
            rels.computeIfAbsent(key, k -> new Relationship[size])[hop] =
                    row.get("r").asRelationship();
        });
        for (String key : keys) {
            Node[] n = nodes.get(key);
            Relationship[] r = rels.get(key);
            if (n == null || Arrays.asList(n).contains(null) || Arrays.asList(r).contains(null)) {
                // The graph no longer holds a hop the reach names: it changed under the reach; the reach is rebuilt
                // by the next question that looks (SupplyReach.read), this one keeps the tail it could read.
                continue;
            }
            List<Object> path = new ArrayList<>(List.of(n));
            path.addAll(List.of(r));
            read.put(key, path);
        }
        return read;
    }

    private static String key(Found f) {
        return String.join("\u0001", f.tailRels) + "\u0002" + String.join("\u0001", f.tailNodes);
    }

    private static Dependency dependency(
            Found f,
            Map<String, List<Object>> tails,
            Map<String, List<Origin>> origins,
            Map<String, NodeView> supplierCountries) {
        List<Node> nodes;
        List<Relationship> relationships;
        if (f.walkedNodes != null) {
            nodes = f.walkedNodes;
            relationships = f.walkedRels;
        } else {
            nodes = new ArrayList<>(f.headNodes);
            relationships = new ArrayList<>(f.headRels);
            List<Object> tail = f.tailRels.isEmpty() ? List.of() : tails.get(key(f));
            if (tail != null) {
                int hops = tail.size() / 2;
                for (int i = 0; i < hops; i++) {
                    nodes.add((Node) tail.get(i));
                }
                for (int i = hops; i < tail.size(); i++) {
                    relationships.add((Relationship) tail.get(i));
                }
            }
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

    /**
     * Every account of the given deals' facts: the relationships of the deal's type between its two ends (ADR 2),
     * for the conflicts among them.
     */
    private static final String DEAL_ACCOUNTS = """
            UNWIND $deals AS deal
            MATCH (a:Entity {id: deal[1]})-[r]->(b:Entity {id: deal[2]})
            WHERE type(r) = deal[0]
            WITH deal, collect(r) AS accounts
            WHERE size(accounts) > 1
            RETURN deal, accounts
            """;

    /** The dependencies, each with the conflicts among its deal's accounts (one query for all of them). */
    private static List<Dependency> withConflicts(TransactionContext tx, List<Dependency> dependencies) {
        return withConflicts(tx, dependencies, List.of());
    }

    /**
     * As {@link #withConflicts(TransactionContext, List)}; deals a supply route knows to have one account only are not
     * looked up.
     */
    private static List<Dependency> withConflicts(
            TransactionContext tx, List<Dependency> dependencies, List<Found> routes) {
        Set<String> single = new HashSet<>();
        routes.stream()
                .filter(f -> Boolean.FALSE.equals(f.accounts))
                .forEach(f -> single.add(f.dealType + "|" + f.dealId));
        Set<List<String>> deals = new LinkedHashSet<>();
        for (Dependency d : dependencies) {
            if (d.deal() != null
                    && !single.contains(
                            d.deal().type() + "|" + d.deal().properties().get("id"))) {
                deals.add(List.of(d.deal().type(), d.deal().from(), d.deal().to()));
            }
        }
        if (deals.isEmpty()) {
            return dependencies;
        }
        Map<List<String>, List<Conflict>> conflicts = new HashMap<>();
        tx.run(DEAL_ACCOUNTS, Map.of("deals", List.copyOf(deals))).forEachRemaining(row -> {
            List<String> deal = row.get("deal").asList(Value::asString);
            List<RelationshipView> accounts = row.get("accounts")
                    .asList(r -> GraphViews.relationship(r.asRelationship(), deal.get(1), deal.get(2)));
            List<Conflict> found = Conflict.among(accounts);
            if (!found.isEmpty()) {
                conflicts.put(deal, found);
            }
        });
        if (conflicts.isEmpty()) {
            return dependencies;
        }
        List<Dependency> result = new ArrayList<>(dependencies.size());
        for (Dependency d : dependencies) {
            List<Conflict> found = d.deal() == null
                    ? null
                    : conflicts.get(
                            List.of(d.deal().type(), d.deal().from(), d.deal().to()));
            result.add(found == null ? d : d.withConflicts(found));
        }
        return result;
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
