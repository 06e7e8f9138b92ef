package org.mineralsupplygraph.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mineralsupplygraph.catalog.CatalogViews.AgreementView;
import org.mineralsupplygraph.catalog.CatalogViews.AgreementsResponse;
import org.mineralsupplygraph.catalog.CatalogViews.CompaniesResponse;
import org.mineralsupplygraph.catalog.CatalogViews.CompanyView;
import org.mineralsupplygraph.catalog.CatalogViews.CountriesResponse;
import org.mineralsupplygraph.catalog.CatalogViews.CountryView;
import org.mineralsupplygraph.catalog.CatalogViews.Linked;
import org.mineralsupplygraph.catalog.CatalogViews.MineralView;
import org.mineralsupplygraph.catalog.CatalogViews.MineralsResponse;
import org.mineralsupplygraph.catalog.CatalogViews.PoliciesResponse;
import org.mineralsupplygraph.catalog.CatalogViews.PolicyView;
import org.mineralsupplygraph.catalog.CatalogViews.Production;
import org.mineralsupplygraph.graph.GraphModel;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.system.CypherQueries;
import org.mineralsupplygraph.system.Named;
import org.mineralsupplygraph.system.ReadQueries;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.stereotype.Service;

/** Agreements, policies and the plain listings: minerals, countries, companies. */
@Service
class CatalogService {

    private static final String AGREEMENTS = CypherQueries.load("agreements");
    private static final String POLICIES = CypherQueries.load("policies");

    private static final String MINERALS = """
            MATCH (m:Mineral)
            RETURN m,
                   COLLECT { MATCH (p:Product)-[:FORM_OF]->(m) RETURN p ORDER BY p.name } AS products,
                   COLLECT { MATCH (c:Country)-[r:PRODUCES]->(m)
                             RETURN {country: c, relationship: r} ORDER BY r.tonnes DESC } AS production
            ORDER BY m.name
            """;

    private static final String COUNTRIES = """
            MATCH (c:Country)
            RETURN c,
                   COLLECT { MATCH (g:Government)-[:GOVERNS]->(c) RETURN g.id } AS governments,
                   COUNT { (c)<-[:HEADQUARTERED_IN]-(:Company) } AS companies
            ORDER BY c.name
            """;

    private static final String COMPANIES = """
            MATCH (company:Company)
            WHERE $country IS NULL OR EXISTS { (company)-[:HEADQUARTERED_IN]->(:Country {id: $country}) }
            RETURN company,
                   COLLECT { MATCH (company)-[:HEADQUARTERED_IN]->(c:Country) RETURN c ORDER BY c.name } AS headquarters
            ORDER BY company.name
            """;

    private final ReadQueries queries;

    CatalogService(ReadQueries queries) {
        this.queries = queries;
    }

    /** How many nodes of each label of the model the graph holds (from Neo4j's count store: constant time). */
    Map<String, Long> countsByLabel() {
        return queries.read(tx -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String label : GraphModel.labels().keySet()) {
                counts.put(
                        label,
                        tx.run("MATCH (n:`" + label + "`) RETURN count(n) AS n")
                                .single()
                                .get("n")
                                .asLong());
            }
            counts.put(
                    "Source",
                    tx.run("MATCH (n:Source) RETURN count(n) AS n")
                            .single()
                            .get("n")
                            .asLong());
            counts.put(
                    "relationships",
                    tx.run("MATCH ()-[r]->() RETURN count(r) AS n")
                            .single()
                            .get("n")
                            .asLong());
            return counts;
        });
    }

    /** 404 when a given country or mineral is not in the graph. */
    private static void requireKnown(TransactionContext tx, String country, String mineral) {
        Named.require(tx, Named.country("country", country), Named.mineral("mineral", mineral));
    }

    private static Map<String, Object> parameters(String country, String mineral) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("country", country);
        parameters.put("mineral", mineral);
        return parameters;
    }

    /** Nodes linked to {@code center}: each entry of a COLLECT of {node, relationship} maps. */
    private static List<Linked> linked(Node center, Value entries) {
        List<Linked> linked = new ArrayList<>();
        for (Value entry : entries.values()) {
            Node node = entry.get("node").asNode();
            Map<String, String> ids = Map.of(
                    center.elementId(),
                    center.get("id").asString(),
                    node.elementId(),
                    node.get("id").asString());
            linked.add(new Linked(
                    GraphViews.node(node),
                    GraphViews.relationship(entry.get("relationship").asRelationship(), ids)));
        }
        return linked;
    }

    AgreementsResponse agreements(String country, String mineral) {
        return queries.read(tx -> {
            requireKnown(tx, country, mineral);
            List<AgreementView> agreements = tx.run(AGREEMENTS, parameters(country, mineral))
                    .list(r -> {
                        Node agreement = r.get("agreement").asNode();
                        return new AgreementView(
                                GraphViews.node(agreement),
                                linked(agreement, r.get("parties")),
                                linked(agreement, r.get("minerals")));
                    });
            return new AgreementsResponse(country, mineral, agreements);
        });
    }

    PoliciesResponse policies(String country, String mineral) {
        return queries.read(tx -> {
            requireKnown(tx, country, mineral);
            List<PolicyView> policies = tx.run(POLICIES, parameters(country, mineral))
                    .list(r -> {
                        Node policy = r.get("policy").asNode();
                        return new PolicyView(
                                GraphViews.node(policy),
                                linked(policy, r.get("enactedBy")),
                                linked(policy, r.get("minerals")),
                                linked(policy, r.get("importsFrom")));
                    });
            return new PoliciesResponse(country, mineral, policies);
        });
    }

    MineralsResponse minerals() {
        return queries.read(tx -> new MineralsResponse(tx.run(MINERALS).list(r -> {
            Node mineral = r.get("m").asNode();
            List<Production> production = new ArrayList<>();
            for (Value entry : r.get("production").values()) {
                Node country = entry.get("country").asNode();
                production.add(new Production(
                        GraphViews.node(country),
                        GraphViews.relationship(
                                entry.get("relationship").asRelationship(),
                                country.get("id").asString(),
                                mineral.get("id").asString())));
            }
            return new MineralView(GraphViews.node(mineral), r.get("products").asList(GraphViews::node), production);
        })));
    }

    CountriesResponse countries() {
        return queries.read(tx -> new CountriesResponse(tx.run(COUNTRIES)
                .list(r -> new CountryView(
                        GraphViews.node(r.get("c")),
                        r.get("governments").asList(Value::asString),
                        r.get("companies").asLong()))));
    }

    CompaniesResponse companies(String country) {
        return queries.read(tx -> {
            requireKnown(tx, country, null);
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("country", country);
            return new CompaniesResponse(
                    country,
                    tx.run(COMPANIES, parameters)
                            .list(r -> new CompanyView(
                                    GraphViews.node(r.get("company")),
                                    r.get("headquarters").asList(GraphViews::node))));
        });
    }
}
