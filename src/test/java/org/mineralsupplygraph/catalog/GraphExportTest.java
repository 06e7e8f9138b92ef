package org.mineralsupplygraph.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.Api;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/export: GraphML that validates against the GraphML schema and reads back (JGraphT's importer) to the graph's
 * counts; GEXF that validates against the GEXF 1.3 schema; Cytoscape.js elements whose edges join their nodes.
 */
@GraphTest
class GraphExportTest {

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    Api api;
    Cypher cypher;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        cypher = new Cypher(driver);
    }

    private long entities() {
        return cypher.count("MATCH (n:Entity) RETURN count(n)");
    }

    private long relationshipsAmongEntities() {
        return cypher.count("MATCH (:Entity)-[r]->(:Entity) RETURN count(r)");
    }

    private static void validate(String xml, URL schema) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(schema).newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theWholeGraphAsGraphMlValidatesAndReadsBackToItsCounts() throws Exception {
        Api.Response export = api.get("/api/export?format=graphml");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/graphml+xml");
        assertThat(export.header("Content-Disposition")).contains("mineral-supply-graph-all.graphml");
        assertThat(export.header("Export-Truncated")).isEqualTo("false");
        validate(export.text(), getClass().getResource("/graphml.xsd"));

        DirectedPseudograph<String, Object> graph = new DirectedPseudograph<>(null, Object::new, false);
        GraphMLImporter<String, Object> importer = new GraphMLImporter<>();
        importer.setVertexFactory(id -> id);
        Map<String, Map<String, Attribute>> nodeData = new HashMap<>();
        Map<Object, Map<String, Attribute>> edgeData = new HashMap<>();
        importer.addVertexAttributeConsumer((p, a) ->
                nodeData.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a));
        importer.addEdgeAttributeConsumer((p, a) ->
                edgeData.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a));
        importer.importGraph(graph, new StringReader(export.text()));

        assertThat((long) graph.vertexSet().size()).isEqualTo(entities());
        assertThat((long) graph.edgeSet().size()).isEqualTo(relationshipsAmongEntities());
        // Labels in APOC's notation, typed figures, provenance.
        assertThat(nodeData.get("sk-on").get("labels").getValue()).isEqualTo(":Company");
        assertThat(nodeData.get("sk-on").get("name").getValue()).isEqualTo("SK On");
        Map<String, Attribute> stake = edgeData.values().stream()
                .filter(d -> d.containsKey("id")
                        && d.get("id")
                                .getValue()
                                .equals("INVESTS_IN:lg-energy-solution:green-technology-metals:seed-article"))
                .findFirst()
                .orElseThrow();
        assertThat(stake.get("label").getValue()).isEqualTo("INVESTS_IN");
        assertThat(stake.get("stakePct").getType().name()).isEqualTo("DOUBLE");
        assertThat(stake.get("stakePct").getValue()).isEqualTo("7.89");
        assertThat(stake.get("source").getValue()).isEqualTo("seed-article");
        assertThat(stake.get("evidence").getValue()).contains("7.89%");
    }

    @Test
    void aNeighbourhoodAsGexfValidatesAgainstTheGexf13Schema() throws Exception {
        Api.Response export = api.get("/api/export?focus=lg-energy-solution&depth=1&format=gexf");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/gexf+xml");
        validate(export.text(), getClass().getResource("/schemas/gexf-1.3/gexf.xsd"));

        Document gexf = parse(export.text());
        NodeList nodes = gexf.getElementsByTagNameNS("http://gexf.net/1.3", "node");
        NodeList edges = gexf.getElementsByTagNameNS("http://gexf.net/1.3", "edge");
        long neighbours =
                cypher.count("MATCH (:Company {id: 'lg-energy-solution'})--(n:Entity) RETURN count(DISTINCT n)");
        assertThat((long) nodes.getLength()).isEqualTo(neighbours + 1);
        long among = cypher.count("""
                MATCH (c:Company {id: 'lg-energy-solution'})
                WITH [c] + COLLECT { MATCH (c)--(n:Entity) RETURN DISTINCT n } AS ring
                MATCH (a)-[r]->(b) WHERE a IN ring AND b IN ring RETURN count(r)""");
        assertThat((long) edges.getLength()).isEqualTo(among);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            ids.add(((Element) nodes.item(i)).getAttribute("id"));
        }
        for (int i = 0; i < edges.getLength(); i++) {
            Element edge = (Element) edges.item(i);
            assertThat(ids).contains(edge.getAttribute("source"), edge.getAttribute("target"));
            assertThat(edge.getAttribute("kind"))
                    .isEqualTo(edge.getAttribute("label"))
                    .isNotBlank();
        }
        assertThat(export.text())
                .contains("<node id=\"lg-energy-solution\" label=\"LG Energy Solution\">")
                .contains("type=\"liststring\"");
    }

    @Test
    void aNeighbourhoodAsCytoscapeElementsJoinsEveryEdgeToItsNodes() {
        Api.Response export = api.get("/api/export?focus=sk-on&depth=2&format=cytoscape");
        assertThat(export.status()).isEqualTo(200);
        JsonNode elements = export.at("/elements");
        Set<String> ids = new HashSet<>();
        elements.get("nodes").forEach(n -> ids.add(n.at("/data/id").asString()));
        Api.Response neighbourhood = api.get("/api/entities/sk-on/neighbourhood?depth=2");
        assertThat(ids).hasSize(neighbourhood.at("/graph/nodes").size()).contains("sk-on", "lake-resources");
        assertThat(elements.get("edges").size())
                .isEqualTo(neighbourhood.at("/graph/relationships").size());
        elements.get("edges").forEach(e -> {
            assertThat(ids)
                    .contains(
                            e.at("/data/source").asString(),
                            e.at("/data/target").asString());
            assertThat(e.at("/data/interaction").asString()).isNotBlank();
        });
        // A fact's provenance does not take the place of the edge's source node.
        JsonNode offtake = null;
        for (JsonNode e : elements.get("edges")) {
            if (e.at("/data/interaction").asString().equals("OFFTAKE")
                    && e.at("/data/target").asString().equals("lake-resources")) {
                offtake = e;
            }
        }
        assertThat(offtake).isNotNull();
        assertThat(offtake.at("/data/source").asString()).isEqualTo("sk-on");
        assertThat(offtake.at("/data/provenance").asString()).isNotBlank();
    }

    @Test
    void theWholeGraphWithALimitSaysItIsTruncatedAndKeepsOnlyRelationshipsAmongItsNodes() throws Exception {
        Api.Response export = api.get("/api/export?format=gexf&limit=40");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Export-Truncated")).isEqualTo("true");
        validate(export.text(), getClass().getResource("/schemas/gexf-1.3/gexf.xsd"));
        Document gexf = parse(export.text());
        assertThat(gexf.getElementsByTagNameNS("http://gexf.net/1.3", "node").getLength())
                .isEqualTo(40);
        long among = cypher.count("""
                MATCH (n:Entity) WITH n ORDER BY n.id LIMIT 40 WITH collect(n) AS first
                MATCH (a)-[r]->(b) WHERE a IN first AND b IN first RETURN count(r)""");
        assertThat((long) gexf.getElementsByTagNameNS("http://gexf.net/1.3", "edge")
                        .getLength())
                .isEqualTo(among);
        assertThat(gexf.getElementsByTagNameNS("http://gexf.net/1.3", "description")
                        .item(0)
                        .getTextContent())
                .contains("The first 40 of " + entities() + " nodes");
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        Api.Response format = api.get("/api/export?format=xls");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.get("parameter").asString()).isEqualTo("format");
        Api.Response focus = api.get("/api/export?focus=no-such-node");
        assertThat(focus.status()).isEqualTo(404);
        assertThat(focus.get("parameter").asString()).isEqualTo("focus");
        Api.Response limit = api.get("/api/export?focus=sk-on&limit=2000000");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.get("parameter").asString()).isEqualTo("limit");
        assertThat(api.get("/api/export?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/api/export?focus=sk-on&depth=9").status()).isEqualTo(400);
    }
}
