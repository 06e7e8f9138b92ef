package org.mineralsupplygraph.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mineralsupplygraph.exposure.Dependency;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.InForce;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.PathView;
import org.mineralsupplygraph.graph.RelationshipView;
import org.mineralsupplygraph.system.CypherQueries;
import org.neo4j.driver.TransactionContext;

/**
 * The graph's reads for a country's holdings of sites: the sites its firms hold (when the supply routes do not answer)
 * and what held sites produce of the mineral, whose share a holding supplies.
 */
final class HeldSites {

    private static final String HELD_SITES = CypherQueries.load("held-sites");

    /** What the holdings' sites produce of the mineral (a product of it, or the mineral itself). */
    private static final String PRODUCTION = """
            UNWIND $sites AS id
            MATCH (site:Entity {id: id})-[p:PRODUCES]->(product)
            WHERE product.id = $mineral OR EXISTS { (product)-[:FORM_OF]->(:Mineral {id: $mineral}) }
            RETURN id, p, product.id AS product
            """;

    private HeldSites() {}

    /** The sites the country's firms or their subsidiaries own or operate, as origin-basis dependencies. */
    static List<Dependency> read(TransactionContext tx, String buyerCountry, String mineral, LocalDate asOf) {
        List<Dependency> held = new ArrayList<>();
        tx.run(HELD_SITES, Map.of("buyerCountry", buyerCountry, "mineral", mineral))
                .forEachRemaining(row -> {
                    PathView path = GraphViews.path(row.get("path").asPath());
                    if (asOf != null
                            && !path.relationships().stream()
                                    .allMatch(r -> InForce.of(r.properties()).on(asOf))) {
                        return;
                    }
                    NodeView site = GraphViews.node(row.get("site"));
                    held.add(new Dependency(
                            path.nodes().get(0),
                            "origin",
                            site,
                            site,
                            GraphViews.node(row.get("country")),
                            path.relationships().stream()
                                    .map(RelationshipView::type)
                                    .toList(),
                            List.of(mineral),
                            null,
                            null,
                            null,
                            null,
                            null,
                            List.of(),
                            row.get("home").isNull() ? null : GraphViews.node(row.get("home")),
                            path,
                            List.of()));
                });
        return held;
    }

    /** The PRODUCES relationships of each site (by id) for the mineral: a product of it, or the mineral itself. */
    static Map<String, List<RelationshipView>> production(TransactionContext tx, List<String> sites, String mineral) {
        Map<String, List<RelationshipView>> production = new LinkedHashMap<>();
        if (sites.isEmpty()) {
            return production;
        }
        tx.run(PRODUCTION, Map.of("sites", sites, "mineral", mineral)).forEachRemaining(row -> {
            String site = row.get("id").asString();
            production
                    .computeIfAbsent(site, k -> new ArrayList<>())
                    .add(GraphViews.relationship(
                            row.get("p").asRelationship(),
                            site,
                            row.get("product").asString()));
        });
        return production;
    }
}
