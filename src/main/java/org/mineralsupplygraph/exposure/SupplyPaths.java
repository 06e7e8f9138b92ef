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
import org.mineralsupplygraph.system.CypherQueries;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Relationship;

/**
 * Runs {@code cypher/queries/supply-paths.cypher} and turns its rows into {@link Dependency} records. Public for the
 * analytics, which build their contracts and measures on the same paths as the exposure endpoints.
 */
public final class SupplyPaths {

    private static final String QUERY = CypherQueries.load("supply-paths");

    private static final String ORIGINS = CypherQueries.load("supply-origins");

    /** What counts as the mineral: its products, and the agreements that cover it. */
    private static final String FORMS = """
            RETURN COLLECT { MATCH (p:Product)-[:FORM_OF]->(:Mineral {id: $mineral}) RETURN p.id } AS products,
                   COLLECT { MATCH (a:Agreement)-[:COVERS]->(:Mineral {id: $mineral}) RETURN a.id } AS agreements
            """;

    private static final String SUPPLIER_COUNTRIES = CypherQueries.load("supplier-countries");

    /** An id no node has. */
    private static final String NO_ID = "\u0000";

    private SupplyPaths() {}

    /**
     * The dependencies of the given buyers.
     *
     * @param tx a read transaction
     * @param buyers company ids
     * @param mineral a mineral id, or null for all
     * @param sourceCountry a country id, or null for all
     * @param maxDepth hops from a buyer, 1..8
     * @param asOf only relationships in force on that day; null for all
     */
    public static List<Dependency> find(TransactionContext tx, List<String> buyers, String mineral,
            String sourceCountry, int maxDepth, LocalDate asOf) {
        if (buyers.isEmpty()) {
            return List.of();
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("buyers", buyers);
        parameters.put("sourceCountry", sourceCountry);
        parameters.put("asOf", asOf == null ? null : asOf.toString());
        parameters.put("products", null);
        parameters.put("agreements", null);
        if (mineral != null) {
            Record forms = tx.run(FORMS, Map.of("mineral", mineral)).single();
            List<String> products = new ArrayList<>();
            products.add(mineral);
            products.addAll(forms.get("products").asList(Value::asString));
            parameters.put("products", products);
            // Never an empty list: a parameter's type is part of the plan cache's key, and an empty list would
            // need a plan of its own (planning this query takes seconds). The extra id matches no agreement.
            List<String> agreements = new ArrayList<>(forms.get("agreements").asList(Value::asString));
            agreements.add(NO_ID);
            parameters.put("agreements", agreements);
        }
        List<Record> rows = tx.run(CypherQueries.withBounds(QUERY, Map.of("maxDepth", maxDepth,
                "tailDepth", Math.max(1, maxDepth - 1))), parameters).list();

        Set<String> domicileSuppliers = new LinkedHashSet<>();
        Set<String> originSuppliers = new LinkedHashSet<>();
        for (Record row : rows) {
            String supplier = row.get("supplier").asNode().get("id").asString();
            ("domicile".equals(row.get("basis").asString()) ? domicileSuppliers : originSuppliers).add(supplier);
        }
        Map<String, List<Origin>> origins = origins(tx, domicileSuppliers);
        Map<String, NodeView> supplierCountries = supplierCountries(tx, originSuppliers);

        List<Dependency> dependencies = new ArrayList<>();
        for (Record row : rows) {
            dependencies.add(dependency(row, origins, supplierCountries));
        }
        return dependencies;
    }

    /**
     * The supply-path statements with ids that match nothing, in the parameter shapes the endpoints use: run once at
     * start-up so that their plans are in Neo4j's query cache before the first requests. Planned cold by 32
     * concurrent requests at once, the supply-path query ran past the 10 s time-out (docs/benchmarks.md, "Load").
     */
    static List<Map.Entry<String, Map<String, Object>>> warmUpStatements() {
        String none = "\u0000warm-up";
        String query = CypherQueries.withBounds(QUERY, Map.of("maxDepth", 4, "tailDepth", 3));
        List<Map.Entry<String, Map<String, Object>>> statements = new ArrayList<>();
        // exposure (mineral and source country), dependencies without and with a mineral, analytics (mineral only)
        boolean[][] shapes = {{true, true}, {false, false}, {true, false}};
        for (boolean[] shape : shapes) {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("buyers", List.of(none, none + 1, none + 2, none + 3, none + 4));
            parameters.put("sourceCountry", shape[1] ? "XX" : null);
            parameters.put("products", shape[0] ? List.of(none, none + 1, none + 2, none + 3) : null);
            parameters.put("agreements", shape[0] ? List.of(none, none + 1, none + 2) : null);
            parameters.put("asOf", null);
            statements.add(Map.entry(query, parameters));
        }
        statements.add(Map.entry(FORMS, Map.of("mineral", none)));
        statements.add(Map.entry(ORIGINS, Map.of("suppliers", List.of(none))));
        statements.add(Map.entry(SUPPLIER_COUNTRIES, Map.of("suppliers", List.of(none))));
        return statements;
    }

    private static Dependency dependency(Record row, Map<String, List<Origin>> origins,
            Map<String, NodeView> supplierCountries) {
        String basis = row.get("basis").asString();
        PathView path = GraphViews.path(row.get("nodes").asList(Value::asNode),
                row.get("relationships").asList(Value::asRelationship));
        NodeView supplier = GraphViews.node(row.get("supplier"));
        Value dealValue = row.get("deal");
        RelationshipView deal = null;
        Map<String, Object> figures = Map.of();
        if (!dealValue.isNull()) {
            Relationship relationship = dealValue.asRelationship();
            deal = path.relationships().stream()
                    .filter(r -> relationship.get("id").asString().equals(r.properties().get("id")))
                    .findFirst()
                    .orElseThrow();
            figures = deal.properties();
        }
        boolean domicile = "domicile".equals(basis);
        return new Dependency(
                path.nodes().get(0),
                basis,
                supplier,
                domicile ? null : GraphViews.node(row.get("end")),
                GraphViews.node(row.get("country")),
                path.relationships().stream().map(RelationshipView::type).toList(),
                row.get("minerals").asList(Value::asString),
                (Number) figures.get("tonnesPerYear"),
                (Number) figures.get("tonnesTotal"),
                (Number) figures.get("sharePct"),
                (Number) figures.get("stakePct"),
                deal,
                domicile ? origins.getOrDefault(supplier.id(), List.of()) : List.of(),
                domicile ? null : supplierCountries.get(supplier.id()),
                path);
    }

    private static Map<String, List<Origin>> origins(TransactionContext tx, Set<String> suppliers) {
        Map<String, List<Origin>> origins = new LinkedHashMap<>();
        if (suppliers.isEmpty()) {
            return origins;
        }
        for (Record row : tx.run(ORIGINS, Map.of("suppliers", List.copyOf(suppliers))).list()) {
            Map<String, String> ids = new HashMap<>();
            row.get("nodes").asList(Value::asNode).forEach(n -> ids.put(n.elementId(), n.get("id").asString()));
            List<RelationshipView> relationships = row.get("rels").asList(Value::asRelationship).stream()
                    .map(r -> GraphViews.relationship(r, ids))
                    .toList();
            origins.computeIfAbsent(row.get("supplierId").asString(), s -> new ArrayList<>()).add(new Origin(
                    GraphViews.node(row.get("site")), GraphViews.node(row.get("country")),
                    row.get("province").asString(null), relationships));
        }
        return origins;
    }

    private static Map<String, NodeView> supplierCountries(TransactionContext tx, Set<String> suppliers) {
        Map<String, NodeView> countries = new HashMap<>();
        if (!suppliers.isEmpty()) {
            tx.run(SUPPLIER_COUNTRIES, Map.of("suppliers", List.copyOf(suppliers))).forEachRemaining(
                    r -> countries.put(r.get("supplierId").asString(), GraphViews.node(r.get("country"))));
        }
        return countries;
    }
}
